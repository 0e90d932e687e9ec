import { describe, expect, it } from 'vitest';
import { UPDATE_STATES } from '../../protocol/bridge/update-status';
import { UpdateService } from '../core/updates/update-service';
import { updateStatusSchema } from '../../protocol/bridge/update-status';

/** Main validates every reply against the channel map; a status the service emits must pass it. */
describe('update status over IPC', () => {
  it('every status UpdateService emits passes the updates channel schema', async () => {
    const seen: unknown[] = [];
    const service = new UpdateService({
      plan: {
        kind: 'check',
        feedUrl: 'https://updates.invalid/',
        channel: 'beta',
        installBy: 'app',
        managed: true,
      },
      currentVersion: '1.2.0',
      platform: 'win32',
      arch: 'x64',
      stagingId: async () => '0b6c2b2e-7d1c-4f3a-9c55-123400000000',
      installer: {
        download: async () => undefined,
        restartAndInstall: () => undefined,
      },
      log: () => undefined,
      policyProblem: undefined,
      fetch: async () =>
        new Response('version: 1.3.0\nfiles:\n  - url: a.exe\n    sha512: abc\n', { status: 200 }),
    });
    seen.push(service.status());
    service.onStatus((status) => seen.push(status));
    await service.check();
    expect(seen.map((status) => (status as { state: string }).state)).toEqual([
      'idle',
      'checking',
      'downloading',
      'ready',
    ]);
    for (const status of seen) expect(updateStatusSchema.safeParse(status).success).toBe(true);
  });

  it('accepts every state and rejects an unknown one', () => {
    for (const state of UPDATE_STATES)
      expect(
        updateStatusSchema.safeParse({ state, reason: 'current', currentVersion: '1.0.0' }).success,
      ).toBe(true);
    expect(
      updateStatusSchema.safeParse({ state: 'exploded', reason: 'current', currentVersion: '1' })
        .success,
    ).toBe(false);
  });
});
