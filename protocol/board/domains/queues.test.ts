import { describe, expect, it } from 'vitest';
import { reduceAll } from '../board-reducer';
import { waitlistLength } from '../board-selectors';
import { beirutBoard, sequence } from '../../../test-support/board-events';

describe('the queues domain', () => {
  it('keeps the latest queue lengths', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        { type: 'queue.length', location: 'jounieh', data: { queue: 'waitlist', length: 7 } },
        { type: 'queue.length', location: 'jounieh', data: { queue: 'waitlist', length: 3 } },
      ]),
    );
    expect(waitlistLength(state)).toBe(3);
    expect(state.trend.at(-1)?.waitlist).toBe(3);
  });
});
