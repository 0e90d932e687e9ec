import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { createTokenMinter } from '../auth/jwt';
import { connectTestClient, postJson, type TestClient } from '../../test-support/ws-test-client';
import { startHubRuntime, type HubRuntime, type HubRuntimeOptions } from './hub-runtime';
import { configFromFlags } from './runtime-config';
import { describeStartFailure } from './start-failure';

const dirs: string[] = [];
const runtimes: HubRuntime[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(runtimes.splice(0).map((runtime) => runtime.stop('test over')));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A hub on the memory backplane journaling into `dataDir`, on a free port unless one is given. */
async function start(
  dataDir: string,
  options: HubRuntimeOptions & { port?: number } = {},
): Promise<HubRuntime> {
  const config = configFromFlags(
    {
      HUB_PORT: String(options.port ?? 0),
      HUB_DATA_DIR: dataDir,
      HUB_LOG_LEVEL: 'info',
      HUB_SHUTDOWN_TIMEOUT: '3s',
    },
    {},
  );
  const runtime = await startHubRuntime(config, {
    logDestination: { write: () => undefined },
    ...options,
  });
  runtimes.push(runtime);
  return runtime;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-runtime-'));
  dirs.push(dir);
  return dir;
}

async function token(runtime: HubRuntime, scope: string): Promise<string> {
  const minter = createTokenMinter({ secret: runtime.config.jwt.secret as string });
  return (await minter.mint({ sub: 'test', tenants: ['cedar-group'], scope, ttlMs: 600_000 }))
    .token;
}

async function subscriber(runtime: HubRuntime, message: object = {}): Promise<TestClient> {
  const client = await connectTestClient(runtime.wsUrl, { token: await token(runtime, 'read') });
  clients.push(client);
  client.send({ type: 'subscribe', tenant: 'cedar-group', ...message });
  return client;
}

const seated = (n: number) => ({
  type: 'table.seated',
  id: `seat-${n}`,
  location: 'beirut-downtown',
  data: { tableId: `T${n}`, covers: 2 },
});

describe('the hub runtime', () => {
  it('closes a subscriber with 1001 before it closes the backplane, and keeps an acknowledged ingest across a restart', async () => {
    const dataDir = tempDir();
    const log: Array<{ msg: string; step?: string }> = [];
    const watched: { client?: TestClient } = {};
    let clientStateAtBackplaneClose: number | undefined;
    const runtime = await start(dataDir, {
      logDestination: {
        write(line: string) {
          const entry = JSON.parse(line) as { msg: string; step?: string };
          log.push(entry);
          // Read synchronously, at the very moment the runtime begins closing the backplane.
          if (entry.step === 'flush and close the backplane')
            clientStateAtBackplaneClose = watched.client?.ws.readyState;
        },
      },
    });
    const client = await subscriber(runtime);
    watched.client = client;
    const snapshot = await client.waitFor((f) => f.type === 'snapshot');
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');

    const answer = await postJson(
      runtime.url + ingestPath('cedar-group'),
      { events: [1, 2, 3, 4, 5].map(seated) },
      { Authorization: `Bearer ${await token(runtime, 'publish')}` },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: 5, firstSeq: 1, lastSeq: 5 });

    const stopping = runtime.stop('test');
    expect(runtime.stop('again')).toBe(stopping);
    await stopping;

    expect((await client.closed).code).toBe(1001);
    // CLOSING: the client had the hub's close frame; OPEN would mean the backplane went first.
    expect([WebSocket.CLOSING, WebSocket.CLOSED]).toContain(clientStateAtBackplaneClose);
    const steps = log.filter((entry) => entry.step).map((entry) => entry.step);
    expect(steps).toEqual([
      'stop accepting and close clients (1001)',
      'flush and close the backplane',
      'close the user store',
      'close the tenant directory',
    ]);
    expect(log.at(-1)?.msg).toBe('shutdown complete');

    const restarted = await start(dataDir);
    const resumed = await subscriber(restarted, { resumeFrom: 0, epoch: snapshot.epoch });
    await resumed.waitFor((f) => f.type === 'resumed');
    await resumed.waitFor((f) => f.type === 'event' && f.seq === 5);
    expect(resumed.events('cedar-group').map((f) => f.event.id)).toEqual([
      'seat-1',
      'seat-2',
      'seat-3',
      'seat-4',
      'seat-5',
    ]);
  });

  it('with the demo on, seeds the demo tenants into the directory, starts their boards from it and publishes to them, and stops the demo after the hub', async () => {
    const log: Array<{ msg: string; step?: string; component?: string }> = [];
    const runtime = await start(tempDir(), {
      demo: true,
      logDestination: { write: (line: string) => void log.push(JSON.parse(line)) },
    });
    expect(runtime.demo).toBe(true);
    const client = await subscriber(runtime);
    const snapshot = await client.waitFor((f) => f.type === 'snapshot');
    expect(snapshot).toMatchObject({
      state: {
        timeZone: 'Asia/Beirut',
        currency: 'LBP',
        directory: { id: 'cedar-group', locations: expect.any(Array) },
      },
    });
    const event = await client.waitFor((f) => f.type === 'event', { timeoutMs: 20_000 });
    expect(event).toMatchObject({ tenant: 'cedar-group', event: { location: expect.any(String) } });

    await runtime.stop('test');
    expect(log.filter((entry) => entry.step).map((entry) => entry.step)).toEqual([
      'stop accepting and close clients (1001)',
      'stop the demo',
      'flush and close the backplane',
      'close the user store',
      'close the tenant directory',
    ]);
  });

  it('without the demo, hard-codes no tenant: a board with no directory entry starts in UTC', async () => {
    const runtime = await start(tempDir());
    const client = await subscriber(runtime);
    const snapshot = await client.waitFor((f) => f.type === 'snapshot');
    expect(snapshot).toMatchObject({ state: { timeZone: 'UTC', currency: null } });
  });

  it('refuses the demo without a key to mint its token (HUB_JWKS_URL) as a config error, before listening', async () => {
    const config = configFromFlags(
      {
        HUB_PORT: '0',
        HUB_DATA_DIR: tempDir(),
        HUB_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
        HUB_LOG_LEVEL: 'warn',
      },
      {},
    );
    const printed: string[] = [];
    const error = await startHubRuntime(config, {
      demo: true,
      print: (text) => void printed.push(text),
      logDestination: { write: () => undefined },
    }).catch((e: unknown) => e);
    expect(describeStartFailure(error)).toMatchObject({
      code: 'config',
      message: expect.stringMatching(/^HUB_JWKS_URL: the demo mints/),
    });
    expect(printed.join('')).not.toMatch(/listening/);
  });

  it('fails a start on a taken port with port_in_use and leaves the running hub alone', async () => {
    const first = await start(tempDir());
    const error = await start(tempDir(), { port: first.port }).catch((e: unknown) => e);
    expect(describeStartFailure(error)).toMatchObject({ code: 'port_in_use' });
    const ready = await fetch(`${first.url}/readyz`);
    expect(ready.status).toBe(200);
  });
});
