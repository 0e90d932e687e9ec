import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpsEvent } from '../../protocol/events';
import { makeEvents, RecordingListener } from '../../test-support/backplane-contract';
import { MemoryBackplane } from './memory-backplane';

const silent = pino({ level: 'silent' });
const T0 = 1_700_000_000_000;

/** An event JSON.stringify cannot write (its stack overflows), built without recursion. */
function unencodableEvent(id: string): OpsEvent {
  const data: Record<string, unknown> = {};
  let cursor = data;
  for (let i = 0; i < 20_000; i++) {
    const next: Record<string, unknown> = {};
    cursor.a = next;
    cursor = next;
  }
  return { type: 'custom.deep', id, data };
}

describe('memory backplane append of an event the journal cannot encode', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('rejects it without a seq, keeps it from readers and the live feed, and keeps the journal and epoch intact', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'memory-unencodable-'));
    dirs.push(dataDir);
    const first = new MemoryBackplane({ dataDir, logger: silent, now: () => T0 });
    const listener = new RecordingListener();
    await first.subscribe('cedar-group', 0, listener);
    await first.append('cedar-group', makeEvents(2, 'before'), T0);

    await expect(first.append('cedar-group', [unencodableEvent('deep')], T0)).rejects.toThrow();
    const after = await first.append('cedar-group', makeEvents(2, 'after'), T0);
    expect(after.appended.map((e) => e.seq)).toEqual([3, 4]);
    expect(listener.events.map((e) => e.event.id)).toEqual([
      'before-0',
      'before-1',
      'after-0',
      'after-1',
    ]);
    const read = await first.readAfter('cedar-group', 0);
    expect(read.complete && read.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    const { epoch } = await first.head('cedar-group');
    await first.close();

    const second = new MemoryBackplane({ dataDir, logger: silent, now: () => T0 });
    expect(await second.head('cedar-group')).toEqual({ seq: 4, epoch });
    const again = await second.append('cedar-group', makeEvents(2, 'after'), T0);
    expect(again.duplicates).toBe(2);
    await second.close();
  });

  it('writes no file for a tenant that was only read, and writes both once it gets an event', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'memory-ghost-'));
    dirs.push(dataDir);
    const backplane = new MemoryBackplane({
      dataDir,
      logger: silent,
      now: () => T0,
      persistIntervalMs: 10,
    });
    await backplane.subscribe('ghost', 0, new RecordingListener());
    await backplane.head('ghost');
    await new Promise((r) => setTimeout(r, 50));
    const files = () => [
      ...readdirSync(join(dataDir, 'journal')),
      ...(existsSync(join(dataDir, 'tenants')) ? readdirSync(join(dataDir, 'tenants')) : []),
    ];
    expect(files()).toEqual([]);
    await backplane.append('ghost', makeEvents(1), T0);
    await backplane.close();
    expect(files().sort()).toEqual(['ghost.json', 'ghost.jsonl']);
  });
});
