// The hub's production build: server/ bundled by esbuild into out/hub/ops-hub.mjs, its npm
// dependencies left external (they resolve from node_modules at run time). Built where it is
// missing or older than its sources, the way bin/console.mjs builds the browser console, so a
// fresh clone runs compiled JavaScript after one `npm start` and tsx stays a development tool.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the compiled hub CLI lives (git-ignored with the rest of out/). */
export const HUB_BUILD = join(root, 'out/hub/ops-hub.mjs');
const SOURCES = ['server', 'node-shared', 'protocol'].map((dir) => join(root, dir));
const INPUTS = [join(root, 'package.json'), join(root, 'bin/hub-build.mjs')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when out/hub/ops-hub.mjs is missing or older than any file it is built from. */
export function hubBuildIsStale() {
  if (!existsSync(HUB_BUILD)) return true;
  const sources = Math.max(...SOURCES.map(newestMtime), ...INPUTS.map((f) => statSync(f).mtimeMs));
  return statSync(HUB_BUILD).mtimeMs < sources;
}

function esbuildInstalled() {
  try {
    createRequire(import.meta.url).resolve('esbuild');
    return true;
  } catch (error) {
    // A production install without devDependencies may lack esbuild: the caller falls back to tsx.
    if (error?.code === 'MODULE_NOT_FOUND') return false;
    throw error;
  }
}

/**
 * Builds the hub when it is stale. Returns the path of the compiled entry, or null when no
 * build exists and esbuild is not installed (the caller then runs the sources through tsx).
 * The build runs in a child process: esbuild's API keeps a service process and a worker thread
 * alive in whoever calls it, and the hub should not carry them for its whole life.
 * @throws when esbuild reports an error in the sources.
 */
export function ensureHubBuild({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!hubBuildIsStale()) return HUB_BUILD;
  if (!esbuildInstalled()) return existsSync(HUB_BUILD) ? HUB_BUILD : null;
  log('ops-hub: building the hub (out/hub/ops-hub.mjs)…');
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('ops-hub: the hub build failed (see above)');
  return HUB_BUILD;
}

/** The build itself, in this module's own process (`node bin/hub-build.mjs`). */
async function build() {
  const esbuild = await import('esbuild');
  // A temp file renamed into place: concurrent starts never run a half-written bundle.
  const temp = `${HUB_BUILD}.${process.pid}.tmp.mjs`;
  try {
    await esbuild.build({
      entryPoints: [join(root, 'server/cli/ops-hub.ts')],
      outfile: temp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      legalComments: 'none',
    });
    renameSync(temp, HUB_BUILD);
  } finally {
    rmSync(temp, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
