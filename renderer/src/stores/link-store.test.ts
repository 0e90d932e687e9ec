import { describe, expect, it, vi } from 'vitest';
import { createFixtureHost, FIXTURE_NOW } from '../fixtures/fixture-host';
import { createLinkStore } from './link-store';

describe('link store', () => {
  it('takes the initial status from the host and follows every pushed change', async () => {
    const host = createFixtureHost({ now: () => FIXTURE_NOW });
    const store = createLinkStore();
    const disconnect = store.connect(host);
    await vi.waitFor(() => expect(store.getState().status?.state).toBe('live'));
    host.control.emitLink({
      state: 'reconnecting',
      since: FIXTURE_NOW,
      reason: 'socket closed',
      attempt: 2,
      nextRetryAt: FIXTURE_NOW + 4000,
    });
    expect(store.getState().status).toMatchObject({ state: 'reconnecting', attempt: 2 });
    disconnect();
    host.control.emitLink({ state: 'live', since: FIXTURE_NOW, reason: 'ok' });
    expect(store.getState().status?.state).toBe('reconnecting');
  });

  it('ignores a malformed status instead of showing a wrong state', () => {
    const host = createFixtureHost({ now: () => FIXTURE_NOW });
    const store = createLinkStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    store.connect(host);
    host.control.emitLink({ state: 'live', since: 1, reason: 'ok' });
    host.control.emitLink({ state: 'exploded', since: 2 } as never);
    expect(store.getState().status?.state).toBe('live');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
