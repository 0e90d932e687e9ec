import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useAppStores, useMessages } from '../app/app-stores';

/** The tenant whose boards may offer actions; absent on the wall and in bare board renders. */
const ActionTenantContext = createContext<string | null>(null);

/**
 * Lets the boards below offer operator actions for `tenant`. The tenant screen
 * sets it on the desktop only: a wall display has no controls, so it never
 * gets one, and every action control renders nothing there.
 */
export function OperatorActionsProvider({
  tenant,
  children,
}: {
  tenant: string | null;
  children: ReactNode;
}) {
  return <ActionTenantContext.Provider value={tenant}>{children}</ActionTenantContext.Provider>;
}

/** Whether this window may show action controls, and whether they work right now. */
export interface ActionAvailability {
  tenant: string;
  /** Why every action is off (the link is not live), or null when actions can be sent. */
  disabledReason: string | null;
}

/**
 * Null when no action control may show: no provider (the wall), or the profile lacks
 * `operate` for the tenant (`TenantInfo.canOperate`) — a read-only user sees no buttons
 * at all. Otherwise the tenant, and the reason actions are off while the link is not
 * live (the same link status the status bar shows; never queued, see docs/protocol.md).
 */
export function useActionAvailability(): ActionAvailability | null {
  const tenant = useContext(ActionTenantContext);
  const { session, link } = useAppStores();
  const { t } = useMessages();
  const canOperate = useStore(
    session,
    (view) => tenant !== null && view.tenants.some((info) => info.id === tenant && info.canOperate),
  );
  const live = useStore(link, (view) => view.status?.state === 'live');
  if (tenant === null || !canOperate) return null;
  return { tenant, disabledReason: live ? null : t.actions.notLive };
}
