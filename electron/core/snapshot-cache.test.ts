import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBoardState } from '../../protocol/board/board-state';
import { FileSnapshotStore } from './snapshot-cache';

describe('file snapshot cache', () => {
  let dir: string;
  let warnings: Array<{ object: object; message: string }>;
  let store: FileSnapshotStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cache-test-'));
    warnings = [];
    store = new FileSnapshotStore(FileSnapshotStore.dirFor(dir, 'p1'), {
      warn: (object, message) => void warnings.push({ object, message }),
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const snap = (seq: number) => ({
    seq,
    epoch: 'e1',
    savedAt: 5,
    state: { ...createBoardState(), seq },
  });

  it('round-trips a snapshot and leaves no temp files', async () => {
    await store.save('t1', snap(9));
    expect(await store.load('t1')).toEqual(snap(9));
    expect(readdirSync(store.dir)).toEqual(['t1.json']);
  });

  it('reads a missing file as no cache, without a warning', async () => {
    expect(await store.load('t1')).toBeNull();
    expect(warnings).toEqual([]);
  });

  it.each([
    ['truncated', '{"seq": 3, "epoch": "e'],
    ['garbage', '\u0000\u0001binary'],
    ['a seq that disagrees with the state', JSON.stringify({ ...snap(3), seq: 4 })],
    ['a non-board state', JSON.stringify({ seq: 1, epoch: 'e', savedAt: 1, state: [] })],
  ])('discards %s with a log line and deletes the file', async (_label, text) => {
    await store.save('t1', snap(1));
    writeFileSync(store.fileFor('t1'), text);
    expect(await store.load('t1')).toBeNull();
    expect(warnings.length).toBe(1);
    expect(warnings[0]?.message).toMatch(/discarding a damaged cache file/);
    expect(existsSync(store.fileFor('t1'))).toBe(false);
  });

  it('clear() removes the whole profile folder (sign-out)', async () => {
    await store.save('t1', snap(1));
    await store.save('t2', snap(2));
    expect((await store.tenants()).sort()).toEqual(['t1', 't2']);
    await store.clear();
    expect(existsSync(store.dir)).toBe(false);
  });

  it('refuses tenant ids and profile ids that could escape the folder', () => {
    expect(() => store.fileFor('../x')).toThrow(/not a tenant id/);
    expect(() => FileSnapshotStore.dirFor(dir, '../p')).toThrow(/not a safe folder name/);
  });
});
