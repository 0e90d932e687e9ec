#!/usr/bin/env node
// `npm run console`: the headless embedded default. Builds the browser console
// when it is missing or older than its sources, then runs `ops-hub supervise --demo`:
// the hub and the demo as two processes, each restarted when it exits unexpectedly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out/renderer/index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(built) ||
  statSync(built).mtimeMs <
    Math.max(newestSource(join(root, 'renderer/src')), newestSource(join(root, 'protocol')));
if (stale) {
  console.log('ops-console: building the browser console (out/renderer)…');
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error(
      'ops-console: the browser console build failed (see above); the hub will still run without /console.',
    );
  }
}

const hub = spawn(
  process.execPath,
  [join(root, 'bin/ops-hub.mjs'), 'supervise', '--demo', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
