import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATH } from '../../../protocol/http-api';
import { startHubProcess, type HubProcess } from '../../../test-support/hub-process';
import { startKeyring, type TestKeyring } from '../../../test-support/keyring';
import { ConsoleSession } from '../console-session';
import { createCoreLogger } from '../core-logger';
import { openCredentialStore } from '../credential-store';
import { decodeStoredCredential } from '../stored-credential';
import { waitFor } from '../../../test-support/link-recorder';

const PASSWORD = 'wall-display-7781-secret';
/** Where the attacker's wrong logins come from: loopback addresses other than the console's 127.0.0.1, so per-address limits do not stop them. */
const ATTACKER_ADDRESSES = ['127.0.0.2', '127.0.0.3'];

/** One wrong-password login for `username`, sent from `from`; resolves with the HTTP status. */
function wrongLogin(hubUrl: string, username: string, from: string): Promise<number> {
  const url = new URL(TOKEN_PATH, hubUrl);
  const body = JSON.stringify({ username, password: 'not-the-password' });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function diskContains(dir: string, needle: string): boolean {
  try {
    execFileSync('grep', ['-r', '-a', '-l', '-F', needle, dir], { encoding: 'utf8' });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 1) return false;
    throw error;
  }
}

describe('a signed-in desktop while someone floods its user name with wrong passwords', () => {
  let hub: HubProcess;
  let keyring: TestKeyring;
  let dataDir: string;
  beforeAll(async () => {
    // 3 s access tokens, so the console renews several times while the user's login bucket is empty.
    hub = await startHubProcess({ tokenTtl: '3s', env: { HUB_LOGIN_RATE: '10' } });
    await hub.addUser('ops', PASSWORD, { tenants: ['cedar-group'], scope: 'read' });
    keyring = await startKeyring();
    dataDir = mkdtempSync(join(tmpdir(), 'ops-console-lockout-'));
  });
  afterAll(async () => {
    await hub?.stop();
    await keyring?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps renewing with its refresh token from the real keychain, never sends the password again, and stays live', async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS;
    const log = createCoreLogger('silent');
    const credentials = await openCredentialStore(log);
    expect(credentials.kind).toBe('keychain');
    // Every token request the console sends to the real hub, by grant type.
    const grants: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      grants.push('password' in body ? 'password' : 'refreshToken' in body ? 'refresh' : 'other');
      return fetch(input, init);
    };
    const session = new ConsoleSession({ dataDir, credentials, log, fetch: countingFetch });
    const states: string[] = [];
    const reasons: string[] = [];
    session.onLinkStatus((_profile, status) => {
      if (states.at(-1) !== status.state) states.push(status.state);
      if (status.state !== 'live') reasons.push(status.reason);
    });
    const signedIn = await session.signIn({ hubUrl: hub.url, username: 'ops', password: PASSWORD });
    expect(signedIn.ok).toBe(true);
    try {
      await waitFor('the link to come up', () => session.linkStatus().state === 'live');
      const liveFrom = states.length - 1;

      // The keychain holds the refresh token, not the password; nothing on disk has the password.
      const stored = await credentials.get(hub.url, 'ops');
      expect(stored).not.toBeNull();
      expect(decodeStoredCredential(stored as string).kind).toBe('refresh');
      expect(stored).not.toContain(PASSWORD);

      // ~12 s of wrong passwords for "ops" from two addresses: more than the hub's per-user
      // login rate (10 a minute here), so the hub answers 429 to password logins for "ops".
      const statuses: number[] = [];
      const until = Date.now() + 12_000;
      while (Date.now() < until) {
        statuses.push(
          ...(await Promise.all(
            ATTACKER_ADDRESSES.map((from) => wrongLogin(hub.url, 'ops', from)),
          )),
        );
      }
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(statuses).toContain(429);
      // The console renewed (3 s tokens over 12 s) by refresh grants only, and never left `live`.
      expect(states.slice(liveFrom), reasons.join('; ')).toEqual(['live']);
      expect(session.linkStatus().state).toBe('live');
      expect(grants[0]).toBe('password');
      expect(grants.filter((g) => g === 'password')).toHaveLength(1);
      expect(grants.filter((g) => g === 'refresh').length).toBeGreaterThanOrEqual(3);
      const rotated = await credentials.get(hub.url, 'ops');
      expect(rotated).not.toBe(stored);
      expect(decodeStoredCredential(rotated as string).kind).toBe('refresh');
      expect(diskContains(dataDir, PASSWORD)).toBe(false);
    } finally {
      const profile = signedIn.ok ? signedIn.value.id : undefined;
      if (profile) await session.signOut(profile);
      await session.quit();
    }
    expect(await credentials.get(hub.url, 'ops')).toBeNull();
  });
});
