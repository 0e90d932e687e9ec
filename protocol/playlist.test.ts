import { describe, expect, it } from 'vitest';
import {
  namedPlaylistSchema,
  namedPlaylistsSchema,
  nextStep,
  PLAYLIST_INTERVAL_MAX_SEC,
  PLAYLIST_INTERVAL_MIN_SEC,
  rotationSchema,
  stepAt,
  type Rotation,
} from './playlist';

const rotation: Rotation = {
  steps: [
    { tenant: 'cedar-group', board: 'orders' },
    { tenant: 'harbor-eats', board: 'overview' },
    { tenant: 'cedar-group', board: 'floor' },
  ],
  intervalSec: 10,
};

describe('playlist schema', () => {
  it('accepts steps across tenants with an interval from 5 s to 3600 s', () => {
    expect(PLAYLIST_INTERVAL_MIN_SEC).toBe(5);
    expect(PLAYLIST_INTERVAL_MAX_SEC).toBe(3600);
    for (const intervalSec of [5, 30, 3600])
      expect(rotationSchema.safeParse({ ...rotation, intervalSec }).success).toBe(true);
  });

  it('refuses an interval out of range or fractional with a message that gives the limit', () => {
    const messages = [4, 3601, 7.5].map((intervalSec) => {
      const parsed = rotationSchema.safeParse({ ...rotation, intervalSec });
      expect(parsed.success).toBe(false);
      return parsed.error?.issues[0]?.message;
    });
    expect(messages[0]).toContain('at least 5 s');
    expect(messages[1]).toContain('at most 3600 s');
    expect(messages[2]).toContain('whole number');
  });

  it('refuses an unknown board, a bad tenant id, no steps and an empty name', () => {
    const bad = [
      { name: 'A', steps: [{ tenant: 'cedar-group', board: 'kitchen' }], intervalSec: 10 },
      { name: 'A', steps: [{ tenant: 'Cedar Group', board: 'orders' }], intervalSec: 10 },
      { name: 'A', steps: [], intervalSec: 10 },
      { name: '   ', steps: rotation.steps, intervalSec: 10 },
    ];
    for (const value of bad) expect(namedPlaylistSchema.safeParse(value).success).toBe(false);
  });

  it('refuses two saved playlists with the same name, since the URL opens one by name', () => {
    const one = { name: 'Lobby', ...rotation };
    const parsed = namedPlaylistsSchema.safeParse([one, one]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([1, 'name']);
  });
});

describe('stepAt and nextStep', () => {
  it('shows each step for the interval, in order, and wraps around', () => {
    const start = 1_000_000;
    expect(stepAt(rotation, start, start)).toBe(0);
    expect(stepAt(rotation, start, start + 9_999)).toBe(0);
    expect(stepAt(rotation, start, start + 10_000)).toBe(1);
    expect(stepAt(rotation, start, start + 25_000)).toBe(2);
    expect(stepAt(rotation, start, start + 30_000)).toBe(0);
    // A clock that stepped back shows the first step rather than a negative index.
    expect(stepAt(rotation, start, start - 5_000)).toBe(0);
  });

  it('moves to the next step and wraps to the first after the last', () => {
    expect(nextStep(rotation, 0)).toBe(1);
    expect(nextStep(rotation, 2)).toBe(0);
    expect(() => nextStep({ steps: [] }, 0)).toThrow(/no steps/);
  });
});
