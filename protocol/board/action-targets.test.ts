import { describe, expect, it } from 'vitest';
import { OPERATOR_ACTIONS } from '../actions';
import { isActionTargetOnBoard } from './action-targets';
import { reduceAll } from './board-reducer';
import { beirutBoard, placed, sequence } from '../../test-support/board-events';

const by = { by: 'rana' };
const board = reduceAll(
  beirutBoard(),
  sequence([
    { type: 'alert', id: 'a-1', data: { severity: 'warning', message: 'Fryer 2 offline' } },
    placed('o-placed', 'downtown', 1000),
    placed('o-ready', 'downtown', 1000),
    { type: 'order.status', data: { orderId: 'o-ready', status: 'ready' } },
    placed('o-served', 'downtown', 1000),
    { type: 'order.bumped', data: { orderId: 'o-served', ...by } },
    { type: 'order.bumped', data: { orderId: 'o-served', ...by } },
    { type: 'order.bumped', data: { orderId: 'o-served', ...by } },
    placed('o-status-served', 'downtown', 1000),
    { type: 'order.status', data: { orderId: 'o-status-served', status: 'served' } },
  ]),
  { openOrders: 2, summarisedOrders: 10 },
);

describe('isActionTargetOnBoard', () => {
  it('finds alerts by event id and open tickets, detailed or summarised, for bump and clear', () => {
    expect(Object.keys(board.openOrders)).toEqual(['o-ready']);
    expect(Object.keys(board.olderOpenOrders?.orders ?? {})).toEqual(['o-placed']);
    expect(isActionTargetOnBoard(board, 'alert.acknowledge', 'a-1')).toBe(true);
    expect(isActionTargetOnBoard(board, 'alert.resolve', 'a-1')).toBe(true);
    for (const action of ['order.bump', 'order.clear'] as const) {
      expect(isActionTargetOnBoard(board, action, 'o-ready')).toBe(true);
      expect(isActionTargetOnBoard(board, action, 'o-placed')).toBe(true);
      expect(isActionTargetOnBoard(board, action, 'o-served')).toBe(false);
    }
  });

  it('offers a recall only where the reducer would recall something', () => {
    expect(isActionTargetOnBoard(board, 'order.recall', 'o-ready')).toBe(true);
    expect(isActionTargetOnBoard(board, 'order.recall', 'o-served')).toBe(true);
    expect(isActionTargetOnBoard(board, 'order.recall', 'o-placed')).toBe(false);
    expect(isActionTargetOnBoard(board, 'order.recall', 'o-status-served')).toBe(false);
  });

  it('says not on the board for unknown ids and ids named like Object.prototype members', () => {
    for (const action of OPERATOR_ACTIONS)
      for (const target of ['nope', '__proto__', 'constructor', 'toString'])
        expect(isActionTargetOnBoard(board, action, target)).toBe(false);
  });
});
