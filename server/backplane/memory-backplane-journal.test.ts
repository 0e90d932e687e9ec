import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BackplaneUnavailableError } from './backplane';
import { makeEvents, range, RecordingListener } from '../../test-support/backplane-contract';
import { MemoryBackplane, type MemoryBackplaneOptions } from './memory-backplane';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps its lines, so tests can check what a replay reported. */
function recordingLogger(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
}

const silent = pino({ level: 'silent' });
const T0 = 1_700_000_000_000;

describe('memory backplane journal', () => {
  const dirs: string[] = [];
  const running: MemoryBackplane[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'memory-journal-'));
    dirs.push(dir);
    return dir;
  };
  /** A backplane that is never closed by the test itself: what a crash leaves behind. */
  const open = (options: MemoryBackplaneOptions): MemoryBackplane => {
    const backplane = new MemoryBackplane({ logger: silent, now: () => T0, ...options });
    running.push(backplane);
    return backplane;
  };
  const journalFile = (dataDir: string, tenant: string) =>
    join(dataDir, 'journal', `${tenant}.jsonl`);
  const journalLines = (dataDir: string, tenant: string) =>
    readFileSync(journalFile(dataDir, tenant), 'utf8').split('\n').filter(Boolean);

  afterEach(async () => {
    await Promise.all(running.splice(0).map((b) => b.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged event, the epoch and the dedup window when the process dies without close', async () => {
    const dataDir = tempDir();
    const crashed = open({ dataDir, persistIntervalMs: 3_600_000 });
    const results = await Promise.all(
      range(0, 9).map((i) => crashed.append('cedar-group', makeEvents(3, `b${i}`), T0)),
    );
    const { epoch } = results[0] as { epoch: string };

    const restarted = open({ dataDir });
    expect(await restarted.head('cedar-group')).toEqual({ seq: 30, epoch });
    const range30 = await restarted.readAfter('cedar-group', 0, { epoch });
    expect(range30.complete && range30.events.map((e) => e.seq)).toEqual(range(1, 30));
    expect(range30.complete && range30.events.map((e) => e.event.id)).toEqual(
      results.flatMap((r) => r.appended.map((e) => e.event.id)),
    );
    const again = await restarted.append('cedar-group', makeEvents(1, 'b4'), T0);
    // Seqs are assigned in call order: batch b4 got 13..15; the restored dedup window still names it.
    expect(again).toEqual({
      epoch,
      appended: [],
      duplicates: 1,
      duplicateSeqs: [{ id: 'b4-0', seq: 13 }],
    });
    const next = await restarted.append('cedar-group', makeEvents(1, 'new'), T0);
    expect(next.appended.map((e) => e.seq)).toEqual([31]);
  });

  it('lets a subscriber resume from a seq it saw before the crash without a reset', async () => {
    const dataDir = tempDir();
    const crashed = open({ dataDir });
    const { epoch } = await crashed.append('cedar-group', makeEvents(4, 'seen'), T0);
    await crashed.append('cedar-group', makeEvents(3, 'missed'), T0);

    const restarted = open({ dataDir });
    const listener = new RecordingListener();
    await restarted.subscribe('cedar-group', 4, listener, { epoch });
    expect(listener.resets).toEqual([]);
    expect(listener.seqs()).toEqual([5, 6, 7]);
    expect([...listener.epochs]).toEqual([epoch]);
  });

  it('does not show an event to readers before its journal write is durable', async () => {
    const bp = open({ dataDir: tempDir() });
    const listener = new RecordingListener();
    await bp.subscribe('cedar-group', 0, listener);
    const appending = bp.append('cedar-group', makeEvents(2), T0);
    expect((await bp.head('cedar-group')).seq).toBe(0);
    expect(listener.seqs()).toEqual([]);
    await appending;
    expect((await bp.head('cedar-group')).seq).toBe(2);
    expect(listener.seqs()).toEqual([1, 2]);
  });

  it('discards a torn last line with a warning and keeps the same epoch', async () => {
    const dataDir = tempDir();
    const crashed = open({ dataDir });
    const { epoch } = await crashed.append('cedar-group', makeEvents(5), T0);
    appendFileSync(journalFile(dataDir, 'cedar-group'), '{"seq":6,"ts":17000000');
    const { logger, lines } = recordingLogger();

    const restarted = open({ dataDir, logger });
    expect(await restarted.head('cedar-group')).toEqual({ seq: 5, epoch });
    expect(lines.map((l) => l.msg)).toContainEqual(expect.stringMatching(/torn line/));
    await restarted.append('cedar-group', makeEvents(1, 'after'), T0);
    await restarted.close();

    const third = open({ dataDir });
    const all = await third.readAfter('cedar-group', 0, { epoch });
    expect(all.complete && all.events.map((e) => e.event.id)).toEqual([
      'e-0',
      'e-1',
      'e-2',
      'e-3',
      'e-4',
      'after-0',
    ]);
  });

  it('stops replay at a corrupt middle line, logs an error and keeps the events before it under a new epoch', async () => {
    const dataDir = tempDir();
    const crashed = open({ dataDir, persistIntervalMs: 3_600_000 });
    for (let i = 0; i < 5; i++) await crashed.append('cedar-group', makeEvents(1, `o${i}`), T0);
    const oldEpoch = (await crashed.head('cedar-group')).epoch;
    const lines = journalLines(dataDir, 'cedar-group');
    lines[3] = '{"seq":3,"ts":oops}';
    writeFileSync(journalFile(dataDir, 'cedar-group'), `${lines.join('\n')}\n`);
    const recorded = recordingLogger();

    const restarted = open({ dataDir, logger: recorded.logger });
    const head = await restarted.head('cedar-group');
    expect(head.seq).toBe(2);
    expect(head.epoch).not.toBe(oldEpoch);
    const kept = await restarted.readAfter('cedar-group', 0, { epoch: head.epoch });
    expect(kept.complete && kept.events.map((e) => e.event.id)).toEqual(['o0-0', 'o1-0']);
    const error = recorded.lines.find((l) => l.level >= 50);
    expect(error?.msg).toMatch(/line 4 is corrupt/);
    const next = await restarted.append('cedar-group', makeEvents(1, 'later'), T0);
    expect(next.appended.map((e) => e.seq)).toEqual([3]);
  });

  it('carries the checkpoint into the new epoch when a corrupt journal line loses events after it', async () => {
    const dataDir = tempDir();
    const first = open({ dataDir });
    const { epoch } = await first.append('cedar-group', makeEvents(3), T0);
    await first.saveCheckpoint('cedar-group', { seq: 3, epoch, state: '{"n":3}', savedAt: T0 });
    await first.close();
    writeFileSync(
      journalFile(dataDir, 'cedar-group'),
      `${journalLines(dataDir, 'cedar-group').slice(0, 2).join('\n')}\nnot json\n`,
    );

    const restarted = open({ dataDir });
    const head = await restarted.head('cedar-group');
    expect(head.seq).toBe(3);
    expect(head.epoch).not.toBe(epoch);
    expect(await restarted.loadCheckpoint('cedar-group')).toEqual({
      seq: 3,
      epoch: head.epoch,
      state: '{"n":3}',
      savedAt: T0,
    });
  });

  it('compacts a journal holding more than twice the retained count, keeping the retained events', async () => {
    const dataDir = tempDir();
    const retention = { maxEvents: 10, maxAgeMs: 60_000 };
    const bp = open({ dataDir, retention });
    let epoch = '';
    for (let i = 0; i < 25; i++)
      epoch = (await bp.append('cedar-group', makeEvents(1, `c${i}`), T0)).epoch;
    await bp.close();

    const lines = journalLines(dataDir, 'cedar-group');
    expect(lines.length).toBeLessThanOrEqual(1 + 2 * retention.maxEvents);
    expect((JSON.parse(lines[1] as string) as { seq: number }).seq).toBeGreaterThan(1);
    const restarted = open({ dataDir, retention });
    expect(await restarted.head('cedar-group')).toEqual({ seq: 25, epoch });
    const kept = await restarted.readAfter('cedar-group', 15, { epoch });
    expect(kept.complete && kept.events.map((e) => e.seq)).toEqual(range(16, 25));
  });

  it('compacts a journal whose oldest event is more than twice the retention age old', async () => {
    const dataDir = tempDir();
    const retention = { maxEvents: 100, maxAgeMs: 1000 };
    let now = T0;
    const bp = open({ dataDir, retention, now: () => now });
    await bp.append('cedar-group', makeEvents(5, 'old'), now);
    now += 5000;
    const { epoch } = await bp.append('cedar-group', makeEvents(1, 'new'), now);
    await bp.close();

    expect(journalLines(dataDir, 'cedar-group').length).toBe(2);
    const restarted = open({ dataDir, retention, now: () => now });
    expect(await restarted.head('cedar-group')).toEqual({ seq: 6, epoch });
    const kept = await restarted.readAfter('cedar-group', 5, { epoch });
    expect(kept.complete && kept.events.map((e) => e.event.id)).toEqual(['new-0']);
  });

  it('rejects an append it cannot journal as unavailable and gives its seqs back', async () => {
    const dataDir = tempDir();
    const bp = open({ dataDir, logger: recordingLogger().logger });
    rmSync(join(dataDir, 'journal'), { recursive: true });
    await expect(bp.append('cedar-group', makeEvents(2, 'lost'), T0)).rejects.toBeInstanceOf(
      BackplaneUnavailableError,
    );
    expect((await bp.head('cedar-group')).seq).toBe(0);
    mkdirSync(join(dataDir, 'journal'));
    const retried = await bp.append('cedar-group', makeEvents(2, 'lost'), T0);
    expect(retried.appended.map((e) => e.seq)).toEqual([1, 2]);

    const restarted = open({ dataDir });
    expect(await restarted.head('cedar-group')).toEqual({ seq: 2, epoch: retried.epoch });
  });
  it('answers a repeat racing its first copy only once that copy is durable, with its seq', async () => {
    const bp = open({ dataDir: tempDir() });
    const settled: string[] = [];
    const first = bp.append('cedar-group', makeEvents(1, 'act'), T0).then((r) => {
      settled.push('first');
      return r;
    });
    const repeat = bp.append('cedar-group', makeEvents(1, 'act'), T0).then((r) => {
      settled.push('repeat');
      return r;
    });
    const [a, b] = await Promise.all([first, repeat]);
    expect(settled).toEqual(['first', 'repeat']);
    expect(a.appended.map((e) => e.seq)).toEqual([1]);
    expect(b).toMatchObject({ appended: [], duplicateSeqs: [{ id: 'act-0', seq: 1 }] });
  });

  it('rejects a repeat as unavailable when its first copy could not be journaled, and accepts it when sent again', async () => {
    const dataDir = tempDir();
    const bp = open({ dataDir, logger: recordingLogger().logger });
    rmSync(join(dataDir, 'journal'), { recursive: true });
    const first = bp.append('cedar-group', makeEvents(1, 'act'), T0);
    const repeat = bp.append('cedar-group', makeEvents(1, 'act'), T0);
    await expect(first).rejects.toBeInstanceOf(BackplaneUnavailableError);
    await expect(repeat).rejects.toBeInstanceOf(BackplaneUnavailableError);
    mkdirSync(join(dataDir, 'journal'));
    const again = await bp.append('cedar-group', makeEvents(1, 'act'), T0);
    expect(again).toMatchObject({ duplicates: 0, appended: [{ seq: 1 }] });
  });
});
