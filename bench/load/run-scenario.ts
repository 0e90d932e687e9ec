/**
 * Runs one scenario end to end: Redis and hubs as real processes, generator and publisher
 * children, warm-up, measured slices, drain, and teardown of everything it started, also when
 * a step fails. Every wait is bounded.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startHubProcess, type HubProcess } from '../../test-support/hub-process';
import { startRedis, type RedisTestServer } from '../../test-support/redis-server';
import { monotonicUs } from './bench-event';
import { forkWorker, killWorkers, nextMessage } from './processes';
import { coresBetween, rssOf, sampleCpu } from './proc-stats';
import type { PublisherConfig, PublisherReport } from './publisher-worker';
import { BENCH_HUB_ENV, type Scenario } from './scenarios';
import type { ScenarioResult } from './scenario-result';
import type { ConnectReport, GeneratorResult, ParentMessage } from './worker-messages';
import { assemble } from './assemble-result';
import { generatorConfigs } from './generator-configs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CONNECT_TIMEOUT_MS = 30_000;

/** What a scenario needs from the ones before it. */
export interface RunContext {
  /** Deliveries/s scenario 2 sustained (scenario 4 offers twice that). */
  sustainedDeliveriesPerSec: number | null;
}

/** Scenario 6: the tenant only stalled clients subscribe to. */
const STALL_TENANT = 'bench-stall';

function tenantsOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(3, '0')}`);
}

async function slowConsumerCloses(hub: HubProcess): Promise<number | null> {
  try {
    const text = await (
      await fetch(`${hub.url}/metrics`, { signal: AbortSignal.timeout(5000) })
    ).text();
    const match = /^ops_hub_slow_consumer_closes_total (\d+)/m.exec(text);
    return match ? Number(match[1]) : null;
  } catch (error) {
    console.error(`bench: could not read ${hub.url}/metrics: ${(error as Error).message}`);
    return null;
  }
}

/** Per-tenant event rate of a scenario (scenario 4 derives it from scenario 2). */
export function eventRate(scenario: Scenario, context: RunContext): number {
  if (scenario.eventsPerSecondPerTenant !== null) return scenario.eventsPerSecondPerTenant;
  const sustained = context.sustainedDeliveriesPerSec ?? scenario.clients * 20;
  return Math.max(1, Math.round((2 * sustained) / scenario.clients));
}

export async function runScenario(
  scenario: Scenario,
  context: RunContext,
): Promise<ScenarioResult> {
  let redis: RedisTestServer | null = null;
  const hubs: HubProcess[] = [];
  const generators: ChildProcess[] = [];
  try {
    if (scenario.backplane === 'redis') redis = await startRedis();
    // One secret for every hub: a client's token must hold on the hub it fails over to.
    const jwtSecret = randomBytes(32).toString('base64url');
    for (let i = 0; i < scenario.hubs; i += 1)
      hubs.push(
        await startHubProcess({
          jwtSecret,
          ...(redis ? { redisUrl: redis.url } : {}),
          env: { ...BENCH_HUB_ENV, ...scenario.hubEnv },
          readyTimeoutMs: 60_000,
        }),
      );
    return await measure(scenario, context, redis, hubs, generators);
  } finally {
    killWorkers();
    await Promise.all(hubs.map((hub) => hub.stop()));
    await redis?.stop();
  }
}

async function measure(
  scenario: Scenario,
  context: RunContext,
  redis: RedisTestServer | null,
  hubs: HubProcess[],
  generators: ChildProcess[],
): Promise<ScenarioResult> {
  const [victim, survivor] = [hubs[0]!, hubs.at(-1)!];
  const tenants = tenantsOf(scenario.tenants);
  const stallTenant = scenario.stallTenantPadBytes > 0 ? STALL_TENANT : null;
  const allTenants = stallTenant ? [...tenants, stallTenant] : tenants;
  const rate = eventRate(scenario, context);
  const t0 = performance.now();
  const phase = (what: string) =>
    console.log(`   ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${what}`);
  phase(`${hubs.length} hub(s) ready${redis ? ' on Redis' : ''}; ${rate} ev/s per tenant`);
  await sleep(1_000);
  const idleRss = rssOf(victim.pid()!);
  const readToken = await victim.mintToken({
    tenants: allTenants,
    scope: 'read',
    ttl: '2h',
    sub: 'bench',
  });
  const publishToken = await survivor.mintToken({
    tenants: allTenants,
    scope: 'publish',
    ttl: '2h',
    sub: 'bench-pub',
  });

  // Connect: clients split across generator processes; pollers get their own.
  const configs = generatorConfigs(scenario, {
    hubUrls: hubs.map((hub) => hub.wsUrl),
    token: readToken,
    tenants,
    stallTenant,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
  // The publisher starts loading now, in parallel with the connects; it publishes only when told.
  const publisher: ChildProcess | null = rate > 0 ? forkWorker('publisher-worker') : null;
  for (const config of configs) {
    const child = forkWorker('generator-worker');
    generators.push(child);
    child.send({ type: 'start', config } satisfies ParentMessage);
  }
  const connectBudget = CONNECT_TIMEOUT_MS + (scenario.clients / 200) * 1000 + 30_000;
  const connects = await Promise.all(
    generators.map((child) =>
      nextMessage<{ type: 'connected'; report: ConnectReport }>(child, 'connected', connectBudget),
    ),
  );
  const wsConnects = connects.slice(0, scenario.pollers > 0 ? -1 : undefined).map((m) => m.report);
  const connected = wsConnects.reduce((sum, r) => sum + r.connected, 0);
  phase(`${connected} of ${scenario.clients} clients connected and subscribed`);
  await sleep(1_000);
  const connectedRss = rssOf(victim.pid()!);

  const broadcast = (message: ParentMessage) => {
    for (const child of generators) if (child.connected) child.send(message);
  };
  const pids = () => ({
    hub: hubs.map((hub) => hub.pid()).filter((pid): pid is number => pid !== null),
    redis: redis?.pid() ? [redis.pid()!] : [],
    generator: [...generators, ...(publisher ? [publisher] : [])]
      .map((c) => c.pid!)
      .filter(Boolean),
  });

  if (publisher) {
    const config: PublisherConfig = {
      hubUrl: survivor.url,
      token: publishToken,
      tenants,
      eventsPerSecondPerTenant: rate,
      tickMs: 20,
      maxInFlight: 8,
      padBytes: scenario.padBytes,
      heavyTenants: stallTenant ? { [stallTenant]: scenario.stallTenantPadBytes } : {},
      maxDurationMs: scenario.warmupMs + scenario.slices * scenario.sliceMs + 30_000,
    };
    const started = nextMessage(publisher, 'started', 30_000);
    publisher.send({ type: 'start', config });
    await started;
    await sleep(scenario.warmupMs);
  }

  // Measured window.
  let peakRss = connectedRss ?? 0;
  const rssTimer = setInterval(() => {
    const pid = victim.pid() ?? survivor.pid();
    const rss = pid ? rssOf(pid) : null;
    if (rss !== null) peakRss = Math.max(peakRss, rss);
  }, 500);
  const before = {
    hub: sampleCpu(pids().hub),
    redis: sampleCpu(pids().redis),
    generator: sampleCpu(pids().generator),
  };
  const started = performance.now();
  phase('measuring');
  let killTimer: NodeJS.Timeout | null = null;
  if (scenario.killHubAtMs !== null)
    killTimer = setTimeout(() => {
      broadcast({ type: 'killed', atUs: monotonicUs() });
      phase('SIGKILL the first hub');
      void victim.kill('SIGKILL');
    }, scenario.killHubAtMs);
  for (let slice = 0; slice < scenario.slices; slice += 1) {
    broadcast({ type: 'slice' });
    await sleep(scenario.sliceMs);
  }
  broadcast({ type: 'stop-measuring' });
  const measuredSeconds = (performance.now() - started) / 1000;
  const after = {
    hub: sampleCpu(pids().hub),
    redis: sampleCpu(pids().redis),
    generator: sampleCpu(pids().generator),
  };
  clearInterval(rssTimer);
  if (killTimer) clearTimeout(killTimer);

  let report: PublisherReport | null = null;
  if (publisher) {
    const stopped = nextMessage<{ type: 'report'; report: PublisherReport }>(
      publisher,
      'report',
      60_000,
    );
    publisher.send({ type: 'stop' });
    report = (await stopped).report;
  }
  const heads = report?.heads ?? {};
  if (report)
    phase(
      `publisher stopped: ${report.accepted} events accepted in ${report.requests} POSTs (${report.failedRequests} failed${Object.keys(report.failReasons).length ? `: ${JSON.stringify(report.failReasons)}` : ''}), ${report.unsent} unsent; draining`,
    );
  let drain: ScenarioResult['drain'] = null;
  if (publisher) {
    const drained = await Promise.all(
      generators.map((child) => {
        const reply = nextMessage<{ type: 'drained'; ms: number; complete: boolean }>(
          child,
          'drained',
          70_000,
        );
        child.send({ type: 'drain', heads, timeoutMs: 60_000 } satisfies ParentMessage);
        return reply;
      }),
    );
    drain = {
      ms: Math.max(...drained.map((d) => d.ms)),
      complete: drained.every((d) => d.complete),
    };
  }
  phase('finishing');
  const slowCloses = scenario.stallEvery > 0 ? await slowConsumerCloses(victim) : null;
  const results = await Promise.all(
    generators.map((child) => {
      const reply = nextMessage<{ type: 'result'; result: GeneratorResult }>(
        child,
        'result',
        60_000,
      );
      child.send({
        type: 'finish',
        closeWaitMs: scenario.stallEvery > 0 ? scenario.stallCloseWaitMs : 0,
        heads,
      } satisfies ParentMessage);
      return reply;
    }),
  );
  return assemble({
    scenario,
    rate,
    wsConnects,
    connected,
    idleRss,
    connectedRss,
    peakRss,
    results: results.map((m) => m.result),
    cpu: {
      hub: coresBetween(before.hub, after.hub),
      redis: redis ? coresBetween(before.redis, after.redis) : null,
      generator: coresBetween(before.generator, after.generator),
    },
    measuredSeconds,
    drain,
    report,
    slowCloses,
  });
}
