import { describe, expect, it } from 'vitest';
import { reduceAll } from '../board-reducer';
import { BOARD_LIMITS } from '../board-state';
import { BEIRUT_NOON, beirutBoard, sequence } from '../../../test-support/board-events';

const raised = (id: string) => ({
  type: 'alert',
  id,
  location: 'hamra',
  data: { severity: 'critical', message: 'Fryer 2 offline' },
});
const acted = (type: 'alert.acknowledged' | 'alert.resolved', alertId: string, by: string) => ({
  type,
  data: { alertId, by, actionId: `act-${by}-${alertId}` },
});

describe('the alerts domain', () => {
  it('keeps the latest alerts newest last, bounded, with long messages cut for the tiles', () => {
    const count = BOARD_LIMITS.alerts + 5;
    const state = reduceAll(
      beirutBoard(),
      sequence(
        Array.from({ length: count }, (_, i) => ({
          type: 'alert',
          id: `a-${i}`,
          location: 'hamra',
          data: { severity: 'critical', message: `fryer ${i} `.padEnd(400, '!') },
        })),
      ),
    );
    expect(state.alerts).toHaveLength(BOARD_LIMITS.alerts);
    expect(state.alerts.at(-1)).toMatchObject({
      id: `a-${count - 1}`,
      location: 'hamra',
      severity: 'critical',
    });
    expect(state.alerts[0]?.id).toBe('a-5');
    expect(state.alerts.at(-1)?.message).toHaveLength(300);
  });

  it('ignores an alert whose data does not match the catalog, keeping it in the feed only', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([{ type: 'alert', data: { severity: 'apocalyptic', message: 'no' } }]),
    );
    expect(state.alerts).toEqual([]);
    expect(state.feed.map((row) => row.type)).toEqual(['alert']);
  });

  it('stamps the first acknowledgement with the hub time and the person, and ignores a repeat', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        raised('a-1'),
        raised('a-2'),
        acted('alert.acknowledged', 'a-1', 'rana'),
        acted('alert.acknowledged', 'a-1', 'karim'),
      ]),
    );
    expect(state.alerts[0]).toEqual({
      id: 'a-1',
      location: 'hamra',
      severity: 'critical',
      message: 'Fryer 2 offline',
      at: BEIRUT_NOON,
      acknowledgedAt: BEIRUT_NOON + 2000,
      acknowledgedBy: 'rana',
    });
    expect(state.alerts[1]).not.toHaveProperty('acknowledgedAt');
    expect(state.feed.map((row) => row.type).slice(-2)).toEqual([
      'alert.acknowledged',
      'alert.acknowledged',
    ]);
  });

  it('resolves an alert, acknowledging it too when nobody had, and keeps the first resolution', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        raised('a-1'),
        raised('a-2'),
        acted('alert.acknowledged', 'a-2', 'rana'),
        acted('alert.resolved', 'a-1', 'karim'),
        acted('alert.resolved', 'a-2', 'karim'),
        acted('alert.resolved', 'a-2', 'rana'),
        acted('alert.acknowledged', 'a-1', 'rana'),
      ]),
    );
    expect(state.alerts[0]).toMatchObject({
      acknowledgedAt: BEIRUT_NOON + 3000,
      acknowledgedBy: 'karim',
      resolvedAt: BEIRUT_NOON + 3000,
      resolvedBy: 'karim',
    });
    expect(state.alerts[1]).toMatchObject({
      acknowledgedAt: BEIRUT_NOON + 2000,
      acknowledgedBy: 'rana',
      resolvedAt: BEIRUT_NOON + 4000,
      resolvedBy: 'karim',
    });
  });

  it('leaves the alerts as they were for an alert id that is not on the board', () => {
    const before = reduceAll(beirutBoard(), sequence([raised('a-1')]));
    const after = reduceAll(
      before,
      sequence([
        raised('a-1'),
        acted('alert.acknowledged', 'a-404', 'rana'),
        acted('alert.resolved', '__proto__', 'rana'),
      ]).slice(1),
    );
    expect(after.seq).toBe(3);
    expect(after.alerts).toBe(before.alerts);
  });

  it('acts on an alert that was pushed off the board by newer ones as on an unknown alert', () => {
    const flood = Array.from({ length: BOARD_LIMITS.alerts }, (_, i) => raised(`b-${i}`));
    const state = reduceAll(
      beirutBoard(),
      sequence([raised('a-old'), ...flood, acted('alert.acknowledged', 'a-old', 'rana')]),
    );
    expect(state.alerts.some((a) => a.id === 'a-old')).toBe(false);
    expect(state.alerts.every((a) => a.acknowledgedAt === undefined)).toBe(true);
  });

  it('ignores an acknowledgement without the person who acted (data off the catalog)', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([raised('a-1'), { type: 'alert.acknowledged', data: { alertId: 'a-1' } }]),
    );
    expect(state.alerts[0]).not.toHaveProperty('acknowledgedAt');
    expect(state.feed).toHaveLength(2);
  });
});
