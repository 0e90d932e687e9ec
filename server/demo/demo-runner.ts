import type { Logger } from 'pino';
import { ingestPath } from '../../protocol/http-api';
import type { TokenMinter } from '../auth/jwt';
import { DemoSimulator, type DemoEvent } from './demo-simulator';
import { DEMO_TENANTS } from './demo-tenants';

export interface DemoOptions {
  /** Hub base URL, e.g. http://127.0.0.1:8787. */
  hubUrl: string;
  /** Mints the simulator's own publish token for the demo tenants. */
  minter: TokenMinter;
  logger: Logger;
  /** Tick period, ms (default 1000). */
  intervalMs?: number;
}

const TOKEN_TTL_MS = 60 * 60_000;

/**
 * Runs the demo simulator against a hub through the public ingest API, with a
 * publish token for `cedar-group` and `harbor-eats` that it renews before expiry.
 * Failed posts are logged and the simulator keeps going.
 * @returns a function that stops it.
 */
export function startDemo(options: DemoOptions): () => void {
  const simulator = new DemoSimulator(DEMO_TENANTS);
  const tenants = DEMO_TENANTS.map((t) => t.id);
  let token: { token: string; exp: number } | null = null;
  let stopped = false;
  let busy = false;

  async function currentToken(): Promise<string> {
    if (!token || token.exp * 1000 - Date.now() < 5 * 60_000) {
      token = await options.minter.mint({
        sub: 'ops-hub-demo',
        tenants,
        scope: 'publish',
        ttlMs: TOKEN_TTL_MS,
      });
    }
    return token.token;
  }

  async function post(tenant: string, events: DemoEvent[]): Promise<void> {
    const response = await fetch(new URL(ingestPath(tenant), options.hubUrl), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${await currentToken()}`,
      },
      body: JSON.stringify({ events: events.map((e) => e.event) }),
    });
    if (!response.ok)
      options.logger.warn(
        { tenant, status: response.status, body: (await response.text()).slice(0, 300) },
        'demo ingest refused',
      );
    else await response.arrayBuffer();
  }

  const timer = setInterval(() => {
    if (stopped || busy) return;
    busy = true;
    const events = simulator.tick(Date.now());
    const byTenant = new Map<string, DemoEvent[]>();
    for (const e of events) byTenant.set(e.tenant, [...(byTenant.get(e.tenant) ?? []), e]);
    Promise.all([...byTenant].map(([tenant, list]) => post(tenant, list)))
      .catch((error: unknown) =>
        options.logger.warn({ err: error }, 'demo could not reach the hub; retrying next tick'),
      )
      .finally(() => {
        busy = false;
      });
  }, options.intervalMs ?? 1000);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
