import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../protocol/events';
import { FakeClock } from '../../protocol/link/fake-clock';
import { DemoProducer, isRetryable, type PostOutcome } from './demo-producer';

interface Call {
  tenant: string;
  ids: string[];
  answer(outcome: PostOutcome | Error): Promise<void>;
}

/** A hand-answered ingest endpoint: each POST waits until the test answers it. */
function harness(options: { maxQueuedPerTenant?: number; batchSize?: number } = {}) {
  const clock = new FakeClock();
  const calls: Call[] = [];
  const logs: Array<{ level: string; object: object; message: string }> = [];
  const log = (level: string) => (object: object, message: string) =>
    void logs.push({ level, object, message });
  const producer = new DemoProducer({
    clock,
    random: () => 0.5,
    idPrefix: 'run1',
    backoff: { baseMs: 1000, capMs: 8000 },
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    post: (tenant, events) =>
      new Promise<PostOutcome>((resolve, reject) => {
        calls.push({
          tenant,
          ids: events.map((e) => e.id as string),
          answer: async (outcome) => {
            if (outcome instanceof Error) reject(outcome);
            else resolve(outcome);
            // Let the producer's promise chain run.
            for (let i = 0; i < 5; i++) await Promise.resolve();
          },
        });
      }),
    ...options,
  });
  return { clock, calls, logs, producer };
}

const alert = (message: string, id?: string): EventInput => ({
  type: 'alert',
  ...(id ? { id } : {}),
  data: { severity: 'info', message },
});

describe('DemoProducer', () => {
  it('gives every event an id before the first attempt and resends the same ids after a network error', async () => {
    const { clock, calls, producer, logs } = harness();
    producer.enqueue('cedar-group', [alert('a'), alert('b', 'own-id')]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.ids).toEqual(['run1-1', 'own-id']);

    await calls[0]?.answer(new TypeError('fetch failed'));
    expect(calls).toHaveLength(1);
    expect(logs).toMatchObject([{ level: 'warn', object: { reason: 'fetch failed' } }]);
    clock.advance(499);
    expect(calls).toHaveLength(1);
    clock.advance(1); // attempt 1: half of the 1 000 ms ceiling with random 0.5
    expect(calls[1]?.ids).toEqual(['run1-1', 'own-id']);

    await calls[1]?.answer({ ok: true });
    expect(producer.pending()).toBe(0);
    expect(producer.stats()).toEqual({ queued: 2, sent: 2, retries: 1, dropped: 0 });
    expect(logs.at(-1)).toMatchObject({ level: 'info', object: { attempts: 2 } });
  });

  it('retries 5xx and 429 with growing backoff, honouring Retry-After, and keeps order behind the failed batch', async () => {
    const { clock, calls, producer } = harness();
    producer.enqueue('harbor-eats', [alert('first')]);
    producer.enqueue('harbor-eats', [alert('second')]); // waits: one batch in flight per tenant
    expect(calls).toHaveLength(1);

    await calls[0]?.answer({ ok: false, status: 503, message: 'unavailable' });
    clock.advance(500);
    expect(calls).toHaveLength(2);
    await calls[1]?.answer({ ok: false, status: 502, message: 'bad gateway' });
    clock.advance(999); // attempt 2: ceiling 2 000 ms, delay 1 000
    expect(calls).toHaveLength(2);
    clock.advance(1);
    expect(calls).toHaveLength(3);
    // The retry carries the failed event and the one queued behind it, in order.
    expect(calls[2]?.ids).toEqual(['run1-1', 'run1-2']);
    await calls[2]?.answer({ ok: false, status: 429, message: 'slow down', retryAfterMs: 5000 });
    clock.advance(4999);
    expect(calls).toHaveLength(3);
    clock.advance(1);
    expect(calls[3]?.ids).toEqual(['run1-1', 'run1-2']);
    await calls[3]?.answer({ ok: true });
    expect(producer.stats()).toMatchObject({ sent: 2, retries: 3, dropped: 0 });
  });

  it('caps the backoff', async () => {
    const { clock, calls, producer } = harness();
    producer.enqueue('t', [alert('x')]);
    for (let i = 0; i < 8; i++) {
      await calls.at(-1)?.answer({ ok: false, message: 'ECONNREFUSED' });
      clock.advance(4000); // half of the 8 000 ms cap
    }
    expect(calls).toHaveLength(9);
  });

  it('drops a batch the hub refuses as invalid, with an error log, and goes on with the next', async () => {
    const { calls, producer, logs } = harness({ batchSize: 1 });
    producer.enqueue('t', [alert('bad'), alert('good')]);
    await calls[0]?.answer({ ok: false, status: 400, message: 'data.severity: invalid' });
    expect(logs).toMatchObject([
      {
        level: 'error',
        object: { status: 400, dropped: 1 },
        message: expect.stringMatching(/refused/),
      },
    ]);
    expect(calls[1]?.ids).toEqual(['run1-2']);
    await calls[1]?.answer({ ok: true });
    expect(producer.stats()).toEqual({ queued: 2, sent: 1, retries: 0, dropped: 1 });
  });

  it('bounds the queue while the hub is away: drops the oldest unsent events, never the batch in flight, and says so', async () => {
    const { calls, producer, logs } = harness({ maxQueuedPerTenant: 4, batchSize: 2 });
    producer.enqueue('t', [alert('1'), alert('2')]);
    producer.enqueue('t', [alert('3'), alert('4'), alert('5'), alert('6')]);
    expect(producer.pending('t')).toBe(4);
    expect(logs).toMatchObject([
      { level: 'error', object: { tenant: 't', dropped: 2, maxQueuedPerTenant: 4 } },
    ]);
    await calls[0]?.answer({ ok: true });
    expect(calls[0]?.ids).toEqual(['run1-1', 'run1-2']);
    expect(calls[1]?.ids).toEqual(['run1-5', 'run1-6']);
    await calls[1]?.answer({ ok: true });
    expect(producer.stats()).toEqual({ queued: 6, sent: 4, retries: 0, dropped: 2 });
  });

  it('stop cancels retries and logs what was never accepted', async () => {
    const { clock, calls, producer, logs } = harness();
    producer.enqueue('t', [alert('x')]);
    await calls[0]?.answer({ ok: false, status: 500, message: 'boom' });
    producer.stop();
    clock.advance(60_000);
    expect(calls).toHaveLength(1);
    expect(logs.at(-1)).toMatchObject({ level: 'warn', object: { unsent: 1 } });
  });

  it('classifies answers: network errors, 408, 429 and 5xx retry; other 4xx do not', () => {
    expect(isRetryable({ ok: false, message: 'fetch failed' })).toBe(true);
    for (const status of [408, 429, 500, 503])
      expect(isRetryable({ ok: false, status, message: '' })).toBe(true);
    for (const status of [400, 401, 403, 413])
      expect(isRetryable({ ok: false, status, message: '' })).toBe(false);
    expect(isRetryable({ ok: true })).toBe(false);
  });
});
