import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubProcess } from '../../../test-support/hub-process';
import { runRecordedLink, startScenarioHub, waitFor } from '../../../test-support/link-recorder';

describe('half-open connection (hub paused with SIGSTOP)', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startScenarioHub({ heartbeatMs: 1000 });
  });
  afterAll(async () => {
    hub?.resume();
    await hub?.stop();
  });

  it('declares the silent link dead after two heartbeats and comes back when the hub resumes', async () => {
    const { rec } = await runRecordedLink(
      hub,
      { everyMs: 100, link: { connectTimeoutMs: 3000 } },
      async (rec, publisher) => {
        try {
          await waitFor(
            'live with events',
            () => rec.seen.snapshot.length === 1 && rec.seen.event.length > 5,
          );
          hub.pause();
          // The OS keeps the TCP connection open; only the app-level heartbeat can notice.
          await waitFor(
            'the link declared dead',
            () => rec.states().includes('reconnecting'),
            10_000,
          );
          const dead = rec.seen.state.find((t) => t.to === 'reconnecting');
          expect(dead?.reason).toMatch(/no frame from the hub for \d+ ms \(2 heartbeats\)/);
          expect(rec.link.status().state).not.toBe('live');
          hub.resume();
          await waitFor(
            'live again',
            () =>
              rec.link.status().state === 'live' &&
              rec.seen.resumed.length + rec.seen.snapshot.length >= 2,
            30_000,
          );
          const resumedAt = publisher.published();
          await waitFor('events after resume', () => rec.lastSeq() > resumedAt + 3, 15_000);
        } finally {
          hub.resume();
        }
      },
    );
    expect(rec.gaps()).toEqual([]);
  });
});
