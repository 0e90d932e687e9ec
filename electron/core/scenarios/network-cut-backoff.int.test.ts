import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubProcess } from '../../../test-support/hub-process';
import { startTcpProxy, type TcpProxy } from '../../../test-support/tcp-proxy';
import { backoffCeiling } from '../../../protocol/link/backoff';
import { runRecordedLink, startScenarioHub, waitFor } from '../../../test-support/link-recorder';

describe('network cut through a loopback proxy', () => {
  let hub: HubProcess;
  let proxy: TcpProxy;
  beforeAll(async () => {
    hub = await startScenarioHub();
    proxy = await startTcpProxy({ port: hub.port });
  });
  afterAll(async () => {
    await proxy?.close();
    await hub?.stop();
  });

  it('backs off with jitter while refused for 10 s, then resumes with no gap', async () => {
    // The publisher talks to the hub directly: events keep flowing during the cut.
    const { rec, publisher } = await runRecordedLink(
      hub,
      { everyMs: 50, hubUrl: proxy.url },
      async (rec, publisher) => {
        await waitFor(
          'live with events',
          () => rec.seen.snapshot.length === 1 && rec.seen.event.length > 10,
        );
        await proxy.refuse();
        proxy.dropAll();
        const cutAt = Date.now();
        await new Promise((r) => setTimeout(r, 10_000));
        const retries = rec.seen.state.filter((t) => t.to === 'reconnecting' && t.at >= cutAt);
        await proxy.accept();
        await waitFor(
          'resumed through the reopened proxy',
          () => rec.seen.resumed.length >= 1,
          40_000,
        );
        await publisher.stop();
        await waitFor(
          'every published event',
          () => rec.lastSeq() >= publisher.published(),
          10_000,
        );

        // Several attempts during the 10 s, each delay within its full-jitter ceiling, not all equal.
        expect(retries.length).toBeGreaterThanOrEqual(3);
        const delays = retries.map((t) => (t.status.nextRetryAt ?? 0) - t.at);
        retries.forEach((t, i) =>
          expect(delays[i]).toBeLessThanOrEqual(backoffCeiling(t.status.attempt ?? 1)),
        );
        expect(new Set(delays).size).toBeGreaterThan(1);
        expect(retries.map((t) => t.status.attempt)).toEqual(retries.map((_, i) => i + 1));
      },
    );
    expect(rec.seen.snapshot.length).toBe(1);
    expect(rec.gaps()).toEqual([]);
    expect(rec.lastSeq()).toBe(publisher.published());
  }, 90_000);
});
