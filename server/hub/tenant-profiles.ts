import type { BoardOptions } from '../../protocol/board/board-state';

/** Display metadata of a tenant: a fresh board starts with its time zone and currency. */
export interface TenantProfile extends BoardOptions {
  displayName?: string;
}

/**
 * Profiles of the documented demo tenants. Tenants without a profile start in UTC
 * and learn their currency from the first money event.
 */
export const DEMO_TENANT_PROFILES: Readonly<Record<string, TenantProfile>> = {
  'cedar-group': { displayName: 'مجموعة الأرز', timeZone: 'Asia/Beirut', currency: 'LBP' },
  'harbor-eats': { displayName: 'Harbor Eats', timeZone: 'Asia/Dubai', currency: 'AED' },
};

export function profileFor(
  profiles: Readonly<Record<string, TenantProfile>>,
  tenant: string,
): BoardOptions {
  const profile = Object.prototype.hasOwnProperty.call(profiles, tenant)
    ? profiles[tenant]
    : undefined;
  return { timeZone: profile?.timeZone ?? 'UTC', currency: profile?.currency ?? null };
}
