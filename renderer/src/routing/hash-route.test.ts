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
});
