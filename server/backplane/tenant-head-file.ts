import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from 'pino';
import { writeFileAtomically } from '../../node-shared/atomic-file';

/**
 * The memory backplane's head file: `<dataDir>/tenants/<tenant>.json` holds a
 * tenant's head and latest checkpoint, written throttled, so it may lag the real
 * head. The retained events are in the journal (`journal-format.ts`), which is
 * the record of the head and epoch after a crash.
 * @internal
 */

const checkpointSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  epoch: z.string().min(1).max(200),
  state: z.string(),
  savedAt: z.number(),
});

const tenantFileSchema = z.strictObject({
  version: z.literal(1),
  seq: z.number().int().nonnegative(),
  epoch: z.string().min(1).max(200),
  /** False while the hub runs: a file written between throttled flushes may lag the real head. */
  cleanShutdown: z.boolean(),
  checkpoint: checkpointSchema.nullable(),
});

export type TenantFile = z.infer<typeof tenantFileSchema>;

function tenantsDir(dataDir: string): string {
  return join(dataDir, 'tenants');
}

/**
 * Reads a tenant's file; returns null when it does not exist or is corrupt (logged, never thrown),
 * because a bad file must not keep the hub from starting.
 */
export function readTenantFile(dataDir: string, tenant: string, logger: Logger): TenantFile | null {
  const path = join(tenantsDir(dataDir), `${tenant}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    logger.error(
      { err: error, path },
      'cannot read tenant head file; starting this tenant with a new epoch',
    );
    return null;
  }
  try {
    const parsed = tenantFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    logger.error(
      { path, issues: parsed.error.issues.slice(0, 5) },
      'tenant head file is invalid; ignoring it (new epoch)',
    );
  } catch (error) {
    logger.error({ err: error, path }, 'tenant head file is not JSON; ignoring it (new epoch)');
  }
  return null;
}

/** Creates `<dataDir>/tenants` if needed. @throws on I/O errors (e.g. permission denied). */
export function ensureTenantsDir(dataDir: string): void {
  mkdirSync(tenantsDir(dataDir), { recursive: true, mode: 0o700 });
}

/**
 * Writes the file atomically (see `writeFileAtomically`), so a crash leaves either
 * the old or the new content, never a torn file.
 * @throws on I/O errors; the caller logs and retries on the next flush.
 */
export async function writeTenantFile(
  dataDir: string,
  tenant: string,
  content: TenantFile,
): Promise<void> {
  await writeFileAtomically(join(tenantsDir(dataDir), `${tenant}.json`), JSON.stringify(content), {
    createDir: true,
  });
}
