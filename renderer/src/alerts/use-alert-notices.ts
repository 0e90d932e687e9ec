import { useEffect, useRef } from 'react';
import { isActiveAlert } from '../../../protocol/board/alert-selectors';
import type { AlertRecord, BoardState } from '../../../protocol/board/board-state';
import { useAppStores, useMessages } from '../app/app-stores';
import { locationNameIn } from '../format/location-names';
import { useHostBridge } from '../host/host-bridge-context';
import { shouldBeep } from './alert-prefs';
import { playAlertBeep } from './alert-sound';

export interface AlertNoticeOptions {
  tenant: string;
  /** The group's display name, for the notification title. */
  tenantName: string;
  /** The tenant's board; null while it loads. */
  state: BoardState | null;
  wall: boolean;
  /** Plays the beep; tests pass a recorder. */
  beep?: () => void;
}

/**
 * Tells the operator about each new critical alert once: a desktop
 * notification through the host (unless turned off in Settings) and a short
 * beep (desktop windows by default; wall displays only when allowed).
 * Alerts already on the board when it first loads are history, shown by the
 * banner, and never notified; an alert that arrives already past the active
 * window (a late replay) is not notified either.
 */
export function useCriticalAlertNotices({
  tenant,
  tenantName,
  state,
  wall,
  beep = playAlertBeep,
}: AlertNoticeOptions): void {
  const bridge = useHostBridge();
  const { prefs, clock } = useAppStores();
  const { t, intl } = useMessages();
  // The alert ids already handled for `tenant`; null until its first board arrives.
  const seen = useRef<{ tenant: string; ids: Set<string> } | null>(null);
  const alerts = state?.alerts;

  useEffect(() => {
    if (!alerts) return;
    const before = seen.current;
    // The board keeps its last 30 alerts, so the handled set is rebuilt from them and stays small.
    seen.current = { tenant, ids: new Set(alerts.map((alert) => alert.id)) };
    if (!before || before.tenant !== tenant) return;
    const now = clock.getState().now;
    const fresh: AlertRecord[] = alerts.filter(
      (alert) =>
        !before.ids.has(alert.id) && alert.severity === 'critical' && isActiveAlert(alert, now),
    );
    if (fresh.length === 0) return;
    const choice = prefs.getState().alerts;
    if (choice.notify)
      for (const alert of fresh)
        bridge.desktop
          .notify({
            title: t.alerts.notificationTitle(tenantName),
            body: t.alerts.notificationBody(
              alert.message,
              alert.location ? locationNameIn(state, intl, alert.location) : t.kpi.noLocation,
            ),
            tag: `${tenant}:${alert.id}`,
          })
          .catch((error: unknown) =>
            console.warn('[ops-console] The desktop notification failed', error),
          );
    if (shouldBeep(choice, wall)) beep();
    // Only a new list of alerts is news; names, messages and settings are read as they are then.
  }, [alerts, tenant]);
}
