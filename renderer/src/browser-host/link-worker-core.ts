import { hasScope } from '../../../protocol';
import type {
  BoardUpdate,
  BridgeError,
  BridgeOperationResult,
  BridgeResult,
  LinkStatus,
  ProfileSummary,
  SignInInput,
  TenantInfo,
} from '../../../protocol';
import { refreshAccessToken, requestToken } from './token-client';
import { forgetLastProfile, loadLastProfile, rememberProfile } from './profile-memory';
import { parsePageMessage } from './worker-protocol';
import type { PageRequest, WorkerMessage } from './worker-protocol';
import { startBoardSession, type BoardSession } from './board-session';
import { HeldToken } from './held-token';
import { performAction } from './worker-actions';

/** One connected tab: its port and the board subscriptions it holds. */
interface Client {
  port: MessagePort;
  subs: Map<number, { tenant: string; release: () => void }>;
}

export interface LinkWorkerCoreOptions {
  /** The hub's http(s) base URL: the page's own origin. */
  hubUrl: string;
  /** Injectable for tests. */
  fetch?: typeof fetch;
}

const SIGNED_OUT: Omit<LinkStatus, 'since'> = { state: 'auth_required', reason: 'Not signed in.' };

/**
 * The link worker: serves every tab's port with one hub session. Runs in a
 * SharedWorker, or inside the page as the fallback. Holds the access and refresh
 * tokens in memory only (HeldToken), renewing the access token with the refresh
 * token; the password passes through `signIn` once and is not kept. Sign-out
 * drops both tokens.
 *
 * Without a token (first visit, or the worker restarted after every tab was
 * closed) it still serves the last profile's cached boards, marked stale, and
 * reports `auth_required` so the person can sign in again.
 */
export class LinkWorkerCore {
  private readonly clients = new Set<Client>();
  private profile: ProfileSummary | null = null;
  /** The scope of the newest token (e.g. `read operate`); empty until a sign-in in this worker's life. */
  private scope = '';
  private readonly token: HeldToken;
  private session: BoardSession | null = null;
  private status: LinkStatus = { ...SIGNED_OUT, since: Date.now() };
  private readonly ready: Promise<void>;

  constructor(private readonly options: LinkWorkerCoreOptions) {
    this.token = new HeldToken({
      refresh: (refreshToken) => refreshAccessToken(options.hubUrl, refreshToken, options.fetch),
      onRefreshed: (token) => this.grantChanged(token.tenants, token.scope),
    });
    this.ready = this.restore();
  }

  /** Serves one tab's port until it says `bye`. */
  attach(port: MessagePort): void {
    const client: Client = { port, subs: new Map() };
    this.clients.add(client);
    port.addEventListener('message', (event: MessageEvent) => {
      void this.ready.then(() => this.handle(client, event.data));
    });
    // Chromium fires `close` on a MessagePort whose other end went away (tab crashed or closed).
    port.addEventListener('close', () => this.detach(client));
    port.start();
    void this.ready.then(() => this.post(client, { t: 'link', status: this.status }));
  }

  private async restore(): Promise<void> {
    const remembered = await loadLastProfile();
    if (!remembered || remembered.hubUrl !== this.options.hubUrl) return;
    this.profile = remembered;
    this.setStatus({
      state: 'auth_required',
      since: Date.now(),
      reason: 'Sign in again: this browser keeps no password, and the session ended.',
    });
    this.replaceSession();
  }

  private handle(client: Client, data: unknown): void {
    const parsed = parsePageMessage(data);
    if (!parsed.ok) {
      console.warn(
        `[ops-console] Link worker dropped an invalid message from a tab: ${parsed.error}`,
      );
      if (parsed.requestId !== undefined)
        this.post(client, {
          t: 'res',
          id: parsed.requestId,
          ok: false,
          error: { code: 'bad_request', message: parsed.error },
        });
      return;
    }
    const message = parsed.value;
    switch (message.t) {
      case 'req':
        void this.answer(client, message);
        return;
      case 'sub':
        this.subscribe(client, message.sub, message.args[0]);
        return;
      case 'unsub':
        client.subs.get(message.sub)?.release();
        client.subs.delete(message.sub);
        return;
      case 'bye':
        this.detach(client);
        return;
    }
  }

  private async answer(client: Client, request: PageRequest): Promise<void> {
    try {
      const value = await this.perform(request);
      this.post(client, { t: 'res', id: request.id, ok: true, value });
    } catch (error) {
      const wire: BridgeError = isBridgeError(error)
        ? error
        : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
      this.post(client, { t: 'res', id: request.id, ok: false, error: wire });
    }
  }

  private async perform(request: PageRequest): Promise<BridgeOperationResult<PageRequest['op']>> {
    switch (request.op) {
      case 'profiles.list':
        return this.profile ? [{ ...this.profile, signedIn: this.token.present() }] : [];
      case 'tenants.list': {
        const canOperate = hasScope(this.scope, 'operate');
        return (this.profile?.tenants ?? []).map((id): TenantInfo => ({
          id,
          name: id,
          profileId: this.profile?.id ?? '',
          canOperate,
        }));
      }
      case 'actions.perform':
        return performAction(this.profile, this.session, ...request.args);
      case 'link.status':
        return this.status;
      case 'link.retryNow':
        return this.session?.retryNow() ?? false;
      case 'profiles.signIn':
        return this.signIn(...request.args);
      case 'profiles.signOut':
        // The browser holds one profile at a time, so the id can only name it.
        await this.signOut();
        return undefined;
    }
  }

  private async signIn(input: SignInInput): Promise<BridgeResult<ProfileSummary>> {
    const { username, password, displayName } = input;
    if (!sameOrigin(input.hubUrl, this.options.hubUrl))
      return {
        ok: false,
        error: {
          code: 'bad_request',
          message: `This console signs in only to ${this.options.hubUrl}, the hub that served it.`,
        },
      };
    const result = await requestToken(this.options.hubUrl, username, password, this.options.fetch);
    // The password is not referenced past this point; nothing stores it.
    if (!result.ok) return { ok: false, error: result.error };
    const id = `${this.options.hubUrl}#${username}`;
    const sameProfile = this.profile?.id === id;
    this.profile = {
      id,
      hubUrl: this.options.hubUrl,
      username,
      displayName: displayName || username,
      tenants: result.token.tenants,
      signedIn: true,
    };
    this.scope = result.token.scope;
    this.token.set(result.token, result.obtainedAt);
    await rememberProfile(this.profile);
    if (sameProfile && this.session) this.session.restart();
    else this.replaceSession();
    return { ok: true, value: this.profile };
  }

  /** A refresh carried the user's current tenants and scope; later tenant lists and subscriptions follow them. */
  private grantChanged(tenants: string[], scope: string): void {
    this.scope = scope;
    const profile = this.profile;
    if (!profile || sameList(profile.tenants, tenants)) return;
    this.profile = { ...profile, tenants };
    void rememberProfile(this.profile);
  }

  private async signOut(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.token.clear();
    this.profile = null;
    this.scope = '';
    if (session) await session.close({ clearCache: true });
    await forgetLastProfile();
    for (const client of this.clients) client.subs.clear();
    this.setStatus({ state: 'auth_required', since: Date.now(), reason: 'Signed out.' });
  }

  private replaceSession(): void {
    const old = this.session;
    this.session = null;
    if (old) void old.close({ clearCache: false });
    for (const client of this.clients)
      for (const entry of client.subs.values()) entry.release = () => undefined;
    if (!this.profile) return;
    this.session = startBoardSession({
      hubUrl: this.options.hubUrl,
      profileId: this.profile.id,
      token: this.token,
      onStatus: (status) => this.setStatus(status),
    });
    // Tabs that were already watching boards move to the new session.
    for (const client of this.clients) {
      for (const [sub, { tenant }] of [...client.subs]) this.subscribe(client, sub, tenant);
    }
  }

  private subscribe(client: Client, sub: number, tenant: string): void {
    const send = (update: BoardUpdate) => this.post(client, { t: 'board', sub, update });
    if (!this.profile || !this.session) {
      send({ kind: 'error', tenant, code: 'unauthorized', message: 'Sign in to see this tenant.' });
      return;
    }
    if (!this.profile.tenants.includes(tenant)) {
      send({
        kind: 'error',
        tenant,
        code: 'forbidden',
        message: `Your account has no access to tenant ${tenant}.`,
      });
      return;
    }
    client.subs.get(sub)?.release();
    client.subs.set(sub, { tenant, release: this.session.subscribe(tenant, send) });
  }

  private detach(client: Client): void {
    if (!this.clients.delete(client)) return;
    for (const entry of client.subs.values()) entry.release();
    client.subs.clear();
    client.port.close();
  }

  private setStatus(status: LinkStatus): void {
    this.status = status;
    for (const client of this.clients) this.post(client, { t: 'link', status });
  }

  private post(client: Client, message: WorkerMessage): void {
    try {
      client.port.postMessage(message);
    } catch (error) {
      console.warn('[ops-console] Could not post to a tab; dropping it.', error);
      this.detach(client);
    }
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function isBridgeError(value: unknown): value is BridgeError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BridgeError).code === 'string' &&
    typeof (value as BridgeError).message === 'string'
  );
}

/** Whether two http(s) URLs share an origin; `false` also when either does not parse. */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch (error) {
    console.warn('[ops-console] Could not compare hub URLs.', error);
    return false;
  }
}
