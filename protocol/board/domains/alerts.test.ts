import { describe, expect, it } from 'vitest';
import { reduceAll } from '../board-reducer';
import { BOARD_LIMITS } from '../board-state';
import { beirutBoard, sequence } from '../../../test-support/board-events';

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
});
