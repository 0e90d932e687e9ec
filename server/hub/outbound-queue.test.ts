import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { MAX_EVENTS_PER_BATCH, parseHubMessage, type HubMessage } from '../../protocol/messages';
import { eventFrame } from './event-frame';
import { BatchEncoder, MAX_BATCH_BYTES } from './frame-batch';
import { OutboundQueue } from './outbound-queue';

/** Records what the queue hands to `ws.send`, as raw Buffers and parsed frames. */
function recordingSocket() {
  const raw: Buffer[] = [];
  const options: unknown[] = [];
  const ws = {
    send: (data: Buffer, opts: unknown) => {
      raw.push(data);
      options.push(opts);
    },
  } as unknown as WebSocket;
  const parsed = (): HubMessage[] =>
    raw.map((b) => {
      const result = parseHubMessage(b.toString());
      if (!result.ok) throw new Error(`the queue wrote an invalid frame: ${result.error}`);
      return result.message;
    });
  return { ws, raw, options, parsed };
}

const ev = (tenant: string, seq: number, message = 'x') =>
  eventFrame(tenant, {
    seq,
    ts: 1_700_000_000_000 + seq,
    event: { type: 'alert', id: `e${seq}`, data: { severity: 'info', message } },
  });

const tally = () => ({ frames: 0, bytes: 0 });

describe('outbound queue', () => {
  it('on ops.v1 writes every frame on its own, in order, as text', () => {
    const out = recordingSocket();
    const queue = new OutboundQueue(out.ws, null, false);
    queue.push(ev('t1', 1), true);
    queue.push(ev('t1', 2), true);
    queue.push(Buffer.from('{"type":"unsubscribed","tenant":"t1"}'), false);
    const t = tally();
    queue.write(new BatchEncoder(), t);
    expect(out.parsed().map((f) => (f.type === 'event' ? f.seq : f.type))).toEqual([
      1,
      2,
      'unsubscribed',
    ]);
    expect(out.options.every((o) => (o as { binary: boolean }).binary === false)).toBe(true);
    expect(t.frames).toBe(3);
    expect(queue.empty).toBe(true);
  });

  it('on ops.v1.batch turns each run of events into one events frame, mixing tenants, with control frames in between kept in place', () => {
    const out = recordingSocket();
    const queue = new OutboundQueue(out.ws, null, true);
    const frames = [ev('t1', 1), ev('t2', 7), ev('t1', 2)];
    for (const f of frames) queue.push(f, true);
    queue.push(Buffer.from('{"type":"resumed","tenant":"t3","seq":4,"epoch":"e"}'), false);
    queue.push(ev('t3', 5), true);
    queue.write(new BatchEncoder(), tally());
    const sent = out.parsed();
    expect(sent.map((f) => f.type)).toEqual(['events', 'resumed', 'event']);
    const batch = sent[0] as Extract<HubMessage, { type: 'events' }>;
    // Each element is exactly the event frame that would have gone alone.
    expect(batch.frames).toEqual(frames.map((f) => JSON.parse(f.toString())));
  });

  it('bounds an events frame by frame count and by bytes', () => {
    const out = recordingSocket();
    const queue = new OutboundQueue(out.ws, null, true);
    const count = MAX_EVENTS_PER_BATCH * 2 + 3;
    for (let seq = 1; seq <= count; seq += 1) queue.push(ev('t1', seq), true);
    queue.write(new BatchEncoder(), tally());
    const sizes = out.parsed().map((f) => (f.type === 'events' ? f.frames.length : 1));
    expect(sizes).toEqual([MAX_EVENTS_PER_BATCH, MAX_EVENTS_PER_BATCH, 3]);

    const big = recordingSocket();
    const bigQueue = new OutboundQueue(big.ws, null, true);
    const filler = 'y'.repeat(100 * 1024);
    for (let seq = 1; seq <= 6; seq += 1) bigQueue.push(ev('t1', seq, filler), true);
    bigQueue.write(new BatchEncoder(), tally());
    const bigSizes = big.parsed().map((f) => (f.type === 'events' ? f.frames.length : 1));
    expect(bigSizes).toEqual([3, 3]);
    expect(Math.max(...big.raw.map((b) => b.length))).toBeLessThan(MAX_BATCH_BYTES + 110 * 1024);
  });

  it('builds the events frame for a run once per pass and hands the same bytes to every member', () => {
    const encoder = new BatchEncoder();
    const shared = [ev('t1', 1), ev('t1', 2), ev('t1', 3)];
    const a = recordingSocket();
    const b = recordingSocket();
    for (const out of [a, b]) {
      const queue = new OutboundQueue(out.ws, null, true);
      for (const f of shared) queue.push(f, true);
      queue.write(encoder, tally());
    }
    expect(a.raw[0]).toBe(b.raw[0]);
    // A different run starting with the same Buffer is not mistaken for the cached one.
    const c = recordingSocket();
    const queue = new OutboundQueue(c.ws, null, true);
    queue.push(shared[0] as Buffer, true);
    queue.push(shared[2] as Buffer, true);
    queue.write(encoder, tally());
    const batch = c.parsed()[0] as Extract<HubMessage, { type: 'events' }>;
    expect(batch.frames.map((f) => f.seq)).toEqual([1, 3]);
  });
});
