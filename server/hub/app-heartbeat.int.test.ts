import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBPROTOCOL_V1, SUBPROTOCOL_V1_BATCH, SUBPROTOCOL_V1_HEARTBEAT } from '../../protocol/ids';
import type { HubMessage } from '../../protocol/messages';
import { connectTestClient } from '../../test-support/ws-test-client';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

const APP_HEARTBEAT_MS = 400;
/** How late a timer may fire on a loaded 2-core box before the test calls it wrong. */
const TIMER_SLACK_MS = 300;

function heartbeats(frames: HubMessage[]): Array<Extract<HubMessage, { type: 'heartbeat' }>> {
  return frames.filter(
    (frame): frame is Extract<HubMessage, { type: 'heartbeat' }> => frame.type === 'heartbeat',
  );
}

describe('application heartbeat', () => {
  let hub: InProcessHub;

  beforeAll(async () => {
    hub = await startInProcessHub({
      backplane: 'memory',
      env: { HUB_APP_HEARTBEAT_MS: String(APP_HEARTBEAT_MS) },
    });
  });
  afterAll(async () => hub?.close());

  it('sends an idle connection that negotiated heartbeats one frame per advertised interval, a busy one none, an older client none', async () => {
    const token = await hub.mintToken({ tenants: ['cedar-group'] });
    const idle = await connectTestClient(hub.wsUrl, {
      token,
      protocols: [SUBPROTOCOL_V1_HEARTBEAT, SUBPROTOCOL_V1_BATCH, SUBPROTOCOL_V1],
    });
    const busy = await connectTestClient(hub.wsUrl, {
      token,
      protocols: [SUBPROTOCOL_V1_HEARTBEAT],
    });
    const older = await connectTestClient(hub.wsUrl, {
      token,
      protocols: [SUBPROTOCOL_V1_BATCH, SUBPROTOCOL_V1],
    });
    try {
      expect(idle.ws.protocol).toBe(SUBPROTOCOL_V1_HEARTBEAT);
      expect(older.ws.protocol).toBe(SUBPROTOCOL_V1_BATCH);
      const welcome = await idle.waitFor((f) => f.type === 'welcome');
      expect(welcome).toMatchObject({ appHeartbeatMs: APP_HEARTBEAT_MS, heartbeatMs: 30_000 });
      const olderWelcome = await older.waitFor((f) => f.type === 'welcome');
      expect(olderWelcome).not.toHaveProperty('appHeartbeatMs');

      // The busy client hears a pong every 100 ms, so the hub never has a quiet interval to fill.
      let n = 0;
      const pinger = setInterval(() => busy.send({ type: 'ping', id: `b${++n}` }), 100);
      await new Promise((resolve) => setTimeout(resolve, 2400));
      clearInterval(pinger);

      const beats = heartbeats(idle.frames);
      expect(beats.length).toBeGreaterThanOrEqual(3);
      expect(idle.invalid).toEqual([]);
      const times = [
        (welcome as Extract<HubMessage, { type: 'welcome' }>).serverTime,
        ...beats.map((b) => b.serverTime),
      ];
      for (let i = 1; i < times.length; i += 1) {
        const gap = (times[i] as number) - (times[i - 1] as number);
        expect(gap).toBeGreaterThanOrEqual(APP_HEARTBEAT_MS);
        expect(gap).toBeLessThanOrEqual(APP_HEARTBEAT_MS * 1.25 + TIMER_SLACK_MS);
      }
      expect(busy.frames.filter((f) => f.type === 'pong').length).toBeGreaterThan(10);
      expect(heartbeats(busy.frames)).toEqual([]);
      expect(heartbeats(older.frames)).toEqual([]);
      expect(older.invalid).toEqual([]);
    } finally {
      await idle.close();
      await busy.close();
      await older.close();
    }
  });
});
