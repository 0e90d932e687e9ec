import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../../test-support/hub-process';
import { startKeyring, type TestKeyring } from '../../../test-support/keyring';
import { isActionEventType } from '../../../protocol/actions';
import { KNOWN_EVENT_TYPES, type OpsEvent } from '../../../protocol/events';
import { summarizeEvent } from '../cli/event-summary';
import { runCli, spawnCli } from './cli-process';
import { startPublisher, waitFor } from '../../../test-support/link-recorder';

describe('ops-console tail --json against a real hub', () => {
  let hub: HubProcess;
  let keyring: TestKeyring;
  let env: Record<string, string>;
  let dataDir: string;

  beforeAll(async () => {
    hub = await startHubProcess();
    await hub.addUser('ops', 'correct horse battery', { tenants: ['cedar-group'], scope: 'read' });
    keyring = await startKeyring();
    dataDir = mkdtempSync(join(tmpdir(), 'ops-console-tail-'));
    env = { ...keyring.env, OPS_CONSOLE_DATA_DIR: dataDir };
    const login = await runCli(
      ['login', '--hub', hub.url, '--user', 'ops'],
      env,
      'correct horse battery\n',
    );
    expect(login.code, login.stderr).toBe(0);
  });
  afterAll(async () => {
    await hub?.stop();
    await keyring?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints state, token, snapshot and event lines with the stored credential (no --user needed)', async () => {
    const publisher = startPublisher(
      hub.url,
      'cedar-group',
      await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish', ttl: '1h' }),
      50,
    );
    const tail = spawnCli(['tail', '--hub', hub.url, '--tenant', 'cedar-group', '--json'], env);
    try {
      await waitFor(
        'ten event lines',
        () => (tail.stdout().match(/"kind":"event"/g) ?? []).length >= 10,
        20_000,
      );
    } finally {
      tail.child.kill('SIGTERM');
      await publisher.stop();
    }
    expect(await tail.exited).toBe(0);
    const lines = tail
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({ kind: 'state', from: 'idle', to: 'connecting', reason: 'started' });
    expect(lines[1]).toMatchObject({ kind: 'token', how: 'initial', exp: expect.any(Number) });
    expect(lines[2]).toMatchObject({ kind: 'state', from: 'connecting', to: 'live' });
    const snapshot = lines.find((l) => l.kind === 'snapshot');
    expect(snapshot).toEqual({
      kind: 'snapshot',
      tenant: 'cedar-group',
      seq: expect.any(Number),
      epoch: expect.any(String),
    });
    const events = lines.filter((l) => l.kind === 'event');
    expect(events[0]).toMatchObject({
      kind: 'event',
      tenant: 'cedar-group',
      seq: (snapshot?.seq as number) + 1,
      type: 'alert',
    });
    events.forEach((e, i) => expect(e.seq).toBe((snapshot?.seq as number) + 1 + i));
    expect(lines.at(-1)).toMatchObject({ kind: 'state', to: 'stopped' });
  });

  it('prints every event of a burst the hub sends as events frames, once each and in seq order', async () => {
    const publish = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish', ttl: '1h' });
    const tail = spawnCli(['tail', '--hub', hub.url, '--tenant', 'cedar-group', '--json'], env);
    let firstSeq = 0;
    try {
      await waitFor('a snapshot line', () => tail.stdout().includes('"kind":"snapshot"'), 20_000);
      // One ingest of 60 events reaches a batching client in one turn, as events frames.
      const response = await fetch(`${hub.url}/v1/tenants/cedar-group/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${publish}` },
        body: JSON.stringify({
          events: Array.from({ length: 60 }, (_, i) => ({
            type: 'alert',
            data: { severity: 'info', message: `burst ${i}` },
          })),
        }),
      });
      expect(response.status).toBe(200);
      firstSeq = ((await response.json()) as { firstSeq: number }).firstSeq;
      await waitFor(
        'sixty event lines',
        () => (tail.stdout().match(/"kind":"event"/g) ?? []).length >= 60,
        20_000,
      );
    } finally {
      tail.child.kill('SIGTERM');
    }
    expect(await tail.exited).toBe(0);
    const events = tail
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((l) => l.kind === 'event');
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => firstSeq + i));
    expect(tail.stdout()).not.toContain('"code":"resync"');
  });

  it('passes --types to the hub as a filter', async () => {
    const publisher = startPublisher(
      hub.url,
      'cedar-group',
      await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish', ttl: '1h' }),
      50,
    );
    const tail = spawnCli(
      ['tail', '--hub', hub.url, '--tenant', 'cedar-group', '--types', 'payment.*', '--json'],
      env,
    );
    try {
      await waitFor('a snapshot line', () => tail.stdout().includes('"kind":"snapshot"'), 20_000);
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      tail.child.kill('SIGTERM');
      await publisher.stop();
    }
    expect(await tail.exited).toBe(0);
    // Only alerts were published, so the payment filter lets none through.
    expect(tail.stdout()).not.toContain('"kind":"event"');
  });

  it('tail of a tenant the credential does not grant exits 3 with a message, instead of waiting forever', async () => {
    const result = await runCli(
      ['tail', '--hub', hub.url, '--tenant', 'harbor-eats', '--json'],
      env,
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/does not grant read access to harbor-eats \(credential ops at /);
    expect(result.stdout).toContain('"kind":"error","code":"forbidden"');
  });

  it('status opens each stored link briefly and reports live, auth_required or unreachable with the reason', async () => {
    const live = await runCli(['status', '--json'], env);
    expect(live.code, live.stderr).toBe(0);
    expect(JSON.parse(live.stdout)).toMatchObject({
      profiles: [
        { username: 'ops', hubUrl: hub.url, link: { state: 'live', tenants: ['cedar-group'] } },
      ],
    });

    // A second hub: first its user is removed (auth_required), then the hub is gone (unreachable); exit 1 both times.
    const gone = await startHubProcess();
    await gone.addUser('ops', 'correct horse battery', { tenants: ['cedar-group'], scope: 'read' });
    const login = await runCli(
      ['login', '--hub', gone.url, '--user', 'ops'],
      env,
      'correct horse battery\n',
    );
    expect(login.code, login.stderr).toBe(0);
    expect(gone.runCli(['users', 'remove', 'ops']).status).toBe(0);
    const refused = await runCli(['status', '--json'], env);
    await gone.stop();
    const down = await runCli(['status'], env);
    await runCli(['logout', '--hub', gone.url, '--user', 'ops'], env);

    expect(refused.code).toBe(1);
    const rows = (
      JSON.parse(refused.stdout) as {
        profiles: Array<{ hubUrl: string; link: { state: string; reason: string } }>;
      }
    ).profiles;
    expect(rows.find((r) => r.hubUrl === hub.url)?.link.state).toBe('live');
    expect(rows.find((r) => r.hubUrl === gone.url)?.link).toMatchObject({
      state: 'auth_required',
      reason: expect.stringMatching(/refused/),
    });
    expect(down.code).toBe(1);
    expect(down.stdout).toContain(`ops @ ${gone.url}`);
    expect(down.stdout).toMatch(/unreachable: token endpoint unavailable: cannot reach/);
  });

  it('prints one readable line per event of every catalog type, and --json carries the whole event frame', async () => {
    const human = spawnCli(['tail', '--hub', hub.url, '--tenant', 'cedar-group'], env);
    const json = spawnCli(['tail', '--hub', hub.url, '--tenant', 'cedar-group', '--json'], env);
    const batch = catalogBatch(`fmt-${Date.now()}`);
    expect(new Set(batch.map((e) => e.type))).toEqual(
      new Set([...KNOWN_EVENT_TYPES, 'x-pos.shift_closed']),
    );
    try {
      await waitFor(
        'both snapshots',
        () => human.stdout().includes(' snapshot at seq ') && json.stdout().includes('"snapshot"'),
        20_000,
      ).catch((error: unknown) => {
        throw new Error(
          `${String(error)}\nhuman stdout:\n${human.stdout()}\nhuman stderr:\n${human.stderr()}\njson stdout:\n${json.stdout()}\njson stderr:\n${json.stderr()}`,
        );
      });
      const token = await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish' });
      const posted = await fetch(`${hub.url}/v1/tenants/cedar-group/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ events: batch }),
      });
      expect(posted.status, await posted.text()).toBeLessThan(300);
      const last = batch.at(-1)?.id as string;
      await waitFor(
        'the whole batch in both tails',
        () => json.stdout().includes(last) && human.stdout().includes('x-pos.shift_closed'),
        20_000,
      );
    } finally {
      human.child.kill('SIGTERM');
      json.child.kill('SIGTERM');
    }
    expect(await human.exited).toBe(0);
    expect(await json.exited).toBe(0);

    const zone = /times in (\S+)/.exec(human.stdout())?.[1];
    expect(zone, human.stdout()).toBeDefined();
    const frames = json
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; ts: number; event: OpsEvent })
      .filter((line) => line.kind === 'event');
    // The hub may stamp `via` (the producer token's sub) on an ingested action event; the rest arrives as posted.
    expect(frames.map((f) => withoutVia(f.event))).toEqual(batch);
    const lines = human
      .stdout()
      .split('\n')
      .filter((line) => /^\d\d:\d\d:\d\d /.test(line));
    expect(lines).toEqual(frames.map((f) => summarizeEvent(f.event, f.ts, { timeZone: zone })));
    expect(lines.map((l) => l.split(' ')[1])).toEqual(batch.map((e) => e.type));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\d\d:\d\d:\d\d payment\.status captured AED 84\.00 · Dubai Marina · card$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\d\d:\d\d:\d\d order\.placed o-77 LBP 90,000 · Beirut Downtown · takeaway · 2× كبة$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\d\d:\d\d:\d\d order\.cleared o-77 by alice( via \S+)?: lost status event · Beirut Downtown$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^\\d\\d:\\d\\d:\\d\\d alert\\.acknowledged ${batch[8]?.id} by alice( via \\S+)? · Jounieh$`,
        ),
      ),
    );
    // Hub acceptance time in the tenant's zone, not the machine's.
    const first = frames[0] as { ts: number };
    const hhmm = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }).format(first.ts);
    expect(lines[0]?.startsWith(hhmm)).toBe(true);
  });

  it('refuses an unknown --types pattern at once, listing the known types', async () => {
    const result = await runCli(
      ['tail', '--hub', hub.url, '--tenant', 'cedar-group', '--types', 'payments'],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/"payments" is not a known event type or family/);
    expect(result.stderr).toMatch(/Did you mean payment\.\* or payment\.status\?/);
    for (const type of KNOWN_EVENT_TYPES) expect(result.stderr).toContain(type);
  });

  it('login without a keychain exits 1, stores nothing and names the packages and the D-Bus session it needs', async () => {
    const bare = await startKeyring({ secretService: false });
    const dir = mkdtempSync(join(tmpdir(), 'ops-console-nokeyring-'));
    try {
      const result = await runCli(
        ['login', '--hub', hub.url, '--user', 'ops'],
        { ...bare.env, OPS_CONSOLE_DATA_DIR: dir },
        'correct horse battery\n',
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /ops-console: No system keychain is available .*Nothing was stored/,
      );
      expect(result.stderr).toContain('sudo apt-get install gnome-keyring libsecret-1-0');
      expect(result.stderr).toMatch(/dbus-run-session/);
      expect(result.stderr).toMatch(/unlock/);
      expect(result.stdout).not.toMatch(/signed in/);
    } finally {
      await bare.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['tail', '--hub', 'ftp://x', '--tenant', 'cedar-group'], /http:\/\/ or https:\/\//],
    [['tail', '--hub', 'not a url', '--tenant', 'cedar-group'], /base URL/],
    [['tail', '--hub', 'http://127.0.0.1:1', '--tenant', 'Bad Tenant!'], /not a tenant id/],
    [
      ['tail', '--hub', 'http://127.0.0.1:1', '--tenant', 'cedar-group', '--types', 'DROP TABLE'],
      /--types/,
    ],
    [['tail', '--tenant', 'cedar-group'], /--hub/],
    [
      ['tail', '--hub', 'http://127.0.0.1:8787/console/', '--tenant', 'cedar-group'],
      /has a path \(\/console\): that is the browser console's page, not the hub\. Use --hub http:\/\/127\.0\.0\.1:8787$/m,
    ],
    [
      ['login', '--hub', 'http://127.0.0.1:8787/v1/ws', '--user', 'ops'],
      /has a path \(\/v1\/ws\).*Use --hub http:\/\/127\.0\.0\.1:8787$/m,
    ],
    [
      [
        'tail',
        '--hub',
        'http://127.0.0.1:1',
        '--tenant',
        'cedar-group',
        '--types',
        'order.*,alerts',
      ],
      /"alerts" is not a known event type.*\nKnown: \*, order\.\*/,
    ],
    [
      ['tail', '--hub', 'http://hub.example:8787', '--tenant', 'cedar-group'],
      /must be reached over https:\/\/.*allowInsecureRemoteHubs/,
    ],
    [
      ['login', '--hub', 'http://10.20.30.40:8787', '--user', 'ops'],
      /must be reached over https:\/\/.*allowInsecureRemoteHubs/,
    ],
  ])('rejects bad flags %j with exit code 2 and a clear message', async (args, message) => {
    const result = await runCli(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('login with a password the hub refuses exits 3', async () => {
    await hub.addUser('ops2', 'first password', { tenants: ['cedar-group'], scope: 'read' });
    const login = await runCli(
      ['login', '--hub', hub.url, '--user', 'ops2'],
      env,
      'first password\n',
    );
    expect(login.code).toBe(0);
    const bad = await runCli(
      ['login', '--hub', hub.url, '--user', 'ops2'],
      env,
      'wrong password\n',
    );
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/refused the credential/);
  });
});

/** One event of every catalog type, plus one outside it, with ids so a test can find them. */
function catalogBatch(prefix: string): OpsEvent[] {
  const batch: OpsEvent[] = [
    {
      type: 'order.placed',
      location: 'beirut-downtown',
      data: {
        orderId: 'o-77',
        channel: 'takeaway',
        items: [{ sku: 'kibbeh', name: 'كبة', qty: 2, unitPrice: 45000 }],
        total: 90000,
        currency: 'LBP',
      },
    },
    {
      type: 'order.status',
      location: 'beirut-downtown',
      data: { orderId: 'o-77', status: 'ready' },
    },
    { type: 'table.seated', location: 'jounieh', data: { tableId: 'T3', covers: 4 } },
    { type: 'table.cleared', location: 'jounieh', data: { tableId: 'T3' } },
    {
      type: 'payment.status',
      location: 'dubai-marina',
      data: { paymentId: 'p-1', method: 'card', amount: 8400, currency: 'AED', status: 'captured' },
    },
    {
      type: 'inventory.level',
      location: 'byblos',
      data: { sku: 'parsley', name: 'Parsley', qty: 3, threshold: 20, unit: 'bunch' },
    },
    { type: 'queue.length', location: 'byblos', data: { queue: 'waitlist', length: 4 } },
    { type: 'metric', data: { name: 'checkout.p95_ms', value: 211, unit: 'ms' } },
    {
      type: 'alert',
      location: 'jounieh',
      data: { severity: 'warning', message: 'Fryer 2 offline' },
    },
    // Operator actions as a POS would post them: on the ticket and the alert above.
    { type: 'order.bumped', location: 'beirut-downtown', data: { orderId: 'o-77', by: 'alice' } },
    { type: 'order.recalled', location: 'beirut-downtown', data: { orderId: 'o-77', by: 'alice' } },
    {
      type: 'order.cleared',
      location: 'beirut-downtown',
      data: { orderId: 'o-77', by: 'alice', reason: 'lost status event' },
    },
    {
      type: 'alert.acknowledged',
      location: 'jounieh',
      data: { alertId: `${prefix}-8`, by: 'alice' },
    },
    { type: 'alert.resolved', location: 'jounieh', data: { alertId: `${prefix}-8`, by: 'alice' } },
    { type: 'x-pos.shift_closed', location: 'jounieh', data: { cashier: 'Rana', drawer: 3 } },
  ].map((e, i) => ({ ...e, id: `${prefix}-${i}` }));
  return batch;
}

/** The event without the `via` a hub stamps on ingested action events. */
function withoutVia(event: OpsEvent): OpsEvent {
  if (!isActionEventType(event.type) || !('via' in event.data)) return event;
  const { via: _via, ...data } = event.data;
  return { ...event, data };
}
