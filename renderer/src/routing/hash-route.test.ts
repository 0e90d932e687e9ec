import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './hash-route';

describe('hash routes', () => {
  it('round-trips a tenant, board, wall flag and playlist', () => {
    const route = parseRoute('#/t/cedar-group/orders?wall=1&playlist=orders,payments&interval=45');
    expect(route).toEqual({
      tenant: 'cedar-group',
      board: 'orders',
      wall: true,
      playlist: { boards: ['orders', 'payments'], intervalSec: 45 },
    });
    expect(formatRoute(route)).toBe(
      '#/t/cedar-group/orders?wall=1&playlist=orders,payments&interval=45',
    );
  });

  it('falls back to Overview for unknown boards and reads wall mode from the page query', () => {
    expect(parseRoute('#/t/acme/nope', '?wall=1')).toMatchObject({
      tenant: 'acme',
      board: 'overview',
      wall: true,
    });
    expect(parseRoute('#/')).toMatchObject({ tenant: null, wall: false });
    expect(parseRoute('#/t/%E0%A4%A/feed').tenant).toBe('%E0%A4%A');
  });

  it('round-trips a playlist across tenants in the steps form', () => {
    const hash =
      '#/t/cedar-group/orders?wall=1&steps=cedar-group:orders,harbor-eats:overview&interval=5';
    const route = parseRoute(hash);
    expect(route.playlist).toEqual({
      steps: [
        { tenant: 'cedar-group', board: 'orders' },
        { tenant: 'harbor-eats', board: 'overview' },
      ],
      intervalSec: 5,
    });
    expect(route.playlistError).toBeUndefined();
    expect(formatRoute(route)).toBe(hash);
  });

  it('keeps interval=5 (the documented minimum) instead of rewriting it, and accepts boards= as the board list', () => {
    expect(
      parseRoute('#/t/cedar-group/orders?wall=1&boards=orders,feed&interval=5').playlist,
    ).toEqual({ boards: ['orders', 'feed'], intervalSec: 5 });
  });

  it('refuses an interval out of range, an unknown board and a step without a tenant, with a message and no playlist', () => {
    const cases: [string, string][] = [
      ['#/t/cedar-group/orders?wall=1&playlist=orders,feed&interval=4', 'at least 5 s'],
      ['#/t/cedar-group/orders?wall=1&playlist=orders,feed&interval=3601', 'at most 3600 s'],
      ['#/t/cedar-group/orders?wall=1&steps=cedar-group:orders&interval=abc', 'interval'],
      ['#/t/cedar-group/orders?wall=1&playlist=orders,kitchen', 'boards.1'],
      ['#/t/cedar-group/orders?wall=1&steps=orders,harbor-eats:feed', 'steps.0.tenant'],
    ];
    for (const [hash, message] of cases) {
      const route = parseRoute(hash);
      expect(route.playlist, hash).toBeNull();
      expect(route.playlistError, hash).toContain(message);
    }
  });

  it('reads #/wall?playlist=<name> as a saved playlist to open by name, and formats it back', () => {
    const route = parseRoute('#/wall?playlist=Lobby%20TV');
    expect(route).toMatchObject({ tenant: null, wall: true, playlistName: 'Lobby TV' });
    expect(formatRoute(route)).toBe('#/wall?playlist=Lobby%20TV');
    expect(parseRoute('#/wall').playlistError).toContain('?playlist=');
  });
});
