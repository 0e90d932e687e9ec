import { describe, expect, it } from 'vitest';
import type { SequencedEvent } from '../events';
import {
  activeAlerts,
  ALERT_ACTIVE_WINDOW_MS,
  alertCountsBySeverity,
  alertStatus,
  isActiveAlert,
  unresolvedAlerts,
} from './alert-selectors';
import { reduceAll } from './board-reducer';
import { createBoardState } from './board-state';

const NOON = Date.UTC(2026, 10, 22, 10, 0, 0);

function alert(
  seq: number,
  severity: 'info' | 'warning' | 'critical',
  minutesAfterNoon: number,
): SequencedEvent {
  return {
    seq,
    ts: NOON + minutesAfterNoon * 60_000,
    event: {
      type: 'alert',
      id: `a-${seq}`,
      location: 'hamra',
      data: { severity, message: `alert ${seq}` },
    },
  };
}

const board = reduceAll(createBoardState(), [
  alert(1, 'critical', 0),
  alert(2, 'warning', 10),
  alert(3, 'critical', 20),
  alert(4, 'info', 25),
]);

describe('activeAlerts', () => {
  it('lists the alerts raised within the window, newest first', () => {
    const now = NOON + 31 * 60_000;
    expect(activeAlerts(board, now).map((a) => a.id)).toEqual(['a-4', 'a-3', 'a-2']);
  });

  it('filters by severity', () => {
    const now = NOON + 21 * 60_000;
    expect(activeAlerts(board, now, { severity: 'critical' }).map((a) => a.id)).toEqual([
      'a-3',
      'a-1',
    ]);
  });

  it('takes a configurable window', () => {
    const now = NOON + 26 * 60_000;
    expect(activeAlerts(board, now, { windowMs: 2 * 60_000 }).map((a) => a.id)).toEqual(['a-4']);
  });

  it('ends an alert exactly at the window', () => {
    const record = board.alerts[0]!;
    expect(isActiveAlert(record, record.at + ALERT_ACTIVE_WINDOW_MS - 1)).toBe(true);
    expect(isActiveAlert(record, record.at + ALERT_ACTIVE_WINDOW_MS)).toBe(false);
  });

  it('drops an alert once it carries acknowledged or resolved state', () => {
    const record = board.alerts[0]!;
    expect(isActiveAlert({ ...record, acknowledgedAt: NOON }, NOON)).toBe(false);
    expect(isActiveAlert({ ...record, resolvedAt: NOON }, NOON)).toBe(false);
  });
});

describe('alertCountsBySeverity', () => {
  it('counts every severity, with zero for those without active alerts', () => {
    expect(alertCountsBySeverity(board, NOON + 31 * 60_000)).toEqual({
      info: 1,
      warning: 1,
      critical: 1,
    });
    expect(alertCountsBySeverity(createBoardState(), NOON)).toEqual({
      info: 0,
      warning: 0,
      critical: 0,
    });
  });
});

function stamp(seq: number, type: 'alert.acknowledged' | 'alert.resolved', alertId: string) {
  return {
    seq,
    ts: NOON + 30 * 60_000 + seq * 1000,
    event: { type, id: `s-${seq}`, data: { alertId, by: 'rana' } },
  };
}

describe('the alert lifecycle', () => {
  const acted = reduceAll(board, [
    stamp(5, 'alert.acknowledged', 'a-3'),
    stamp(6, 'alert.resolved', 'a-4'),
  ]);

  it('names each alert active, acknowledged, resolved or expired', () => {
    const now = NOON + 31 * 60_000;
    expect(acted.alerts.map((a) => [a.id, alertStatus(a, now)])).toEqual([
      ['a-1', 'expired'],
      ['a-2', 'active'],
      ['a-3', 'acknowledged'],
      ['a-4', 'resolved'],
    ]);
    expect(activeAlerts(acted, now).map((a) => a.id)).toEqual(['a-2']);
    expect(alertCountsBySeverity(acted, now)).toEqual({ info: 0, warning: 1, critical: 0 });
  });

  it('lists the unresolved alerts newest first, acknowledged ones included', () => {
    expect(unresolvedAlerts(acted).map((a) => a.id)).toEqual(['a-3', 'a-2', 'a-1']);
  });
});
