/**
 * `npm run bench` (full, about 6 minutes on 2 cores) or `npm run bench -- --quick` (≤ 3 min):
 * issue 7's load scenarios against real hub and redis-server processes on this machine.
 * Prints a markdown table and writes JSON to bench/results/ (git-ignored).
 * `--only 2,3` runs a subset. Figures only; it never fails on a timing, only when it cannot run.
 */
import { join } from 'node:path';
import { buildWorkers, ensureCompiledHub, raiseFdLimit } from './load/processes';
import { loadAverage, machineInfo, markdownTable, writeResults } from './load/report';
import { runScenario, type RunContext } from './load/run-scenario';
import type { MachineInfo, ScenarioResult } from './load/scenario-result';
import { scenarios } from './load/scenarios';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',').map(Number)) : null;
const unknown = args.filter(
  (arg, i) => arg !== '--quick' && arg !== '--only' && i !== onlyIndex + 1,
);
if (unknown.length || (only && [...only].some((n) => !Number.isInteger(n)))) {
  console.error('usage: npm run bench [-- --quick] [--only 1,2,…]');
  process.exit(2);
}
/** Hard stop for the whole run, whatever happens. */
const BUDGET_MS = quick ? 175_000 : 1_500_000;
const results: ScenarioResult[] = [];
let machine: MachineInfo | null = null;

/** Prints the table and writes the JSON of what was measured; `npm run bench` always ends here. */
function report(note: string): void {
  if (!machine) return;
  machine.loadAfter = loadAverage();
  console.log(`\n${markdownTable(results)}\n`);
  const path = writeResults(
    join(import.meta.dirname, 'results'),
    quick ? 'quick' : 'full',
    machine,
    results,
  );
  console.log(`bench: ${note}; load after ${machine.loadAfter}; JSON: ${path}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    // exit (not the default signal death) runs the hooks that kill every hub, redis and worker.
    report(`interrupted by ${signal} with ${results.length} scenarios done`);
    process.exit(130);
  });
setTimeout(() => {
  report(`stopped after the ${BUDGET_MS / 1000} s budget with ${results.length} scenarios done`);
  process.exit(3);
}, BUDGET_MS).unref();

const fd = raiseFdLimit();
if (fd.note) console.error(`bench: ${fd.note}; fd limit now ${fd.limit}`);
ensureCompiledHub();
await buildWorkers();
machine = machineInfo(loadAverage(), fd.limit);
console.log(
  `bench (${quick ? 'quick' : 'full'}): ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadBefore}, fd limit ${machine.fdLimit}`,
);

const context: RunContext = { sustainedDeliveriesPerSec: null };
const started = performance.now();
for (const scenario of scenarios(quick)) {
  if (only && !only.has(scenario.id)) continue;
  console.log(`\n== scenario ${scenario.id}: ${scenario.name}`);
  const t0 = performance.now();
  let result: ScenarioResult;
  try {
    result = await runScenario(scenario, context);
  } catch (error) {
    console.error(`bench: scenario ${scenario.id} failed: ${(error as Error).stack}`);
    continue;
  }
  if (scenario.id === 2) context.sustainedDeliveriesPerSec = result.deliveriesPerSec;
  results.push(result);
  console.log(markdownTable([result]).split('\n').at(-1));
  console.log(`   (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
report(`${results.length} scenarios in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);
