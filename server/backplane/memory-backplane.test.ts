import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  describeBackplaneContract,
  makeEvents,
  RecordingListener,
} from '../../test-support/backplane-contract';
import { MemoryBackplane } from './memory-backplane';

const silent = pino({ level: 'silent' });

describeBackplaneContract(
  'memory',
  async ({ retention, clock }) =>
    new MemoryBackplane({ retention, now: clock.now, logger: silent }),
);

const journalRoot = mkdtempSync(join(tmpdir(), 'memory-bp-contract-'));
afterAll(() => rmSync(journalRoot, { recursive: true, force: true }));
describeBackplaneContract(
  'memory with a journal',
  async ({ retention, clock }) =>
    new MemoryBackplane({
      retention,
      now: clock.now,
      logger: silent,
      dataDir: mkdtempSync(join(journalRoot, 'bp-')),
    }),
);

describe('memory backplane persistence', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'memory-bp-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('continues seq numbering and the checkpoint after a clean restart, with no retained history', async () => {
    const dataDir = tempDir();
    const first = new MemoryBackplane({ dataDir, logger: silent });
    const { epoch } = await first.append('cedar-group', makeEvents(4), 1000);
    await first.saveCheckpoint('cedar-group', {
      seq: 4,
      epoch,
      state: '{"board":1}',
      savedAt: 1000,
    });
    await first.close();
    expect(statSync(join(dataDir, 'tenants', 'cedar-group.json')).mode & 0o777).toBe(0o600);

    const second = new MemoryBackplane({ dataDir, logger: silent });
    expect(await second.head('cedar-group')).toEqual({ seq: 4, epoch });
    expect(await second.loadCheckpoint('cedar-group')).toEqual({
      seq: 4,
      epoch,
      state: '{"board":1}',
      savedAt: 1000,
    });
    expect(await second.readAfter('cedar-group', 2, { epoch })).toEqual({ complete: false, epoch });
    expect(await second.readAfter('cedar-group', 4, { epoch })).toEqual({
      complete: true,
      epoch,
      events: [],
    });
    const next = await second.append('cedar-group', makeEvents(1, 'n'), 2000);
    expect(next.appended.map((e) => e.seq)).toEqual([5]);
    await second.close();
  });

  it('starts a new epoch, keeping the seq, after an unclean shutdown whose journal is missing', async () => {
    const dataDir = tempDir();
    const crashed = new MemoryBackplane({ dataDir, logger: silent, persistIntervalMs: 1 });
    const { epoch } = await crashed.append('harbor-eats', makeEvents(3), 1000);
    await crashed.close();
    const file = JSON.parse(readFileSync(join(dataDir, 'tenants', 'harbor-eats.json'), 'utf8'));
    writeFileSync(
      join(dataDir, 'tenants', 'harbor-eats.json'),
      JSON.stringify({ ...file, cleanShutdown: false }),
    );
    rmSync(join(dataDir, 'journal', 'harbor-eats.jsonl'));

    const restarted = new MemoryBackplane({ dataDir, logger: silent });
    const head = await restarted.head('harbor-eats');
    expect(head.seq).toBe(3);
    expect(head.epoch).not.toBe(epoch);
    expect(await restarted.readAfter('harbor-eats', 2)).toEqual({
      complete: false,
      epoch: head.epoch,
    });
    await restarted.close();
  });

  it('ignores a corrupt tenant file and starts the tenant fresh', async () => {
    const dataDir = tempDir();
    new MemoryBackplane({ dataDir, logger: silent });
    writeFileSync(join(dataDir, 'tenants', 'cedar-group.json'), '{not json');
    writeFileSync(
      join(dataDir, 'tenants', 'harbor-eats.json'),
      JSON.stringify({ version: 1, seq: -4 }),
    );
    const bp = new MemoryBackplane({ dataDir, logger: silent });
    expect((await bp.head('cedar-group')).seq).toBe(0);
    expect((await bp.head('harbor-eats')).seq).toBe(0);
    await bp.close();
  });

  it('trims by age on read using the injected clock', async () => {
    let now = 10_000;
    const bp = new MemoryBackplane({
      retention: { maxEvents: 100, maxAgeMs: 1000 },
      now: () => now,
      logger: silent,
    });
    const { epoch } = await bp.append('cedar-group', makeEvents(2), now);
    now += 1001;
    expect(await bp.readAfter('cedar-group', 0)).toEqual({ complete: false, epoch });
    expect(await bp.readAfter('cedar-group', 2)).toEqual({ complete: true, epoch, events: [] });
    await bp.close();
  });

  it('keeps delivering to other listeners when one listener throws', async () => {
    const bp = new MemoryBackplane({ logger: silent });
    const good = new RecordingListener();
    await bp.subscribe('cedar-group', 0, {
      onEvents: () => {
        throw new Error('boom');
      },
      onReset: () => undefined,
    });
    await bp.subscribe('cedar-group', 0, good);
    await bp.append('cedar-group', makeEvents(2), 1);
    expect(good.seqs()).toEqual([1, 2]);
    await bp.close();
  });
});
