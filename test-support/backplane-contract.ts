import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpsEvent, SequencedEvent } from '../protocol/events';
import type {
  Backplane,
  LogHead,
  RetentionOptions,
  TenantListener,
} from '../server/backplane/backplane';
import { TimelineListener } from '../server/backplane/timeline-listener';

/**
 * The contract both backplanes must pass. Run from `server/backplane/memory-backplane.test.ts`
 * and `server/backplane/redis-backplane.int.test.ts`.
 *
 * Age trimming is driven by `acceptedAt` on append (the same rule the Redis
 * script applies) and, for backplanes that read the clock, by `clock.now`.
 */

export interface ContractClock {
  now: () => number;
}

export type MakeBackplane = (options: {
  retention: RetentionOptions;
  clock: ContractClock;
}) => Promise<Backplane>;

let tenantCounter = 0;
/** A tenant id no other test used, so tests can share one store without flushing it. */
export function uniqueTenant(prefix = 't'): string {
  tenantCounter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${tenantCounter}`;
}

export function makeEvents(count: number, prefix = 'e'): OpsEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'metric',
    id: `${prefix}-${i}`,
    data: { name: 'n', value: i },
  }));
}

/** Records what a listener receives, for assertions. */
export class RecordingListener implements TenantListener {
  readonly events: SequencedEvent[] = [];
  readonly resets: Array<{ head: LogHead; reason: string }> = [];
  readonly epochs = new Set<string>();
  onEvents(events: SequencedEvent[], epoch: string): void {
    this.events.push(...events);
    this.epochs.add(epoch);
  }
  onReset(head: LogHead, reason: string): void {
    this.resets.push({ head, reason });
  }
  seqs(): number[] {
    return this.events.map((e) => e.seq);
  }
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

export function describeBackplaneContract(name: string, make: MakeBackplane): void {
  describe(`${name} backplane contract`, () => {
    const open: Backplane[] = [];
    let time = 1_700_000_000_000;
    const clock: ContractClock = { now: () => time };
    const retention: RetentionOptions = { maxEvents: 50, maxAgeMs: 60_000 };

    async function create(overrides: Partial<RetentionOptions> = {}): Promise<Backplane> {
      const backplane = await make({ retention: { ...retention, ...overrides }, clock });
      open.push(backplane);
      return backplane;
    }

    afterEach(async () => {
      await Promise.all(open.splice(0).map((b) => b.close()));
    });

    it('starts a new tenant at seq 0 and keeps its epoch across the first appends', async () => {
      const bp = await create();
      const tenant = uniqueTenant();
      const head = await bp.head(tenant);
      expect(head.seq).toBe(0);
      const result = await bp.append(tenant, makeEvents(2), time);
      expect(result.epoch).toBe(head.epoch);
      expect(await bp.head(tenant)).toEqual({ seq: 2, epoch: head.epoch });
    });

    it('assigns seqs starting at 1 that grow by exactly 1 across batches', async () => {
      const bp = await create();
      const tenant = uniqueTenant();
      const first = await bp.append(tenant, makeEvents(3, 'a'), time);
      const second = await bp.append(tenant, makeEvents(2, 'b'), time);
      expect(first.appended.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(second.appended.map((e) => e.seq)).toEqual([4, 5]);
      expect(second.appended[0]).toMatchObject({ ts: time, event: { id: 'b-0', type: 'metric' } });
    });

    it('gives concurrent appends distinct, contiguous seqs in batch order', async () => {
      const bp = await create({ maxEvents: 1000 });
      const tenant = uniqueTenant();
      const results = await Promise.all(
        range(0, 19).map((i) => bp.append(tenant, makeEvents(5, `c${i}`), time)),
      );
      const all = results.flatMap((r) => r.appended.map((e) => e.seq)).sort((a, b) => a - b);
      expect(all).toEqual(range(1, 100));
      for (const r of results) {
        const seqs = r.appended.map((e) => e.seq);
        expect(seqs).toEqual(range(seqs[0] as number, (seqs[0] as number) + 4));
      }
    });

    it('drops an event whose id was seen within the retained window, in the same or a later batch', async () => {
      const bp = await create();
      const tenant = uniqueTenant();
      const dup: OpsEvent = { type: 'alert', id: 'same', data: { severity: 'info', message: 'x' } };
      const first = await bp.append(tenant, [dup, dup, ...makeEvents(1)], time);
      expect(first.duplicates).toBe(1);
      expect(first.appended.map((e) => e.event.id)).toEqual(['same', 'e-0']);
      const second = await bp.append(tenant, [dup], time);
      expect(second).toMatchObject({ appended: [], duplicates: 1 });
      expect((await bp.head(tenant)).seq).toBe(2);
    });

    it('reports each dropped repeat with the seq its id was first accepted under, in input order', async () => {
      const bp = await create();
      const tenant = uniqueTenant();
      const a: OpsEvent = { type: 'metric', id: 'act-a', data: {} };
      const b: OpsEvent = { type: 'metric', id: 'act-b', data: {} };
      await bp.append(tenant, makeEvents(2, 'before'), time);
      const first = await bp.append(tenant, [a, a, b], time);
      expect(first.appended.map((e) => [e.event.id, e.seq])).toEqual([
        ['act-a', 3],
        ['act-b', 4],
      ]);
      expect(first.duplicateSeqs).toEqual([{ id: 'act-a', seq: 3 }]);
      await bp.append(tenant, makeEvents(3, 'between'), time);
      const again = await bp.append(tenant, [b, ...makeEvents(1, 'fresh'), a], time);
      expect(again.appended.map((e) => e.seq)).toEqual([8]);
      expect(again).toMatchObject({
        duplicates: 2,
        duplicateSeqs: [
          { id: 'act-b', seq: 4 },
          { id: 'act-a', seq: 3 },
        ],
      });
      const allRepeats = await bp.append(tenant, [a], time);
      expect(allRepeats).toMatchObject({
        appended: [],
        duplicates: 1,
        duplicateSeqs: [{ id: 'act-a', seq: 3 }],
      });
    });

    it('accepts an id again once its event has left the retained window', async () => {
      const bp = await create({ maxEvents: 3 });
      const tenant = uniqueTenant();
      await bp.append(tenant, [{ type: 'metric', id: 'old', data: {} }], time);
      await bp.append(tenant, makeEvents(3), time);
      const again = await bp.append(tenant, [{ type: 'metric', id: 'old', data: {} }], time);
      expect(again.duplicates).toBe(0);
      expect(again.appended.map((e) => e.seq)).toEqual([5]);
    });

    it('reads exactly the retained range after a seq, honouring limit and epoch', async () => {
      const bp = await create();
      const tenant = uniqueTenant();
      const { epoch } = await bp.append(tenant, makeEvents(10), time);
      const all = await bp.readAfter(tenant, 4, { epoch });
      expect(all.complete && all.events.map((e) => e.seq)).toEqual(range(5, 10));
      const limited = await bp.readAfter(tenant, 4, { limit: 3 });
      expect(limited.complete && limited.events.map((e) => e.seq)).toEqual([5, 6, 7]);
      const atHead = await bp.readAfter(tenant, 10, { epoch });
      expect(atHead).toEqual({ complete: true, epoch, events: [] });
      expect(await bp.readAfter(tenant, 4, { epoch: 'another-epoch' })).toEqual({
        complete: false,
        epoch,
      });
      expect(await bp.readAfter(tenant, 11)).toEqual({ complete: false, epoch });
    });

    it('reports an incomplete range once events were trimmed by count', async () => {
      const bp = await create({ maxEvents: 5 });
      const tenant = uniqueTenant();
      const { epoch } = await bp.append(tenant, makeEvents(8), time);
      expect(await bp.readAfter(tenant, 2)).toEqual({ complete: false, epoch });
      const kept = await bp.readAfter(tenant, 3);
      expect(kept.complete && kept.events.map((e) => e.seq)).toEqual(range(4, 8));
    });

    it('reports an incomplete range once events were trimmed by age', async () => {
      const bp = await create({ maxAgeMs: 1000 });
      const tenant = uniqueTenant();
      const start = time;
      await bp.append(tenant, makeEvents(3, 'old'), start);
      time = start + 5000;
      const { epoch } = await bp.append(tenant, makeEvents(2, 'new'), time);
      expect(await bp.readAfter(tenant, 0)).toEqual({ complete: false, epoch });
      const kept = await bp.readAfter(tenant, 3);
      expect(kept.complete && kept.events.map((e) => e.event.id)).toEqual(['new-0', 'new-1']);
      const again = await bp.append(tenant, makeEvents(1, 'old'), time);
      expect(again.duplicates).toBe(0);
    });

    it('delivers backlog then live events to a subscriber in seq order without gaps', async () => {
      const bp = await create({ maxEvents: 500 });
      const tenant = uniqueTenant();
      await bp.append(tenant, makeEvents(5, 'pre'), time);
      const listener = new RecordingListener();
      const stop = await bp.subscribe(tenant, 2, listener);
      for (let i = 0; i < 10; i++) await bp.append(tenant, makeEvents(3, `live${i}`), time);
      await vi.waitFor(() => expect(listener.seqs()).toEqual(range(3, 35)), { timeout: 10_000 });
      expect(listener.resets).toEqual([]);
      await stop();
    });

    it('delivers only the subscribed tenant’s events', async () => {
      const bp = await create();
      const a = uniqueTenant('a');
      const b = uniqueTenant('b');
      const onA = new RecordingListener();
      const stop = await bp.subscribe(a, 0, onA);
      await bp.append(b, makeEvents(4, 'b'), time);
      await bp.append(a, makeEvents(2, 'a'), time);
      await vi.waitFor(() => expect(onA.seqs()).toEqual([1, 2]), { timeout: 10_000 });
      expect(onA.events.every((e) => e.event.id.startsWith('a-'))).toBe(true);
      await stop();
    });

    it('stops delivering after unsubscribe while other listeners keep receiving', async () => {
      const bp = await create();
      const tenant = uniqueTenant();
      const leaving = new RecordingListener();
      const staying = new RecordingListener();
      const stopLeaving = await bp.subscribe(tenant, 0, leaving);
      const stopStaying = await bp.subscribe(tenant, 0, staying);
      await bp.append(tenant, makeEvents(1, 'x'), time);
      await vi.waitFor(() => expect(leaving.seqs()).toEqual([1]), { timeout: 10_000 });
      await stopLeaving();
      await bp.append(tenant, makeEvents(2, 'y'), time);
      await vi.waitFor(() => expect(staying.seqs()).toEqual([1, 2, 3]), { timeout: 10_000 });
      expect(leaving.seqs()).toEqual([1]);
      await stopStaying();
    });

    it('resets a subscriber whose starting seq is no longer retained', async () => {
      const bp = await create({ maxEvents: 3 });
      const tenant = uniqueTenant();
      const { epoch } = await bp.append(tenant, makeEvents(6), time);
      const listener = new RecordingListener();
      const stop = await bp.subscribe(tenant, 1, listener);
      await vi.waitFor(
        () => expect(listener.resets.map((r) => r.head)).toEqual([{ seq: 6, epoch }]),
        { timeout: 10_000 },
      );
      await bp.append(tenant, makeEvents(1, 'after'), time);
      await vi.waitFor(() => expect(listener.seqs()).toEqual([7]), { timeout: 10_000 });
      await stop();
    });

    it('resets a subscriber that holds another epoch, then continues without a gap', async () => {
      const bp = await create();
      const tenant = uniqueTenant();
      const { epoch } = await bp.append(tenant, makeEvents(2), time);
      const timeline = new TimelineListener({ seq: 2, epoch: 'some-older-epoch' });
      const stop = await bp.subscribe(tenant, 2, timeline, { epoch: 'some-older-epoch' });
      await bp.append(tenant, makeEvents(1, 'next'), time);
      await vi.waitFor(() => expect(timeline.lastSeq).toBe(3), { timeout: 10_000 });
      // Where the reset points is the backplane's choice (the head, or the start of
      // the epoch when it is still retained); it must be the current epoch, followed by no gap.
      expect(timeline.resets.length).toBeGreaterThanOrEqual(1);
      expect(timeline.resets.every((r) => r.epoch === epoch && r.seq <= 2)).toBe(true);
      expect(timeline.violations).toEqual([]);
      expect(timeline.deliveredIds().at(-1)).toBe('next-0');
      await stop();
    });

    it('keeps the newest checkpoint of the current epoch', async () => {
      const bp = await create();
      const tenant = uniqueTenant();
      expect(await bp.loadCheckpoint(tenant)).toBeNull();
      const { epoch } = await bp.append(tenant, makeEvents(3), time);
      await bp.saveCheckpoint(tenant, { seq: 3, epoch, state: '{"n":3}', savedAt: time });
      await bp.saveCheckpoint(tenant, { seq: 2, epoch, state: '{"n":2}', savedAt: time + 1 });
      await bp.saveCheckpoint(tenant, {
        seq: 9,
        epoch: 'stale-epoch',
        state: '{"n":9}',
        savedAt: time + 2,
      });
      expect(await bp.loadCheckpoint(tenant)).toEqual({
        seq: 3,
        epoch,
        state: '{"n":3}',
        savedAt: time,
      });
      await bp.saveCheckpoint(tenant, { seq: 4, epoch, state: '{"n":4}', savedAt: time + 3 });
      expect((await bp.loadCheckpoint(tenant))?.state).toBe('{"n":4}');
    });

    it('rejects an invalid tenant id or malformed event with a TypeError', async () => {
      const bp = await create();
      await expect(bp.append('Bad Tenant', makeEvents(1), time)).rejects.toThrow(TypeError);
      await expect(
        bp.append(uniqueTenant(), [{ type: 'metric', data: {} } as unknown as OpsEvent], time),
      ).rejects.toThrow(/id/);
      await expect(bp.readAfter(uniqueTenant(), -1)).rejects.toThrow(TypeError);
      expect(bp.status()).toBe('ready');
    });
  });
}
