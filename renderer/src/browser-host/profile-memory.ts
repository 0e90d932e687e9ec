import { profileSummarySchema } from '../../../protocol';
import type { ProfileSummary } from '../../../protocol';
import { openConsoleDatabase, PROFILE_STORE, runRequest } from './indexeddb-database';

const LAST_PROFILE_KEY = 'last';

/**
 * Remembers who signed in last on this browser: hub URL, username and the
 * tenants of the last token, so a reload while the hub is down can show the
 * cached boards. Never a token, never a password. A corrupt record is
 * discarded with a warning.
 */
export async function loadLastProfile(
  factory: IDBFactory = indexedDB,
): Promise<ProfileSummary | null> {
  try {
    const db = await openConsoleDatabase(factory);
    const raw: unknown = await runRequest(db, PROFILE_STORE, 'readonly', (store) =>
      store.get(LAST_PROFILE_KEY),
    );
    db.close();
    if (raw === undefined) return null;
    const parsed = profileSummarySchema.safeParse(raw);
    if (parsed.success) return { ...parsed.data, signedIn: false };
    console.warn('[ops-console] Discarded a corrupt remembered profile.');
    await forgetLastProfile(factory);
    return null;
  } catch (error) {
    console.warn('[ops-console] Could not read the remembered profile.', error);
    return null;
  }
}

/** Saves the profile (its `signedIn` flag is not meaningful once stored). */
export async function rememberProfile(
  profile: ProfileSummary,
  factory: IDBFactory = indexedDB,
): Promise<void> {
  try {
    const db = await openConsoleDatabase(factory);
    await runRequest(db, PROFILE_STORE, 'readwrite', (store) =>
      store.put({ ...profile, signedIn: false }, LAST_PROFILE_KEY),
    );
    db.close();
  } catch (error) {
    console.warn('[ops-console] Could not remember the profile.', error);
  }
}

export async function forgetLastProfile(factory: IDBFactory = indexedDB): Promise<void> {
  try {
    const db = await openConsoleDatabase(factory);
    await runRequest(db, PROFILE_STORE, 'readwrite', (store) => store.delete(LAST_PROFILE_KEY));
    db.close();
  } catch (error) {
    console.warn('[ops-console] Could not forget the profile.', error);
  }
}
