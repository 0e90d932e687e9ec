import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import { ingestPath } from '../../protocol/http-api';
import type { TokenMinter } from '../auth/jwt';
import type { EventInput } from '../../protocol/events';
import { DemoProducer, type PostOutcome } from './demo-producer';
import { createDemoGenerator } from './generator/demo-generator';

export interface DemoOptions {
  /** Hub base URL, e.g. http://127.0.0.1:8787. */
  hubUrl: string;
  /** Mints the simulator's own publish token for the demo tenants. */
  minter: TokenMinter;
  logger: Logger;
  /** Tick period, ms (default 1000). */
  intervalMs?: number;
  /**
   * Seed of the generator; random by default. A restarted demo must not repeat
   * the order ids of the last run, or the hub would drop them as duplicates.
   */
  seed?: number;
}

const TOKEN_TTL_MS = 60 * 60_000;

/**
 * Runs the demo generator (generator/demo-generator.ts) against a hub through the public ingest API, with a
 * publish token for `cedar-group` and `harbor-eats` that it renews before expiry.
 * Delivery goes through `DemoProducer`: failed posts are retried with the same
 * event ids (the hub deduplicates), so a paused or restarted hub loses nothing.
 * @returns a function that stops it.
 */
export function startDemo(options: DemoOptions): () => void {
  const generator = createDemoGenerator({ seed: options.seed ?? randomInt(2 ** 32) });
  const tenants = generator.tenants.map((t) => t.id);
  const intervalMs = options.intervalMs ?? 1000;
  let token: { token: string; exp: number } | null = null;
  let stopped = false;

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

  async function post(tenant: string, events: EventInput[]): Promise<PostOutcome> {
    const response = await fetch(new URL(ingestPath(tenant), options.hubUrl), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${await currentToken()}`,
      },
      body: JSON.stringify({ events }),
      // A frozen hub never answers; give up on the attempt and retry it.
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) {
      await response.arrayBuffer();
      return { ok: true };
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      message: (await response.text()).slice(0, 300),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }

  const producer = new DemoProducer({ post, log: options.logger });
  const timer = setInterval(() => {
    if (stopped) return;
    const byTenant = new Map<string, EventInput[]>();
    for (const e of generator.tick(Date.now(), { stepMs: intervalMs }))
      byTenant.set(e.tenant, [...(byTenant.get(e.tenant) ?? []), e.event]);
    for (const [tenant, list] of byTenant) producer.enqueue(tenant, list);
  }, intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
    producer.stop();
  };
}
