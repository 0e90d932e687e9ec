import { describe, expect, it } from 'vitest';
import { createBoardState } from '../board/board-state';
import type { SequencedEvent } from '../events';
import { receiveBoardUpdate } from './board-update-schema';

const TENANT = 'cedar-grill';

function placed(seq: number): SequencedEvent {
  return {
    seq,
    ts: 1_700_000_000_000 + seq,
    event: {
      type: 'order.placed',
      id: `ev-${seq}`,
      data: { orderId: `o-${seq}`, channel: 'dine_in', items: [], total: 1, currency: 'LBP' },
    },
  };
}

const reset = {
  kind: 'reset',
  tenant: TENANT,
  state: createBoardState(),
  seq: 0,
  epoch: 'e1',
  freshness: 'live',
  asOf: 1,
  staleSince: null,
};

describe('receiveBoardUpdate', () => {
  it('passes a valid update through with its board and events intact', () => {
    expect(receiveBoardUpdate(TENANT, reset)).toEqual(reset);
    const events = { kind: 'events', tenant: TENANT, events: [placed(1), placed(2)] };
    expect(receiveBoardUpdate(TENANT, events)).toEqual(events);
  });

  it('turns a reset whose board this version cannot read into a bad_state error for the tenant', () => {
    expect(receiveBoardUpdate(TENANT, { ...reset, state: { version: 99 } })).toMatchObject({
      kind: 'error',
      tenant: TENANT,
      code: 'bad_state',
    });
  });

  it('keeps the valid events of a batch and drops the malformed ones', () => {
    const update = receiveBoardUpdate(TENANT, {
      kind: 'events',
      tenant: TENANT,
      events: [{ seq: 1 }, placed(2), { ...placed(3), ts: 'soon' }, null],
    });
    expect(update).toEqual({ kind: 'events', tenant: TENANT, events: [placed(2)] });
  });

  it('answers anything else with a bad_update error instead of throwing', () => {
    for (const value of [
      null,
      'reset',
      42,
      {},
      { kind: 'freshness', tenant: TENANT, freshness: 'fresh' },
    ])
      expect(receiveBoardUpdate(TENANT, value)).toMatchObject({
        kind: 'error',
        tenant: TENANT,
        code: 'bad_update',
      });
  });

  it('rejects a non-finite number where the window expects a time', () => {
    expect(receiveBoardUpdate(TENANT, { ...reset, asOf: Number.POSITIVE_INFINITY })).toMatchObject({
      kind: 'error',
      code: 'bad_update',
    });
  });
});
