import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../../test-support/hub-process';
import { startKeyring, type TestKeyring } from '../../../test-support/keyring';
import { runCli, spawnCli } from './cli-process';
import { startPublisher, waitFor } from './link-recorder';

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
    expect(events[0]).toEqual({
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
