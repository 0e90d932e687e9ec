import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Code, WireError } from '../../../protocol/codes';
import type {
  AppInfo,
  HostBridge,
  ProfileSummary,
  SignInInput,
  TenantInfo,
} from '../../../protocol/bridge/host-bridge';

/**
 * Who is signed in and which tenants they may open. `phase` drives the top-level
 * screen: loading → signed_out (sign-in form) or signed_in (tenants).
 */
export interface SessionView {
  phase: 'loading' | 'signed_out' | 'signed_in';
  appInfo: AppInfo | null;
  profiles: ProfileSummary[];
  activeProfileId: string | null;
  tenants: TenantInfo[];
  busy: boolean;
  error: WireError | null;
}

export interface SessionActions {
  load(): Promise<void>;
  signIn(input: SignInInput): Promise<boolean>;
  signOut(): Promise<void>;
  /** Use an already signed-in profile. */
  chooseProfile(profileId: string): void;
  /** Go back to the sign-in form (e.g. the link says Sign-in needed). */
  requireSignIn(): void;
}

export type SessionStore = StoreApi<SessionView & SessionActions>;

function toError(error: unknown, code: Code = 'host_call_failed'): WireError {
  return { code, message: error instanceof Error ? error.message : String(error) };
}

/** Creates the session store over a host bridge. Host failures become `error`, never throws. */
export function createSessionStore(bridge: HostBridge): SessionStore {
  const store = createStore<SessionView & SessionActions>((set, get) => {
    async function refreshTenants(profileId: string | null) {
      const tenants = (await bridge.tenants.list()).filter(
        (tenant) => profileId === null || tenant.profileId === profileId,
      );
      set({ tenants });
    }
    return {
      phase: 'loading',
      appInfo: null,
      profiles: [],
      activeProfileId: null,
      tenants: [],
      busy: false,
      error: null,
      async load() {
        try {
          const [appInfo, profiles] = await Promise.all([
            bridge.app.info(),
            bridge.profiles.list(),
          ]);
          const active = profiles.find((profile) => profile.signedIn) ?? null;
          set({
            appInfo,
            profiles,
            activeProfileId: active?.id ?? null,
            phase: active ? 'signed_in' : 'signed_out',
          });
          if (active) await refreshTenants(active.id);
        } catch (error) {
          set({ phase: 'signed_out', error: toError(error) });
        }
      },
      async signIn(input) {
        set({ busy: true, error: null });
        try {
          const result = await bridge.profiles.signIn(input);
          if (!result.ok) {
            set({ busy: false, error: result.error });
            return false;
          }
          const profiles = await bridge.profiles.list();
          set({ profiles, activeProfileId: result.value.id });
          await refreshTenants(result.value.id);
          set({ phase: 'signed_in', busy: false });
          return true;
        } catch (error) {
          set({ busy: false, error: toError(error) });
          return false;
        }
      },
      async signOut() {
        const id = get().activeProfileId;
        if (id) await bridge.profiles.signOut(id);
        set({
          phase: 'signed_out',
          activeProfileId: null,
          tenants: [],
          profiles: await bridge.profiles.list(),
        });
      },
      chooseProfile(profileId) {
        set({ activeProfileId: profileId, phase: 'signed_in' });
        void refreshTenants(profileId).catch((error: unknown) => set({ error: toError(error) }));
      },
      requireSignIn() {
        set({ phase: 'signed_out' });
      },
    };
  });
  return store;
}
