import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { BoardState } from '../../../protocol/board/board-state';
import { boardDirectory } from '../../../protocol/board/board-selectors';
import { locationDisplayName, type TenantDirectoryEntry } from '../../../protocol/tenant-directory';
import { useMessages } from '../app/app-stores';
import { humanizeId } from './display-name';

const DirectoryContext = createContext<TenantDirectoryEntry | null>(null);

/** Gives the boards below the tenant's directory entry (from the board the hub sent): location names, kitchen thresholds, areas. */
export function LocationNamesProvider({
  state,
  children,
}: {
  state: BoardState;
  children: ReactNode;
}) {
  return (
    <DirectoryContext.Provider value={boardDirectory(state)}>{children}</DirectoryContext.Provider>
  );
}

/** The tenant's directory entry of the board below {@link LocationNamesProvider}; null without one. */
export function useDirectoryEntry(): TenantDirectoryEntry | null {
  return useContext(DirectoryContext);
}

/**
 * A function naming a location in the UI language: the directory's name for it
 * (its Arabic name in Arabic when it has one), else its id made readable.
 */
export function useLocationName(): (location: string) => string {
  const entry = useContext(DirectoryContext);
  const { intl } = useMessages();
  return useCallback(
    (location: string) => locationDisplayName(entry, location, intl) ?? humanizeId(location),
    [entry, intl],
  );
}

/** The same name as {@link useLocationName}, for code outside the provider that holds the board. */
export function locationNameIn(
  state: BoardState | null | undefined,
  intl: Parameters<typeof locationDisplayName>[2],
  location: string,
): string {
  return (
    locationDisplayName(state ? boardDirectory(state) : null, location, intl) ??
    humanizeId(location)
  );
}
