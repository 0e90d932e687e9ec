import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/** Repository root (this file lives in renderer/e2e). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Where `npm run build:renderer` writes the bundle the hub serves at /console. */
export const RENDERER_OUT = join(REPO_ROOT, 'out/renderer');

const SOURCES = ['renderer/src', 'renderer/index.html', 'renderer/vite.config.ts', 'protocol'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

let pending: Promise<string> | null = null;

/**
 * Builds the renderer into out/renderer with vite's JS API, once per test
 * process, and only when a source file is newer than the last build (so a
 * suite of e2e files builds at most once). Returns the output folder.
 * @throws the vite build error.
 */
export function ensureRendererBuilt(): Promise<string> {
  pending ??= (async () => {
    const index = join(RENDERER_OUT, 'index.html');
    const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
    const sourcesAt = Math.max(...SOURCES.map((source) => newestMtime(join(REPO_ROOT, source))));
    if (builtAt > sourcesAt && process.env.OPS_E2E_REBUILD !== '1') return RENDERER_OUT;
    await build({ configFile: join(REPO_ROOT, 'renderer/vite.config.ts'), logLevel: 'warn' });
    return RENDERER_OUT;
  })();
  return pending;
}
