import { describe, expect, it } from 'vitest';
import { estimateSkew, localExpiry, renewalDelay, tokenUsable } from './token-schedule';

describe('token schedule', () => {
  const now = 1_700_000_000_000;

  it('renews at 80% of the lifetime when clocks agree', () => {
    const expSeconds = now / 1000 + 100;
    expect(renewalDelay({ obtainedAtLocal: now, expSeconds, skewMs: 0, now })).toBe(80_000);
  });

  it('corrects for a hub clock that runs ahead of ours', () => {
    // Hub is 20 s ahead: a token the hub says expires in 100 s of its time expires
    // 80 s after "now" by our clock... no: exp is absolute hub time, so local expiry is exp - skew.
    const skewMs = 20_000;
    const expSeconds = (now + skewMs) / 1000 + 100; // 100 s of lifetime, stated in hub time
    expect(localExpiry(expSeconds, skewMs)).toBe(now + 100_000);
    expect(renewalDelay({ obtainedAtLocal: now, expSeconds, skewMs, now })).toBe(80_000);
    // Ignoring the skew would renew 16 s too late.
    expect(renewalDelay({ obtainedAtLocal: now, expSeconds, skewMs: 0, now })).toBe(96_000);
  });

  it('corrects for a hub clock that runs behind ours', () => {
    const skewMs = -30_000;
    const expSeconds = (now + skewMs) / 1000 + 10;
    expect(renewalDelay({ obtainedAtLocal: now, expSeconds, skewMs, now })).toBe(8000);
  });

  it('keeps a margin before expiry for very short tokens and never goes negative', () => {
    const expSeconds = now / 1000 + 1;
    expect(renewalDelay({ obtainedAtLocal: now, expSeconds, skewMs: 0, now })).toBe(500);
    expect(renewalDelay({ obtainedAtLocal: now, expSeconds, skewMs: 0, now: now + 5000 })).toBe(0);
  });

  it('starts early enough for a slow token endpoint: twice its latency before expiry', () => {
    const expSeconds = now / 1000 + 3;
    expect(renewalDelay({ obtainedAtLocal: now, expSeconds, skewMs: 0, now })).toBe(2400);
    expect(
      renewalDelay({ obtainedAtLocal: now, expSeconds, skewMs: 0, now, fetchLatencyMs: 900 }),
    ).toBe(1200);
  });

  it('estimates skew from the midpoint of a round trip', () => {
    expect(estimateSkew(10_500, 1000, 2000)).toBe(9000);
    expect(estimateSkew(1000, 1000, 1000)).toBe(0);
  });

  it('treats a token as usable only with more than a second left', () => {
    expect(tokenUsable(now + 5000, now)).toBe(true);
    expect(tokenUsable(now + 500, now)).toBe(false);
    expect(tokenUsable(undefined, now)).toBe(false);
  });
});
