import type { BoardState, SnapshotMessage } from '../../protocol';
import { connectTestClient } from '../../test-support/ws-test-client';
import { CEDAR, type ConsoleHarness } from './console-harness';

/** What the hub itself reports, to hold the page's view against. */

/** Orders today at `location` in a fresh snapshot the hub sends to a new subscriber. */
export async function hubProbeOrders(harness: ConsoleHarness, location: string): Promise<number> {
  const token = await harness.hub.mintToken({ tenants: [CEDAR], sub: 'e2e-checker' });
  const client = await connectTestClient(harness.hub.wsUrl, { token });
  try {
    client.send({ type: 'subscribe', tenant: CEDAR });
    const snapshot = await client.waitFor<SnapshotMessage>(
      (frame) => frame.type === 'snapshot' && frame.tenant === CEDAR,
      { timeoutMs: 10_000 },
    );
    const state = snapshot.state as unknown as BoardState;
    let orders = state.locations[location]?.day.orders ?? 0;
    // Events after the snapshot, up to now, complete the picture.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const frame of client.events(CEDAR))
      if (
        frame.seq > snapshot.seq &&
        frame.event.type === 'order.placed' &&
        frame.event.location === location
      )
        orders += 1;
    return orders;
  } finally {
    await client.close();
  }
}

/** `ops_hub_open_connections` from the hub's /metrics. */
export async function openConnections(harness: ConsoleHarness): Promise<number> {
  const text = await (await fetch(`${harness.hub.url}/metrics`)).text();
  const match = /^ops_hub_open_connections(?:\{[^}]*\})? (\d+)/m.exec(text);
  if (!match) throw new Error('ops_hub_open_connections is missing from /metrics');
  return Number(match[1]);
}
