import type { Logger } from 'pino';
import { ensureDataDir } from '../config/data-dir';
import type { HubConfig } from '../config/hub-config';
import { DEMO_TENANTS, demoDirectoryInput } from '../demo/generator/demo-tenants';
import { FileTenantDirectory } from '../directory/file-tenant-directory';
import { RedisTenantDirectory } from '../directory/redis-tenant-directory';
import { TenantExistsError, type TenantDirectory } from '../directory/tenant-directory';

/**
 * Opens the tenant directory where the users are: Redis when REDIS_URL is set
 * (every hub and `ops-hub tenants` share it), else `<dataDir>/tenants.json`.
 */
export function openTenantDirectory(config: HubConfig, logger?: Logger): TenantDirectory {
  const child = logger?.child({ component: 'directory' });
  if (config.redisUrl)
    return new RedisTenantDirectory({ url: config.redisUrl, ...(child ? { logger: child } : {}) });
  ensureDataDir(config.dataDir);
  return new FileTenantDirectory({ dataDir: config.dataDir, ...(child ? { logger: child } : {}) });
}

/**
 * Adds the demo's groups to the directory when they are absent; entries an
 * administrator already has (or changed) are left as they are.
 * @returns the ids it added.
 */
export async function seedDemoDirectory(directory: TenantDirectory): Promise<string[]> {
  const added: string[] = [];
  for (const tenant of DEMO_TENANTS) {
    if (await directory.get(tenant.id)) continue;
    try {
      await directory.add(tenant.id, demoDirectoryInput(tenant));
      added.push(tenant.id);
    } catch (error) {
      // Another hub on the same Redis seeded it in between: what we wanted.
      if (!(error instanceof TenantExistsError)) throw error;
    }
  }
  return added;
}
