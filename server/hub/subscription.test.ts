import { describe, expect, it } from 'vitest';
import type { SequencedEvent } from '../../protocol/events';
import { eventFrame } from './event-frame';
import { Subscription } from './subscription';

function record(
  seq: number,
  type = 'queue.length',
  location = 'north',
): { record: SequencedEvent; frame: Buffer } {
  const r: SequencedEvent = {
    seq,
    ts: 1000 + seq,
    event: { type, id: `e${seq}`, location, data: {} },
  };
  return { record: r, frame: eventFrame('t1', r) };
}

function sink() {
  const sent: Array<Record<string, unknown>> = [];
  return {
    sent,
    send: (frame: string) => (sent.push(JSON.parse(frame) as Record<string, unknown>), true),
    sendEvent: (frame: Buffer) => (
      sent.push(JSON.parse(frame.toString()) as Record<string, unknown>),
      true
    ),
    mayRead: () => true,
  };
}

describe('subscription', () => {
  it('buffers live events during a replay and sends each seq once, replay first, then resumed, then live', () => {
    const out = sink();
    const sub = new Subscription('t1', out, undefined);
    const generation = sub.beginReplay(3);
    for (const seq of [6, 7, 8]) sub.deliver(record(seq).record, record(seq).frame);
    sub.finishReplay(
      generation,
      [4, 5, 6].map((seq) => record(seq)),
      'E',
    );
    sub.deliver(record(9).record, record(9).frame);
    expect(out.sent.map((f) => (f.type === 'event' ? f.seq : f.type))).toEqual([
      4,
      5,
      6,
      'resumed',
      7,
      8,
      9,
    ]);
    expect(out.sent[3]).toEqual({ type: 'resumed', tenant: 't1', seq: 6, epoch: 'E' });
  });

  it('ignores a replay that a snapshot superseded', () => {
    const out = sink();
    const sub = new Subscription('t1', out, undefined);
    const generation = sub.beginReplay(3);
    sub.startFromSnapshot('{"type":"snapshot","tenant":"t1","seq":10,"epoch":"F","state":{}}', 10);
    expect(sub.finishReplay(generation, [record(4)], 'E')).toBe(false);
    sub.deliver(record(10).record, record(10).frame);
    sub.deliver(record(11).record, record(11).frame);
    expect(out.sent.map((f) => (f.type === 'event' ? f.seq : f.type))).toEqual(['snapshot', 11]);
  });

  it('splices prev into filtered events: the seq of the previous frame sent on the subscription', () => {
    const out = sink();
    const sub = new Subscription('t1', out, { types: ['payment.*'], locations: ['north'] });
    sub.startFromSnapshot('{"type":"snapshot","tenant":"t1","seq":5,"epoch":"E","state":{}}', 5);
    const events = [
      record(6),
      record(7, 'payment.status'),
      record(8, 'payment.status', 'south'),
      record(9),
      record(10, 'payment.status'),
    ];
    for (const e of events) sub.deliver(e.record, e.frame);
    expect(out.sent.slice(1).map((f) => [f.seq, f.prev])).toEqual([
      [7, 5],
      [10, 7],
    ]);
    expect(out.sent[1]).toMatchObject({ type: 'event', tenant: 't1', seq: 7, event: { id: 'e7' } });
  });

  it('sends nothing after it is closed', () => {
    const out = sink();
    const sub = new Subscription('t1', out, undefined);
    sub.startFromSnapshot('{"type":"snapshot","tenant":"t1","seq":0,"epoch":"E","state":{}}', 0);
    sub.close();
    sub.deliver(record(1).record, record(1).frame);
    expect(out.sent).toHaveLength(1);
  });
});
