import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardUpdate } from '../../../protocol/bridge/board-feed';
import { parseCachedSnapshot } from '../../../protocol/session/snapshot-store';
import type { HubProcess } from '../../../test-support/hub-process';
import { ConsoleSession } from '../console-session';
import { createCoreLogger } from '../core-logger';
import { SessionOnlyCredentialStore } from '../credential-store';
import { FileSnapshotStore } from '../snapshot-cache';
import { profileIdOf } from '../profiles';
import {
  waitFor,
  startScenarioHub,
  publishToScenarioTenant,
  SCENARIO_READER,
} from '../../../test-support/link-recorder';

describe('cache file damage', () => {
  let hub: HubProcess;
  let dataDir: string;
  const logLines: string[] = [];
  // Credentials are not the subject here (see keychain-credentials.int.test.ts), so the in-memory store is used.
  const credentials = new SessionOnlyCredentialStore();
  const log = createCoreLogger('info', { write: (line: string) => void logLines.push(line) });

  beforeAll(async () => {
    hub = await startScenarioHub();
    dataDir = mkdtempSync(join(tmpdir(), 'ops-console-cache-'));
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function runSession(until: (updates: BoardUpdate[]) => boolean): Promise<BoardUpdate[]> {
    const session = new ConsoleSession({ dataDir, credentials, log });
    const updates: BoardUpdate[] = [];
    try {
      const signedIn = await session.signIn({
        hubUrl: hub.url,
        username: SCENARIO_READER.username,
        password: SCENARIO_READER.password,
      });
      expect(signedIn.ok).toBe(true);
      session.subscribeBoard('cedar-group', (u) => updates.push(u));
      await waitFor('the feed condition', () => until(updates));
    } finally {
      await session.quit();
    }
    return updates;
  }

  const cacheFile = () =>
    new FileSnapshotStore(
      FileSnapshotStore.dirFor(dataDir, profileIdOf(hub.url, 'ops')),
      log,
    ).fileFor('cedar-group');
  const liveReset = (updates: BoardUpdate[]) =>
    updates.some((u) => u.kind === 'reset' && u.freshness === 'live');

  it('builds a cache, then shows it stale at the next start before the network', async () => {
    const publisher = await publishToScenarioTenant(hub, 50);
    try {
      await runSession((u) => liveReset(u) && u.some((x) => x.kind === 'events'));
    } finally {
      await publisher.stop();
    }
    const saved = parseCachedSnapshot(JSON.parse(readFileSync(cacheFile(), 'utf8')));
    expect(saved.ok).toBe(true);
    const again = await runSession((u) =>
      u.some((x) => x.kind === 'freshness' && x.freshness === 'live'),
    );
    expect(again[1]).toMatchObject({ kind: 'reset', freshness: 'stale' });
  });

  it.each([
    ['truncated', () => truncateSync(cacheFile(), 40)],
    ['garbage', () => writeFileSync(cacheFile(), '\u0000\u00ff not json at all')],
    [
      'foreign JSON',
      () =>
        writeFileSync(
          cacheFile(),
          JSON.stringify({ seq: 1, epoch: 'e', savedAt: 1, state: { hello: 'world' } }),
        ),
    ],
  ])(
    'a %s cache file is discarded with a log line and rebuilt from the next snapshot',
    async (_label, damage) => {
      damage();
      logLines.length = 0;
      const updates = await runSession(liveReset);
      // No stale first paint from the damaged file: loading, then the hub's snapshot.
      expect(updates[0]).toMatchObject({ kind: 'freshness', freshness: 'loading' });
      expect(updates.find((u) => u.kind === 'reset')).toMatchObject({ freshness: 'live' });
      expect(logLines.some((line) => line.includes('discarding a damaged cache file'))).toBe(true);
      const rebuilt = parseCachedSnapshot(JSON.parse(readFileSync(cacheFile(), 'utf8')));
      expect(rebuilt.ok).toBe(true);
    },
  );
});
