import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_PATH } from '../../protocol/http-api';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { countRetained, ingestBudget, watchHub } from '../../test-support/hub-watch';

/** Issue 8 items 2 and 5: logins must neither starve ingest nor lock a user out. */

/** POST /v1/auth/token from a chosen loopback source address; resolves to the status and body. */
function tokenRequestFrom(
  hub: HubProcess,
  localAddress: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      hub.url + TOKEN_PATH,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString();
          resolve({
            status: res.statusCode ?? 0,
            body: raw.startsWith('{') ? (JSON.parse(raw) as Record<string, unknown>) : {},
          });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('login pressure against a real hub process', () => {
  let hub: HubProcess | undefined;

  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
  });

  it('keeps the honest producer under 100 ms p99 while 16 addresses send unknown-user logins', async () => {
    // A login limit high enough that every attacking address stays within its own limit.
    hub = await startHubProcess({ readyTimeoutMs: 60_000, env: { HUB_LOGIN_RATE: '100000' } });
    const token = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish read' });
    const watched = { url: hub.url, pid: hub.pid(), token, tenant: 'cedar-group' };
    const budget = await ingestBudget(watched);
    let attacking = true;
    const statuses = new Map<number, number>();
    // Four requests in flight from each of 16 addresses: 64 scrypt runs queued at once.
    const attackers = Array.from({ length: 64 }, async (_, i) => {
      while (attacking) {
        const answer = await tokenRequestFrom(hub!, `127.0.1.${(i % 16) + 1}`, {
          username: `nobody-${i}`,
          password: 'guess',
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        // Retry-After says 1 s; the queue stays full anyway, as each slot frees another loop refills it.
        if (answer.status !== 401) await sleep(1000);
      }
    });
    await sleep(500);
    const watch = watchHub(watched);
    await sleep(5000);
    const report = await watch.stop();
    attacking = false;
    await Promise.all(attackers);
    console.info('login flood', { ...report, acked: report.acked.length, statuses, ...budget });

    expect(hub.pid()).not.toBeNull();
    expect(report.healthzMaxMs).toBeLessThan(1000);
    expect(report.ingestFailures).toBe(0);
    expect(report.ingestP99Ms).toBeLessThan(budget.budgetMs);
    expect(report.peakRssBytes).toBeLessThan(400 * 1024 * 1024);
    // Every attempt got an answer: 401, or a fast 503 when the hashing queue was full.
    expect([...statuses.keys()].every((s) => s === 401 || s === 503)).toBe(true);
    const retained = await countRetained(hub.url, token, 'cedar-group', report.acked);
    expect(retained).toEqual({ duplicates: report.acked.length, accepted: 0 });
  });

  it('lets the owner of a name log in while two addresses keep guessing its password', async () => {
    hub = await startHubProcess({ readyTimeoutMs: 60_000, env: { HUB_LOGIN_RATE: '3' } });
    await hub.addUser('wall-ops', 'the-right-password', {
      tenants: ['cedar-group'],
      scope: 'read',
    });
    const refused: number[] = [];
    for (let round = 0; round < 6; round++) {
      const guesses = await Promise.all(
        ['127.0.2.1', '127.0.2.2'].map((address) =>
          tokenRequestFrom(hub!, address, { username: 'wall-ops', password: `guess-${round}` }),
        ),
      );
      refused.push(...guesses.map((g) => g.status));
    }
    const owner: number[] = [];
    for (let i = 0; i < 6; i++)
      owner.push(
        (
          await tokenRequestFrom(hub, '127.0.3.1', {
            username: 'wall-ops',
            password: 'the-right-password',
          })
        ).status,
      );
    console.info('guesses', refused, 'owner logins', owner);
    expect(refused.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(owner).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('never refuses a valid refresh token, even when the name is slowed down for every address', async () => {
    hub = await startHubProcess({
      readyTimeoutMs: 60_000,
      env: { HUB_LOGIN_RATE: '10', HUB_LOGIN_USER_RATE: '4' },
    });
    await hub.addUser('lobby', 'lobby-password-1', { tenants: ['cedar-group'], scope: 'read' });
    const first = await tokenRequestFrom(hub, '127.0.3.1', {
      username: 'lobby',
      password: 'lobby-password-1',
    });
    expect(first.status).toBe(200);
    for (let i = 0; i < 12; i++)
      await tokenRequestFrom(hub, `127.0.4.${i + 1}`, { username: 'lobby', password: `x-${i}` });
    const slowed = await tokenRequestFrom(hub, '127.0.3.1', {
      username: 'lobby',
      password: 'lobby-password-1',
    });
    expect(slowed.status).toBe(429);
    let refreshToken = first.body.refresh_token as string;
    for (let i = 0; i < 3; i++) {
      const renewed = await tokenRequestFrom(hub, '127.0.3.1', { refreshToken });
      expect(renewed.status).toBe(200);
      refreshToken = renewed.body.refresh_token as string;
    }
  });
});
