import { describe, expect, it } from 'vitest';
import { ClientStreams } from './client-frames';
import { LatencySink } from './latency-sink';
import { STAMP_METRIC } from './bench-event';

const stamped = (tenant: string, seq: number, stampUs: number) => ({
  type: 'event',
  tenant,
  seq,
  ts: 1767225600000,
  event: { type: 'metric', id: `e${seq}`, data: { name: STAMP_METRIC, value: stampUs } },
});

function streams(nowUs = 10_000) {
  const sink = new LatencySink();
  sink.startSlice();
  return { sink, client: new ClientStreams(sink, () => nowUs) };
}

describe('ClientStreams', () => {
  it('checks single event frames per tenant and records latency from the producer stamp', () => {
    const { sink, client } = streams(10_000);
    client.handle(JSON.stringify({ type: 'snapshot', tenant: 'a', seq: 0, epoch: 'e', state: {} }));
    client.handle(JSON.stringify(stamped('a', 1, 9_000)));
    client.handle(JSON.stringify(stamped('a', 2, 7_500)));
    expect(client.checker('a').closeAt(2)).toMatchObject({ delivered: 2, lost: 0 });
    expect(sink.slices[0]!.maxUs).toBe(2_500);
    expect(sink.recorded()).toBe(2);
  });

  it('handles an events batch as its elements one by one, across tenants, and counts it', () => {
    const { client } = streams();
    for (const tenant of ['a', 'b'])
      client.handle(JSON.stringify({ type: 'snapshot', tenant, seq: 10, epoch: 'e', state: {} }));
    client.handle(
      JSON.stringify({
        type: 'events',
        frames: [stamped('a', 11, 1), stamped('b', 11, 1), stamped('a', 12, 1)],
      }),
    );
    client.handle(
      JSON.stringify({ type: 'events', frames: [stamped('a', 13, 1), stamped('b', 12, 1)] }),
    );
    expect(client.checker('a').closeAt(13)).toMatchObject({ delivered: 3, lost: 0, outOfOrder: 0 });
    expect(client.checker('b').closeAt(12)).toMatchObject({ delivered: 2, lost: 0 });
    expect(client.counts).toMatchObject({ frames: 4, batchFrames: 2, batchedEvents: 5 });
  });

  it('sees a gap and a duplicate that straddle two batches', () => {
    const { client } = streams();
    client.handle(JSON.stringify({ type: 'snapshot', tenant: 'a', seq: 0, epoch: 'e', state: {} }));
    client.handle(
      JSON.stringify({ type: 'events', frames: [stamped('a', 1, 1), stamped('a', 3, 1)] }),
    );
    client.handle(
      JSON.stringify({ type: 'events', frames: [stamped('a', 3, 1), stamped('a', 4, 1)] }),
    );
    expect(client.checker('a').closeAt(4)).toMatchObject({ lost: 1, duplicated: 1, delivered: 3 });
  });

  it('follows a reconnect: resume replay, resumed, then a resync snapshot with a new epoch', () => {
    const { client } = streams();
    client.handle(
      JSON.stringify({ type: 'snapshot', tenant: 'a', seq: 5, epoch: 'e1', state: {} }),
    );
    client.handle(JSON.stringify(stamped('a', 6, 1)));
    // new socket, subscribe with resumeFrom 6
    client.handle(JSON.stringify(stamped('a', 7, 1)));
    client.handle(JSON.stringify({ type: 'resumed', tenant: 'a', seq: 7, epoch: 'e1' }));
    client.handle(JSON.stringify({ type: 'events', frames: [stamped('a', 8, 1)] }));
    client.handle(
      JSON.stringify({ type: 'snapshot', tenant: 'a', seq: 2, epoch: 'e2', state: {} }),
    );
    client.handle(JSON.stringify(stamped('a', 3, 1)));
    expect(client.checker('a').closeAt(3)).toMatchObject({
      delivered: 4,
      lost: 0,
      duplicated: 0,
      epochChanges: 1,
    });
    expect(client.counts).toMatchObject({ snapshots: 2, resumes: 1 });
  });

  it('records no latency outside a measured slice and for events without a stamp', () => {
    const sink = new LatencySink();
    const client = new ClientStreams(sink, () => 100);
    client.handle(JSON.stringify({ type: 'snapshot', tenant: 'a', seq: 0, epoch: 'e', state: {} }));
    client.handle(JSON.stringify(stamped('a', 1, 50)));
    sink.startSlice();
    client.handle(
      JSON.stringify({
        type: 'event',
        tenant: 'a',
        seq: 2,
        ts: 1,
        event: { type: 'alert', id: 'x', data: {} },
      }),
    );
    expect(sink.recorded()).toBe(0);
  });

  it('keeps the message of an error frame as the last error', () => {
    const { client } = streams();
    expect(client.handle('{"type":"error","code":"forbidden","message":"no"}')).toBe('error');
    expect(client.lastError).toBe('forbidden: no');
  });
});
