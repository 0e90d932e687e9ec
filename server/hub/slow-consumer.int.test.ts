import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { connectTestClient, postJson } from '../../test-support/ws-test-client';
import { BACKPLANES, hubOn } from '../../test-support/backplane-matrix';
import type { InProcessHub } from '../../test-support/in-process-hub';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

describe.each(BACKPLANES)('slow consumer (%s backplane)', (kind) => {
  let setup: Awaited<ReturnType<typeof hubOn>>;
  let hub: InProcessHub;

  beforeAll(async () => {
    setup = await hubOn(kind, { HUB_MAX_BUFFERED_BYTES: String(256 * 1024) });
    hub = setup.hub;
  });
  afterAll(async () => setup?.stop());

  it('closes a client that stops reading with 4008 while the others keep receiving every event', async () => {
    const token = await hub.mintToken({ tenants: ['harbor-eats'] });
    const slow = await connectTestClient(hub.wsUrl, { token });
    const fast = await connectTestClient(hub.wsUrl, { token });
    try {
      for (const client of [slow, fast]) {
        client.send({ type: 'subscribe', tenant: 'harbor-eats' });
        await client.waitFor((f) => f.type === 'snapshot');
      }
      const lags: number[] = [];
      fast.ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { type: string; ts?: number };
        if (frame.type === 'event' && frame.ts) lags.push(Date.now() - frame.ts);
      });
      slow.pauseReading();
      const publish = await hub.mintToken({ tenants: ['harbor-eats'], scope: 'publish' });
      const filler = 'x'.repeat(8 * 1024);
      let last = 0;
      // ~24 MiB in total: far past the 256 KiB bound plus what loopback socket buffers absorb.
      for (let batch = 0; batch < 30; batch++) {
        const events = Array.from({ length: 100 }, (_, i) => ({
          type: 'x-load.blob',
          location: 'dubai-marina',
          data: { i, filler },
        }));
        const answer = await postJson(
          hub.url + ingestPath('harbor-eats'),
          { events },
          { Authorization: `Bearer ${publish}` },
        );
        expect(answer.status).toBe(200);
        last = (answer.body as { lastSeq: number }).lastSeq;
      }
      await fast.waitFor((f) => f.type === 'event' && f.seq === last, { timeoutMs: 30_000 });
      expect(fast.events('harbor-eats').length).toBe(3000);
      slow.resumeReading();
      const { code } = await slow.closed;
      expect(code).toBe(4008);
      expect(slow.events('harbor-eats').length).toBeLessThan(3000);
      const sorted = [...lags].sort((x, y) => x - y);
      console.log(
        `[${kind}] fast client lag while a slow client stalled: p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms over ${sorted.length} events; slow client got ${slow.events('harbor-eats').length} before 4008`,
      );
      expect(fast.ws.readyState).toBe(fast.ws.OPEN);
    } finally {
      await slow.close();
      await fast.close();
    }
  });
});
