import { expect } from 'vitest';
import type { BoardState } from '../protocol/board';
import { ingestPath } from '../protocol/http-api';
import type { HubUnderTest } from './ack-audit';
import { connectTestClient, postJson } from './ws-test-client';

/**
 * What the board-totals tests do to a real hub: place numbered orders through the HTTP
 * ingest, and read the board a fresh subscriber would get.
 */

/** `count` order ids `prefix-0` … `prefix-(count-1)`. */
export const orderIds = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

/** A one-item order.placed of 500 minor units, so totals are easy to predict. */
export function placedOrder(orderId: string) {
  return {
    type: 'order.placed',
    location: 'downtown',
    data: {
      orderId,
      channel: 'dine_in',
      items: [{ sku: 'hummus', name: 'Hummus', qty: 1, unitPrice: 500 }],
      total: 500,
      currency: 'USD',
    },
  };
}

/** Places one order per id in one ingest request and expects every one accepted. */
export async function placeOrders(
  hub: HubUnderTest,
  tenant: string,
  orders: string[],
): Promise<void> {
  const token = await hub.mintToken({ tenants: [tenant], scope: 'publish' });
  const answer = await postJson(
    hub.url + ingestPath(tenant),
    { events: orders.map(placedOrder) },
    { Authorization: `Bearer ${token}` },
  );
  expect(answer).toMatchObject({ status: 200, body: { accepted: orders.length } });
}

/** The board in the snapshot a new subscriber to `tenant` receives. */
export async function freshSnapshot(hub: HubUnderTest, tenant: string): Promise<BoardState> {
  const client = await connectTestClient(hub.wsUrl, {
    token: await hub.mintToken({ tenants: [tenant] }),
  });
  try {
    await client.waitFor((f) => f.type === 'welcome');
    client.send({ type: 'subscribe', tenant });
    const snapshot = await client.waitFor((f) => f.type === 'snapshot');
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');
    return snapshot.state as unknown as BoardState;
  } finally {
    await client.close();
  }
}
