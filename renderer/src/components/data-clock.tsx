import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useAppStores, useBoardView } from '../app/app-stores';
import { useClockValue } from '../hooks/use-now';
import { boardDataTime } from '../stores/board-data-time';
import { shownLinkState } from './link-status-text';

/**
 * The clock a board's ages run on. While the link is live it is the window's
 * shared 1 s clock; while it is not (or the board is stale), it stops at the
 * time the data was last known good, so ticket and table ages freeze instead
 * of counting up on data nobody is updating, and no "On time" is claimed.
 */
const FrozenAtContext = createContext<number | null>(null);

/** Freezes the data clock of the boards inside it at `tenant`'s data time whenever the link is not live. */
export function DataClockProvider({ tenant, children }: { tenant: string; children: ReactNode }) {
  const { link } = useAppStores();
  const live = useStore(link, (view) => shownLinkState(view.status?.state) === 'live');
  const board = useBoardView(
    tenant,
    useShallow((view) => ({
      freshness: view.freshness,
      asOf: view.asOf,
      lastEventAt: view.state?.lastEventAt ?? 0,
      hasState: view.state !== null,
    })),
  );
  const frozen =
    board.hasState && (!live || board.freshness === 'stale')
      ? (boardDataTime(board.freshness, board.asOf, board.lastEventAt) ?? board.asOf)
      : null;
  return <FrozenAtContext.Provider value={frozen}>{children}</FrozenAtContext.Provider>;
}

/** When the boards' data stopped being live, epoch ms; null while live (or outside a provider). */
export function useFrozenAt(): number | null {
  return useContext(FrozenAtContext);
}

/**
 * A value derived from the data clock; re-renders only when it changes. While
 * frozen it is derived once from the frozen time and no longer ticks.
 */
export function useDataClockValue<T>(derive: (now: number) => T): T {
  const frozenAt = useFrozenAt();
  return useClockValue((now) => derive(frozenAt ?? now));
}
