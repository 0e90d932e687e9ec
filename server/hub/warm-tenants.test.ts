import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WarmTenants } from './warm-tenants';

describe('WarmTenants', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a tenant warm until idleMs passed since its last ingest, then cools it once', () => {
    const cooled: string[] = [];
    const warm = new WarmTenants(
      1000,
      () => Date.now(),
      (tenant) => cooled.push(tenant),
    );
    expect(warm.touch('cedar')).toBe(true);
    vi.advanceTimersByTime(600);
    expect(warm.touch('cedar')).toBe(false);
    vi.advanceTimersByTime(600);
    expect(warm.isWarm('cedar')).toBe(true);
    expect(cooled).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(warm.isWarm('cedar')).toBe(false);
    expect(cooled).toEqual(['cedar']);
    expect(warm.touch('cedar')).toBe(true);
  });

  it('forgets a tenant without cooling it, and refuses a non-positive idle time', () => {
    const cooled: string[] = [];
    const warm = new WarmTenants(
      1000,
      () => Date.now(),
      (tenant) => cooled.push(tenant),
    );
    warm.touch('cedar');
    warm.forget('cedar');
    vi.advanceTimersByTime(5000);
    expect(cooled).toEqual([]);
    expect(() => new WarmTenants(0, Date.now, () => undefined)).toThrow(TypeError);
  });
});
