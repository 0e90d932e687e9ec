import {
  TOKEN_PATH,
  tokenResponseSchema,
  type EventMessage,
  type SnapshotMessage,
} from '../../protocol';
import { connectTestClient, type TestClient } from '../../test-support/ws-test-client';
import type { ConsoleHarness } from './console-harness';

/**
 * The hub's own record of a tenant, to hold what the pages show against: the log is the
 * audit trail of operator actions (issue 13), so "who did it" and "nothing was appended"
 * are checked on the events the hub sequenced, not only on the screen.
 */
export interface TenantLogWatch {
  /** The tenant's seq when the watch started (its snapshot's seq). */
  readonly startSeq: number;
  /** Every event the hub delivered after the snapshot, in seq order. */
  events(): EventMessage[];
  /** The first delivered event matching `predicate` (already seen or future). @throws after `timeoutMs`. */
  waitForEvent(
    predicate: (frame: EventMessage) => boolean,
    timeoutMs?: number,
  ): Promise<EventMessage>;
  close(): Promise<void>;
}

/** Subscribes a separate `read` client to `tenant` and records what the hub sequences from now on. */
export async function watchTenantLog(
  harness: ConsoleHarness,
  tenant: string,
): Promise<TenantLogWatch> {
  const token = await harness.hub.mintToken({ tenants: [tenant], sub: 'e2e-auditor' });
  const client = await connectTestClient(harness.hub.wsUrl, { token });
  try {
    client.send({ type: 'subscribe', tenant });
    const snapshot = await client.waitFor<SnapshotMessage>(
      (frame) => frame.type === 'snapshot' && frame.tenant === tenant,
      { timeoutMs: 10_000 },
    );
    const events = () => client.events(tenant).filter((frame) => frame.seq > snapshot.seq);
    return {
      startSeq: snapshot.seq,
      events,
      async waitForEvent(predicate, timeoutMs = 10_000) {
        await client.waitFor(
          (frame) =>
            (frame.type === 'event' && frame.tenant === tenant && predicate(frame)) ||
            (frame.type === 'events' &&
              frame.frames.some((inner) => inner.tenant === tenant && predicate(inner))),
          { timeoutMs },
        );
        const found = events().find(predicate);
        if (!found) throw new Error(`the matching event of ${tenant} came before the snapshot`);
        return found;
      },
      close: () => client.close(),
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}

/** The tenant's current seq, from the snapshot a fresh subscriber gets. */
export async function hubSeqNow(harness: ConsoleHarness, tenant: string): Promise<number> {
  const watch = await watchTenantLog(harness, tenant);
  await watch.close();
  return watch.startSeq;
}

/** The access token the hub gives `user` for its password, as the console's sign-in gets it. */
export async function passwordToken(
  harness: ConsoleHarness,
  user: { username: string; password: string },
): Promise<{ token: string; scope: string }> {
  const response = await fetch(harness.hub.url + TOKEN_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (!response.ok)
    throw new Error(
      `sign-in of ${user.username} answered ${response.status}: ${await response.text()}`,
    );
  const body = tokenResponseSchema.parse(await response.json());
  return { token: body.access_token, scope: body.scope };
}

/** Opens a raw `ops.v1` WebSocket to the hub with `token`, as any program holding it could. */
export function rawHubSocket(harness: ConsoleHarness, token: string): Promise<TestClient> {
  return connectTestClient(harness.hub.wsUrl, { token });
}
