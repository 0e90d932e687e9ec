import { describe, expect, it } from 'vitest';
import { reduceAll } from './board-reducer';
import { BOARD_LIMITS, isBoardState, type BoardState } from './board-state';
import { beirutBoard, placed, sequence } from '../../test-support/board-events';

/** A board after every kind of operator action, as a client parses it from a snapshot. */
function actedBoard(): BoardState {
  const by = { by: 'rana', actionId: 'act-00000001' };
  const state = reduceAll(
    beirutBoard(),
    sequence([
      { type: 'alert', id: 'a-1', data: { severity: 'critical', message: 'Fryer 2 offline' } },
      { type: 'alert.resolved', data: { alertId: 'a-1', ...by } },
      placed('o-1', 'downtown', 1000),
      placed('o-2', 'downtown', 1000),
      { type: 'order.bumped', data: { orderId: 'o-1', ...by } },
      { type: 'order.cleared', data: { orderId: 'o-2', reason: 'duplicate ticket', ...by } },
    ]),
  );
  return JSON.parse(JSON.stringify(state)) as BoardState;
}

const REMOVE = Symbol('remove');

/** A deep copy of `board` with the field at `path` set to `value` (or removed). */
function broken(board: BoardState, path: Array<string | number>, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(board)) as unknown;
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === REMOVE) delete target[last];
  else target[last] = value;
  return copy;
}

describe('isBoardState and the operator-action fields', () => {
  it('accepts a board from an older hub, without any of the new fields', () => {
    const old = reduceAll(
      beirutBoard(),
      sequence([
        placed('o-1', 'downtown', 1000),
        { type: 'alert', data: { severity: 'info', message: 'm' } },
      ]),
    );
    const wire = JSON.parse(JSON.stringify(old)) as Record<string, unknown>;
    delete wire.olderOpenOrders;
    expect(wire).not.toHaveProperty('recentlyClosed');
    expect(isBoardState(wire)).toBe(true);
  });

  it('accepts a board with acknowledged and resolved alerts, stamped tickets and closed tickets', () => {
    const board = actedBoard();
    expect(board.alerts[0]).toHaveProperty('resolvedBy', 'rana');
    expect(board.openOrders['o-1']).toHaveProperty('lastAction.kind', 'bumped');
    expect(board.recentlyClosed).toHaveLength(1);
    expect(isBoardState(board)).toBe(true);
  });

  const board = actedBoard();
  const closed = board.recentlyClosed?.[0];
  it.each<[string, Array<string | number>, unknown]>([
    ['an alert stamp that is not a time', ['alerts', 0, 'acknowledgedAt'], '12:04'],
    ['an alert resolver that is not a name', ['alerts', 0, 'resolvedBy'], 7],
    ['an alert that is not an object', ['alerts', 1], 'alert'],
    ['a last action of an unknown kind', ['openOrders', 'o-1', 'lastAction', 'kind'], 'deleted'],
    ['a last action without its time', ['openOrders', 'o-1', 'lastAction', 'at'], REMOVE],
    ['a ticketCounted flag that is not a boolean', ['openOrders', 'o-1', 'ticketCounted'], 1],
    ['recentlyClosed that is not a list', ['recentlyClosed'], {}],
    ['a closed ticket left some other way', ['recentlyClosed', 0, 'how'], 'lost'],
    ['a closed ticket without who closed it', ['recentlyClosed', 0, 'closedBy'], REMOVE],
    ['a closed ticket with a reason that is not text', ['recentlyClosed', 0, 'reason'], 3],
    ['a closed ticket whose order is served', ['recentlyClosed', 0, 'order', 'status'], 'served'],
    ['a closed ticket without its order items', ['recentlyClosed', 0, 'order', 'items'], REMOVE],
    [
      'more closed tickets than the bound',
      ['recentlyClosed'],
      Array.from({ length: BOARD_LIMITS.recentlyClosed + 1 }, () => closed),
    ],
  ])('rejects a board with %s', (_name, path, value) => {
    expect(isBoardState(board)).toBe(true);
    expect(isBoardState(broken(board, path, value))).toBe(false);
  });
});
