import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyHistogram, record } from './latency-histogram';
import { markdownTable, machineInfo, writeResults } from './report';
import { assemble } from './assemble-result';
import { scenarios } from './scenarios';
import { emptySeqCounts } from './seq-checker';
import { emptyFrameCounts } from './client-frames';
import type { GeneratorResult } from './worker-messages';

function generatorResult(
  latenciesMs: number[],
  extra: Partial<GeneratorResult> = {},
): GeneratorResult {
  const slice = emptyHistogram();
  for (const ms of latenciesMs) record(slice, ms * 1000);
  return {
    connected: 0,
    failed: 0,
    failReasons: {},
    connectMs: [],
    slices: [slice],
    seq: { ...emptySeqCounts(), delivered: latenciesMs.length },
    frames: { ...emptyFrameCounts(), frames: 4, batchFrames: 2, batchedEvents: 6 },
    closeCodes: { '1006': 1 },
    reconnects: 0,
    recoveryMs: [],
    liveAtEnd: 2,
    stalled: 0,
    stalledClosedWith4008: 0,
    poll: null,
    ...extra,
  };
}

function scenarioTwoResult() {
  const scenario = { ...scenarios(true).find((s) => s.id === 2)!, clients: 500 };
  return assemble({
    scenario,
    rate: 50,
    wsConnects: [
      { connected: 2, failed: 1, failReasons: { 'HTTP 429': 1 }, connectMs: [10, 30] },
      { connected: 2, failed: 0, failReasons: {}, connectMs: [20, 40] },
    ],
    connected: 4,
    idleRss: 50 * 1024 * 1024,
    connectedRss: 50 * 1024 * 1024 + 4 * 20 * 1024,
    peakRss: 60 * 1024 * 1024,
    results: [
      generatorResult([1, 2, 3], { seq: { ...emptySeqCounts(), lost: 2 } }),
      generatorResult([4, 5]),
    ],
    cpu: { hub: 0.456, redis: 0.05, generator: 1.2 },
    measuredSeconds: 5,
    drain: { ms: 1500, complete: true },
    report: {
      requests: 10,
      failedRequests: 0,
      failReasons: {},
      accepted: 100,
      unsent: 0,
      heads: {},
      seconds: 5,
    },
    slowCloses: null,
  });
}

describe('bench report', () => {
  it('folds per-process reports into one scenario: connects, RSS per connection, latency, batches', () => {
    const result = scenarioTwoResult();
    expect(result).toMatchObject({
      connected: 4,
      failed: 496,
      failReasons: { 'HTTP 429': 1 },
      connectP50Ms: 20,
      connectP99Ms: 40,
      hubIdleRssMiB: 50,
      rssPerConnectionKB: 20,
      deliveriesPerSec: 1,
      batchFrames: 4,
      meanBatchSize: 3,
      closeCodes: { '1006': 2 },
    });
    expect(result.latency.count).toBe(5);
    expect(result.latency.maxMs).toBe(5);
    expect(result.seq.lost).toBe(2);
    expect(result.recovery).toBeNull();
  });

  it('prints a markdown table with one row per scenario and every reported figure', () => {
    const table = markdownTable([scenarioTwoResult()]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\| # \| scenario .*\| notes \|$/);
    expect(lines[1]).toBe(`|${'---|'.repeat(11)}`);
    const cells = lines[2]!.split(' | ');
    expect(cells).toHaveLength(11);
    expect(lines[2]).toContain('| 4 / 496 |');
    expect(lines[2]).toContain('| 20.0 / 40.0 |');
    expect(lines[2]).toContain('| 1 (25,000) |');
    expect(lines[2]).toContain('| 2 / 0 / 0 |');
    expect(lines[2]).toContain('| 0.46 / 0.05 / 1.20 |');
    expect(lines[2]).toContain('4 batch frames, mean 3.0 events');
    expect(lines[2]).toContain('drained 1.5 s after the run');
  });

  it('escapes pipes in notes so a failure reason cannot break the table', () => {
    const result = { ...scenarioTwoResult(), failReasons: { 'a|b': 1 } };
    const row = markdownTable([result]).split('\n')[2]!;
    expect(row).toContain('1× a\\|b');
  });

  it('writes the JSON with the machine next to the results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    try {
      const machine = machineInfo('0.5 0.4 0.3 1/100 42', 20000);
      const path = writeResults(
        dir,
        'quick',
        machine,
        [scenarioTwoResult()],
        new Date('2026-01-02T03:04:05.678Z'),
      );
      expect(path).toBe(join(dir, '2026-01-02T03-04-05-quick.json'));
      const saved = JSON.parse(readFileSync(path, 'utf8')) as {
        machine: typeof machine;
        results: unknown[];
      };
      expect(saved.machine).toMatchObject({ node: process.version, fdLimit: 20000 });
      expect(saved.machine.cores).toBeGreaterThan(0);
      expect(saved.machine.memoryGiB).toBeGreaterThan(0);
      expect(saved.results).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
