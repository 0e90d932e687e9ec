import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import type { BoardState } from '../../../protocol/board/board-state';
import { boardDirectory } from '../../../protocol/board/board-selectors';
import { tenantDisplayNameIn } from '../../../protocol/tenant-directory';
import { useAppStores, useMessages } from '../app/app-stores';
import type { TenantNames } from '../stores/directory-store';
import { tenantDisplayName } from './display-name';

/** What the host says of a tenant (`TenantInfo`), enough to name it. */
export interface HostTenant {
  id: string;
  name: string;
}

/**
 * A tenant's name in the UI language (`intl`, e.g. `ar-u-nu-latn`): the
 * directory's name in that language, else the directory's display name, else
 * the host's name, else the id made readable.
 */
export function tenantNameIn(
  names: TenantNames | undefined,
  tenant: HostTenant,
  intl: string,
): string {
  return tenantDisplayNameIn(names, intl) ?? tenantDisplayName(tenant);
}

/** A function naming tenants as {@link tenantNameIn}, re-rendering when a name is learnt or the language changes. */
export function useTenantName(): (tenant: HostTenant) => string {
  const names = useStore(useAppStores().directory, (view) => view.names);
  const { intl } = useMessages();
  return useCallback(
    (tenant: HostTenant) => tenantNameIn(names.get(tenant.id), tenant, intl),
    [names, intl],
  );
}

/**
 * Teaches the window's directory store the names in `tenant`'s board whenever
 * the board brings a (new) directory entry, or drops them when it has none.
 * Call it where a tenant's board is shown.
 */
export function useLearnTenantNames(tenant: string, state: BoardState | null): void {
  const { directory } = useAppStores();
  const entry = state ? boardDirectory(state) : undefined;
  useEffect(() => {
    // No board yet says nothing about the directory; only a board does.
    if (entry !== undefined) directory.getState().learn(tenant, entry);
  }, [directory, tenant, entry]);
}
