import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient } from '../../test-support/ws-test-client';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

describe('heartbeat', () => {
  let hub: InProcessHub;

  beforeAll(async () => {
    hub = await startInProcessHub({ backplane: 'memory', env: { HUB_HEARTBEAT_MS: '200' } });
  });
  afterAll(async () => hub?.close());

  it('terminates a connection that stays silent past twice the heartbeat and keeps one that answers pings', async () => {
    const token = await hub.mintToken({ tenants: ['cedar-group'] });
    const silent = await connectTestClient(hub.wsUrl, { token });
    const lively = await connectTestClient(hub.wsUrl, { token });
    try {
      const welcome = await lively.waitFor((f) => f.type === 'welcome');
      expect(welcome).toMatchObject({ heartbeatMs: 200 });
      // A paused socket answers no protocol pings, like a peer that vanished.
      silent.pauseReading();
      await new Promise((r) => setTimeout(r, 1200));
      silent.resumeReading();
      const { code } = await silent.closed;
      expect(code).toBe(1006);
      lively.send({ type: 'ping', id: 'still-here' });
      await lively.waitFor((f) => f.type === 'pong' && f.id === 'still-here');
      expect(hub.hub.connectionCount()).toBe(1);
    } finally {
      await silent.close();
      await lively.close();
    }
  });
});
