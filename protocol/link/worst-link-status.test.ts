import { describe, expect, it } from 'vitest';
import type { LinkStatus } from './link-state';
import { worstLinkStatus } from './worst-link-status';

const status = (state: LinkStatus['state'], since: number, reason: string = state): LinkStatus => ({
  state,
  since,
  reason,
});

describe('worstLinkStatus', () => {
  it('reports a link that needs sign-in over one that is live, whatever the order', () => {
    const live = { label: 'Head office', status: status('live', 1) };
    const refused = { label: 'This PC', status: status('auth_required', 5, 'closed 4003') };
    for (const links of [
      [live, refused],
      [refused, live],
    ]) {
      expect(worstLinkStatus(links)).toEqual({
        state: 'auth_required',
        since: 5,
        reason: 'This PC: closed 4003',
      });
    }
  });

  it('ranks offline over reconnecting over connecting over live', () => {
    const pick = (...states: LinkStatus['state'][]) =>
      worstLinkStatus(states.map((s, i) => ({ label: `p${i}`, status: status(s, i) })))?.state;
    expect(pick('live', 'connecting')).toBe('connecting');
    expect(pick('connecting', 'reconnecting', 'live')).toBe('reconnecting');
    expect(pick('reconnecting', 'offline')).toBe('offline');
  });

  it('between equal states picks the one in it longest', () => {
    const result = worstLinkStatus([
      { label: 'a', status: status('reconnecting', 50) },
      { label: 'b', status: status('reconnecting', 10) },
    ]);
    expect(result?.since).toBe(10);
    expect(result?.reason).toBe('b: reconnecting');
  });

  it('returns a single link unchanged and nothing for no links', () => {
    const only = status('live', 3, 'welcome received');
    expect(worstLinkStatus([{ label: 'x', status: only }])).toBe(only);
    expect(worstLinkStatus([])).toBeUndefined();
  });
});
