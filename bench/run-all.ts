/**
 * Runs every benchmark in bench/ one after another and prints their figures.
 * Benchmarks print numbers; they never fail on a timing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'run-all.ts',
);
let failed = 0;
for (const file of files.sort()) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
