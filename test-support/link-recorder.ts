import WebSocket from 'ws';
import { LinkClient, type LinkClientOptions } from '../protocol/link/link-client';
import type { LinkEventMap } from '../protocol/link/link-events';
import type { SocketConstructor } from '../protocol/link/socket-port';
import type { SubscriptionFilter } from '../protocol/messages';
import { requestToken } from '../electron/core/hub-client-http';
import { wsUrlOf } from '../electron/core/hub-url';
import { startHubProcess, type HubProcess, type HubProcessOptions } from './hub-process';

/**
 * A real link (ws + the token endpoint) to a real hub, recording everything it
 * emits, for scenario tests. Not a mock: only the recording is added.
 */
export function recordLink(options: {
  hubUrl: string;
  username: string;
  password: string;
  tenant: string;
  filter?: SubscriptionFilter;
  link?: Partial<LinkClientOptions>;
}) {
  const seen: { [K in keyof LinkEventMap]: Array<LinkEventMap[K] & { at: number }> } = {
    state: [],
    snapshot: [],
    resumed: [],
    event: [],
    resync: [],
    token: [],
    error: [],
  };
  let tokenRequests = 0;
  const link = new LinkClient({
    url: wsUrlOf(options.hubUrl),
    WebSocket: WebSocket as unknown as SocketConstructor,
    getToken: async () => {
      tokenRequests += 1;
      return requestToken(options.hubUrl, {
        username: options.username,
        password: options.password,
      });
    },
    ...options.link,
  });
  for (const name of Object.keys(seen) as Array<keyof LinkEventMap>) {
    link.on(name, (payload) => (seen[name] as unknown[]).push({ ...payload, at: Date.now() }));
  }
  link.subscribe(options.tenant, options.filter ? { filter: options.filter } : {});
  return {
    link,
    seen,
    tokenRequests: () => tokenRequests,
    states: () => seen.state.map((t) => t.to),
    lastSeq: () => seen.event.at(-1)?.seq ?? seen.snapshot.at(-1)?.seq ?? 0,
    /**
     * Checks that the client's view is gap-free: after each snapshot, events
     * continue from its seq by exactly one. Returns the problems found.
     */
    gaps(): string[] {
      const problems: string[] = [];
      const marks = [
        ...seen.snapshot.map((s) => ({ at: s.at, seq: s.seq, kind: 'snapshot' })),
        ...seen.event.map((e) => ({ at: e.at, seq: e.seq, kind: 'event' })),
      ];
      let expected: number | undefined;
      // Events and snapshots were recorded in arrival order within each list; merge by recording order.
      const order = [...marks].sort((a, b) => a.at - b.at);
      for (const mark of order) {
        if (mark.kind === 'snapshot') expected = mark.seq + 1;
        else if (expected !== undefined && mark.seq !== expected)
          problems.push(`expected seq ${expected}, got ${mark.seq}`);
        else expected = mark.seq + 1;
      }
      return problems;
    },
  };
}

/** Polls `check` every 25 ms until it is true. @throws with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Publishes alert events to a tenant through the ingest API, one every
 * `everyMs`, until stopped. Failures (hub down) are counted, not thrown.
 */
export function startPublisher(hubUrl: string, tenant: string, token: string, everyMs = 50) {
  let published = 0;
  let failed = 0;
  let lastError = '';
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const response = await fetch(`${hubUrl}/v1/tenants/${tenant}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            type: 'alert',
            location: 'hq',
            data: { severity: 'info', message: `tick ${published}` },
          }),
          signal: AbortSignal.timeout(2000),
        });
        await response.arrayBuffer();
        if (response.ok) published += 1;
        else {
          failed += 1;
          lastError = `HTTP ${response.status}`;
        }
      } catch (error) {
        failed += 1;
        lastError = error instanceof Error ? error.message : String(error);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    published: () => published,
    failed: () => failed,
    lastError: () => lastError,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** The reader every link scenario signs in as, and the tenant it watches. */
export const SCENARIO_READER = {
  username: 'ops',
  password: 'correct horse battery',
  tenant: 'cedar-group',
} as const;

/** A real hub child process with the scenario reader added through the real CLI. */
export async function startScenarioHub(options: HubProcessOptions = {}): Promise<HubProcess> {
  const hub = await startHubProcess(options);
  await hub.addUser(SCENARIO_READER.username, SCENARIO_READER.password, {
    tenants: [SCENARIO_READER.tenant],
    scope: 'read',
  });
  return hub;
}

/** Publishes to the scenario tenant straight to `hub` (never through a test proxy), one event per `everyMs`. */
export async function publishToScenarioTenant(hub: HubProcess, everyMs?: number) {
  const token = await hub.mintToken({
    tenants: [SCENARIO_READER.tenant],
    scope: 'publish',
    ttl: '1h',
  });
  return startPublisher(hub.url, SCENARIO_READER.tenant, token, everyMs);
}

type RecordedLink = ReturnType<typeof recordLink>;
type ScenarioPublisher = ReturnType<typeof startPublisher>;

/**
 * The run the link scenarios share: a recorded link as SCENARIO_READER to `hubUrl` (default: the
 * hub itself) while a publisher posts to the scenario tenant straight to `hub`, one event per
 * `everyMs`. Starts the link, runs `during`, then stops the publisher and the link however
 * `during` ended, and returns both for the assertions after the run.
 */
export async function runRecordedLink(
  hub: HubProcess,
  options: { everyMs: number; hubUrl?: string; link?: Partial<LinkClientOptions> },
  during: (rec: RecordedLink, publisher: ScenarioPublisher) => Promise<void>,
): Promise<{ rec: RecordedLink; publisher: ScenarioPublisher }> {
  const rec = recordLink({
    hubUrl: options.hubUrl ?? hub.url,
    ...SCENARIO_READER,
    link: options.link,
  });
  const publisher = await publishToScenarioTenant(hub, options.everyMs);
  try {
    rec.link.start();
    await during(rec, publisher);
  } finally {
    await publisher.stop();
    rec.link.stop();
  }
  return { rec, publisher };
}
