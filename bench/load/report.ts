/**
 * The bench's output: one markdown table row per scenario (what the README and
 * docs/performance.md show) and the JSON file with every figure and the machine.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { MachineInfo, ScenarioResult } from './scenario-result';

const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const whole = (value: number) => Math.round(value).toLocaleString('en-US');

/** @internal "p50 / p99 / p99.9 / max" in ms. */
export function latencyCell(result: ScenarioResult): string {
  const { p50Ms, p99Ms, p999Ms, maxMs } = result.latency;
  if (result.latency.count === 0) return '–';
  return `${fixed(p50Ms)} / ${fixed(p99Ms)} / ${fixed(p999Ms)} / ${fixed(maxMs)}`;
}

/** @internal The scenario-specific remarks column. */
export function notesCell(result: ScenarioResult): string {
  const notes: string[] = [];
  if (result.error) notes.push(`error: ${result.error}`);
  const reasons = Object.entries(result.failReasons);
  if (reasons.length) notes.push(`failed: ${reasons.map(([r, n]) => `${n}× ${r}`).join(', ')}`);
  if (result.batchFrames > 0)
    notes.push(
      `${whole(result.batchFrames)} batch frames, mean ${fixed(result.meanBatchSize)} events`,
    );
  if (result.sliceP99Ms.length > 1)
    notes.push(`p99 per slice ${result.sliceP99Ms.map((p) => fixed(p)).join(' → ')} ms`);
  if (result.drain && !result.drain.complete)
    notes.push(`drain incomplete after ${fixed(result.drain.ms / 1000)} s`);
  else if (result.drain && result.drain.ms > 1000)
    notes.push(`drained ${fixed(result.drain.ms / 1000)} s after the run`);
  if (result.publisher && (result.publisher.unsent > 0 || result.publisher.failedRequests > 0))
    notes.push(
      `publisher: ${whole(result.publisher.unsent)} unsent, ${result.publisher.failedRequests} failed POSTs`,
    );
  if (result.recovery) {
    const r = result.recovery;
    notes.push(
      `recovery p50/p99/max ${fixed((r.p50Ms ?? NaN) / 1000)}/${fixed((r.p99Ms ?? NaN) / 1000)}/${fixed((r.maxMs ?? NaN) / 1000)} s for ${whole(r.clients)} clients, ${whole(r.liveAtEnd)} live at end`,
    );
  }
  if (result.stalled)
    notes.push(
      `${result.stalled.clients} stalled: ${result.stalled.closedWith4008} saw 4008 (hub counted ${result.stalled.hubSlowConsumerCloses ?? '?'}); peak hub RSS ${fixed(result.hubPeakRssMiB)} MiB`,
    );
  if (result.poll)
    notes.push(
      `polls ${fixed(result.poll.requestsPerSec)}/s, staleness p50/p99 ${fixed(result.poll.staleness.p50Ms)}/${fixed(result.poll.staleness.p99Ms)} ms (+ up to 1 s between polls), ${result.poll.failed} failed`,
    );
  return notes.join('; ');
}

/** The markdown table of a run, one row per scenario. */
export function markdownTable(results: readonly ScenarioResult[]): string {
  const header =
    '| # | scenario | connected / failed | connect p50 / p99 ms | hub idle RSS MiB | RSS / conn KB | deliveries/s (offered) | latency p50 / p99 / p99.9 / max ms | lost / dup / out of order | CPU cores hub / redis / generator | notes |';
  const rule = `|${'---|'.repeat(11)}`;
  const rows = results.map((r) =>
    [
      r.id,
      r.name,
      `${whole(r.connected)} / ${whole(r.failed)}`,
      `${fixed(r.connectP50Ms)} / ${fixed(r.connectP99Ms)}`,
      fixed(r.hubIdleRssMiB),
      fixed(r.rssPerConnectionKB),
      r.offeredDeliveriesPerSec > 0
        ? `${whole(r.deliveriesPerSec)} (${whole(r.offeredDeliveriesPerSec)})`
        : '–',
      latencyCell(r),
      `${whole(r.seq.lost)} / ${whole(r.seq.duplicated)} / ${whole(r.seq.outOfOrder)}`,
      `${fixed(r.cpuCores.hub, 2)} / ${fixed(r.cpuCores.redis, 2)} / ${fixed(r.cpuCores.generator, 2)}`,
      notesCell(r).replaceAll('|', '\\|'),
    ].join(' | '),
  );
  return [header, rule, ...rows.map((row) => `| ${row} |`)].join('\n');
}

/** Cores, memory, Node version; `loadAfter` is filled in at the end of the run. */
export function machineInfo(loadBefore: string, fdLimit: number): MachineInfo {
  const cpuList = cpus();
  return {
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadBefore,
    loadAfter: '',
    fdLimit,
  };
}

/** The load average line of /proc/loadavg ("1.52 1.30 0.97 …"). */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').trim();
}

/** Writes `bench/results/<stamp>-<mode>.json` and returns its path. */
export function writeResults(
  dir: string,
  mode: 'quick' | 'full',
  machine: MachineInfo,
  results: readonly ScenarioResult[],
  at: Date = new Date(),
): string {
  mkdirSync(dir, { recursive: true });
  const path = join(
    dir,
    `${at.toISOString().replaceAll(':', '-').replace(/\..*/, '')}-${mode}.json`,
  );
  writeFileSync(
    path,
    `${JSON.stringify({ mode, at: at.toISOString(), machine, results }, null, 2)}\n`,
  );
  return path;
}
