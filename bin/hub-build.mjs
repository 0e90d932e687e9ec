// The hub's production build: server/ bundled by esbuild into out/hub/ops-hub.mjs, its npm
// dependencies left external (they resolve from node_modules at run time). Built where it is
// missing or older than its sources, the way bin/console.mjs builds the browser console, so a
// fresh clone runs compiled JavaScript after one `npm start` and tsx stays a development tool.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the compiled hub CLI lives (git-ignored with the rest of out/). */
export const HUB_BUILD = join(root, 'out/hub/ops-hub.mjs');
const SOURCES = ['server', 'protocol'].map((dir) => join(root, dir));
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

function loadEsbuild() {
  try {
    return createRequire(import.meta.url)('esbuild');
  } catch (error) {
    // A production install without devDependencies has no esbuild: the caller falls back to tsx.
    if (error?.code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Builds the hub when it is stale. Returns the path of the compiled entry, or null when no
 * build exists and esbuild is not installed (the caller then runs the sources through tsx).
 * Writes to a temp file and renames it, so concurrent starts never run a half-written bundle.
 * @throws when esbuild reports an error in the sources.
 */
export function ensureHubBuild({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!hubBuildIsStale()) return HUB_BUILD;
  const esbuild = loadEsbuild();
  if (!esbuild) return existsSync(HUB_BUILD) ? HUB_BUILD : null;
  log('ops-hub: building the hub (out/hub/ops-hub.mjs)…');
  const temp = `${HUB_BUILD}.${process.pid}.tmp.mjs`;
  try {
    esbuild.buildSync({
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
  return HUB_BUILD;
}
