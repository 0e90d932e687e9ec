import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, goingAwayReason } from '../codes/close-codes';
import { decideClose, SUSPECT_TOKEN_AFTER_FAILURES, type CloseContext } from './close-policy';

const context = (overrides: Partial<CloseContext> = {}): CloseContext => ({
  random: () => 0.5,
  goingAwayFallbackMs: 5000,
  preWelcomeFailures: 0,
  ...overrides,
});

describe('close policy', () => {
  it.each(CLOSE_CODES.map((info) => [info.code, info.name, info.action] as const))(
    'close %i (%s) gets the action of the codes table: %s',
    (code, name, action) => {
      const decision = decideClose(code, 'bye', context());
      expect(decision.action).toBe(action);
      expect(decision.why).toBe(`closed ${code} (${name}): bye`);
    },
  );

  it('treats a code outside the table as a dropped connection', () => {
    expect(decideClose(4999, '', context())).toEqual({
      action: 'reconnect',
      why: 'closed 4999 (unknown)',
      discardToken: false,
    });
  });

  it('discards the token only for refresh_token, or once attempts keep failing before welcome', () => {
    for (const info of CLOSE_CODES) {
      const first = decideClose(info.code, '', context({ preWelcomeFailures: 1 }));
      expect(first.discardToken).toBe(info.action === 'refresh_token');
      const suspect = decideClose(
        info.code,
        '',
        context({ preWelcomeFailures: SUSPECT_TOKEN_AFTER_FAILURES }),
      );
      expect(suspect.discardToken).toBe(true);
    }
  });

  it('spreads a 1001 over the window named in its reason, or the fallback window', () => {
    const named = decideClose(1001, goingAwayReason(2000), context({ random: () => 0.25 }));
    expect(named).toMatchObject({ action: 'reconnect_within_window', delayMs: 500 });
    const fallback = decideClose(1001, 'restarting', context({ random: () => 0.999 }));
    expect(fallback.delayMs).toBe(4995);
  });

  it('leaves the delay to the backoff for every other action', () => {
    for (const info of CLOSE_CODES.filter((row) => row.action !== 'reconnect_within_window'))
      expect(decideClose(info.code, '', context())).not.toHaveProperty('delayMs');
  });
});
