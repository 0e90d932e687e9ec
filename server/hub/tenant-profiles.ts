import type { BoardOptions } from '../../protocol/board/board-state';

/** Display metadata of a tenant: a fresh board starts with its time zone and currency. */
export interface TenantProfile extends BoardOptions {
  displayName?: string;
}

/**
 * No profiles: the hub hard-codes no tenant. The runtime passes the demo's
 * profiles when the demo runs (server/demo/generator/demo-tenants.ts); issue 13
 * replaces them with a tenant directory.
 */
export const NO_TENANT_PROFILES: Readonly<Record<string, TenantProfile>> = Object.freeze(
  Object.create(null) as Record<string, TenantProfile>,
);

/** The board options of `tenant`: its profile's, or UTC and a currency learned from the first money event. */
export function profileFor(
  profiles: Readonly<Record<string, TenantProfile>>,
  tenant: string,
): BoardOptions {
  const profile = Object.prototype.hasOwnProperty.call(profiles, tenant)
    ? profiles[tenant]
    : undefined;
  return { timeZone: profile?.timeZone ?? 'UTC', currency: profile?.currency ?? null };
}
