import { describe, expect, it } from 'vitest';
import { LoginRateLimit } from './login-rate-limit';

const limits = { perAddressPerMinute: 3, perUserPerMinute: 5 };

describe('LoginRateLimit', () => {
  it('counts only failures: successful sign-ins never use up the budget', () => {
    const limit = new LoginRateLimit(limits, () => 0);
    for (let i = 0; i < 20; i++) limit.beginPassword('10.0.0.1', 'wall')?.succeeded();
    expect(limit.beginPassword('10.0.0.1', 'wall')).not.toBeNull();
  });

  it('does not lock the owner out when other addresses guess the same name', () => {
    const limit = new LoginRateLimit({ ...limits, perUserPerMinute: 10 }, () => 0);
    for (const address of ['10.0.0.8', '10.0.0.9'])
      for (let i = 0; i < 3; i++) expect(limit.beginPassword(address, 'Wall')).not.toBeNull();
    expect(limit.beginPassword('10.0.0.9', 'wall')).toBeNull();
    expect(limit.beginPassword('10.0.0.1', 'wall')).not.toBeNull();
  });

  it('slows a name down across all addresses past the per-user budget, but never a refresh grant', () => {
    const limit = new LoginRateLimit(limits, () => 0);
    for (let i = 0; i < 5; i++) expect(limit.beginPassword(`10.0.1.${i}`, 'wall')).not.toBeNull();
    expect(limit.beginPassword('10.0.0.1', 'wall')).toBeNull();
    expect(limit.allowRefresh('wall')).toBe(true);
  });

  it('refills the budget with time', () => {
    let now = 0;
    const limit = new LoginRateLimit(limits, () => now);
    for (let i = 0; i < 3; i++) limit.beginPassword('10.0.0.1', 'x');
    expect(limit.beginPassword('10.0.0.1', 'x')).toBeNull();
    now += 20_000;
    expect(limit.beginPassword('10.0.0.1', 'x')).not.toBeNull();
  });

  it('counts refused refresh tokens against their address', () => {
    const limit = new LoginRateLimit(limits, () => 0);
    expect([1, 2, 3, 4].map(() => limit.refreshRefused('10.0.0.5'))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(limit.beginApiKey('10.0.0.5')).toBeNull();
  });
});
