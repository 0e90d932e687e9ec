import { z } from 'zod';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { tenantIdSchema } from '../../../protocol/ids';
import {
  DIRECTORY_LIMITS,
  localizedNameSchema,
  tenantDirectoryEntrySchema,
  type TenantDirectoryEntry,
} from '../../../protocol/tenant-directory';

/**
 * The tenant directory as this window has learnt it from snapshots: each
 * tenant's names (its display name and its names in other languages), updated
 * live when a board brings a newer entry. The tenant picker and the headers read
 * it, so a group shows its real name in the UI language; before a tenant's first
 * snapshot they fall back to the host's `TenantInfo.name`. The names (never
 * anything else) are kept in localStorage, so the picker shows them on the next
 * start before any board is open.
 */

/** What the console shows of a tenant's directory entry. */
export interface TenantNames {
  displayName: string;
  localizedNames: ReadonlyArray<{ locale: string; name: string }>;
}

export interface DirectoryView {
  /** By tenant id. */
  names: ReadonlyMap<string, TenantNames>;
}

export interface DirectoryActions {
  /**
   * Records what a tenant's latest board says: its entry's names, or null when
   * the hub has no entry for it (forgotten). A tenant's boards arrive in order
   * (a cached one before the live one), so the last one learnt wins.
   */
  learn(tenant: string, entry: TenantDirectoryEntry | null): void;
}

export type DirectoryStore = StoreApi<DirectoryView & DirectoryActions>;

export const DIRECTORY_STORAGE_KEY = 'ops-console.directory-names.v1';

/** Tenants remembered in storage; more than any profile lists, so the list stays bounded. */
const MAX_REMEMBERED = 200;

const storedNamesSchema = z
  .array(
    z.tuple([
      tenantIdSchema,
      z.strictObject({
        displayName: tenantDirectoryEntrySchema.shape.displayName,
        localizedNames: z.array(localizedNameSchema).max(DIRECTORY_LIMITS.locales),
      }),
    ]),
  )
  .max(MAX_REMEMBERED);

function load(storage: Storage | undefined): Map<string, TenantNames> {
  const raw = storage?.getItem(DIRECTORY_STORAGE_KEY);
  if (!raw) return new Map();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    console.warn('Ignoring damaged saved tenant names:', (error as Error).message);
    return new Map();
  }
  const parsed = storedNamesSchema.safeParse(json);
  if (!parsed.success) {
    console.warn('Ignoring invalid saved tenant names:', parsed.error.issues[0]?.message);
    return new Map();
  }
  return new Map(parsed.data);
}

function save(storage: Storage | undefined, names: ReadonlyMap<string, TenantNames>): void {
  if (!storage) return;
  try {
    storage.setItem(DIRECTORY_STORAGE_KEY, JSON.stringify([...names].slice(-MAX_REMEMBERED)));
  } catch (error) {
    // A full or blocked storage only costs the names on the next start.
    console.warn('Could not save tenant names:', (error as Error).message);
  }
}

function sameNames(a: TenantNames, b: TenantNames): boolean {
  return (
    a.displayName === b.displayName &&
    JSON.stringify(a.localizedNames) === JSON.stringify(b.localizedNames)
  );
}

/** Creates the window's directory store; `storage` (localStorage by default) keeps the names. */
export function createDirectoryStore(
  storage: Storage | undefined = globalThis.localStorage,
): DirectoryStore {
  return createStore<DirectoryView & DirectoryActions>((set, get) => ({
    names: load(storage),
    learn(tenant, entry) {
      const current = get().names;
      const known = current.get(tenant);
      if (!entry) {
        if (!known) return;
        const next = new Map(current);
        next.delete(tenant);
        set({ names: next });
        save(storage, next);
        return;
      }
      const names: TenantNames = {
        displayName: entry.displayName,
        localizedNames: entry.localizedNames ?? [],
      };
      if (known && sameNames(known, names)) return;
      const next = new Map(current);
      next.set(tenant, names);
      set({ names: next });
      save(storage, next);
    },
  }));
}
