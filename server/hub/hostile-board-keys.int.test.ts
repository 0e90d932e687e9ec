import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import type { BoardState } from '../../protocol/board';
import { dayTotals } from '../../protocol/board';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { connectTestClient, postJson } from '../../test-support/ws-test-client';
import type { BackplaneKind } from '../../test-support/in-process-hub';

/**
 * Issue 8 item 3: an event whose location (or any id the board keys by) is named like an
 * Object.prototype member made the reducer throw, and since the channel replays it on open,
 * every subscribe to that tenant answered `internal`. It must be an ordinary name.
 */
const TENANT = 'cedar-group';
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe.each<BackplaneKind>(['memory', 'redis'])(
  'events with prototype-named ids (%s backplane, real hub process)',
  (kind) => {
    let redis: RedisTestServer | undefined;
    let hub: HubProcess;

    beforeAll(async () => {
      if (kind === 'redis') redis = await startRedis();
      hub = await startHubProcess({ redisUrl: redis?.url });
    });
    afterAll(async () => {
      await hub?.stop();
      await redis?.stop();
    });

    it('still answer every subscribe with a snapshot that counts them under their own names', async () => {
      const publish = await hub.mintToken({ tenants: [TENANT], scope: 'publish' });
      const events = HOSTILE.flatMap((name) => [
        {
          type: 'order.placed',
          location: name,
          data: {
            orderId: name,
            channel: 'dine_in',
            items: [{ sku: name, name: 'Hummus', qty: 1, unitPrice: 500 }],
            total: 500,
            currency: 'USD',
          },
        },
        { type: 'table.seated', location: name, data: { tableId: name, covers: 2 } },
        {
          type: 'inventory.level',
          location: name,
          data: { sku: name, name, qty: 1, threshold: 2 },
        },
        { type: 'queue.length', location: name, data: { queue: 'waitlist', length: 3 } },
      ]);
      const answer = await postJson(
        hub.url + ingestPath(TENANT),
        { events },
        { Authorization: `Bearer ${publish}` },
      );
      expect(answer).toMatchObject({ status: 200, body: { accepted: events.length } });

      // Twice: the first subscribe opens the channel (replaying the events), the second reuses it.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const client = await connectTestClient(hub.wsUrl, {
          token: await hub.mintToken({ tenants: [TENANT] }),
        });
        try {
          await client.waitFor((f) => f.type === 'welcome');
          client.send({ type: 'subscribe', tenant: TENANT });
          const reply = await client.waitFor((f) => f.type === 'snapshot' || f.type === 'error');
          expect(reply.type).toBe('snapshot');
          if (reply.type !== 'snapshot') throw new Error('unreachable');
          const board = reply.state as unknown as BoardState;
          expect(board.totals.orders).toBe(HOSTILE.length);
          for (const name of HOSTILE) expect(dayTotals(board, name).orders).toBe(1);
        } finally {
          await client.close();
        }
      }
    });
  },
);
