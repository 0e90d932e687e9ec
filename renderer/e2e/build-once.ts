import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';

/** Repository root (this file lives in renderer/e2e). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/**
 * Where the e2e bundle goes: its own folder (git-ignored), not out/renderer, so a
 * build another engineer or electron-vite runs at the same time cannot swap the
 * files under a running test. The harness points the hub at it (HUB_CONSOLE_DIR).
 */
export const RENDERER_OUT = join(REPO_ROOT, 'out/renderer-e2e');
/** Files the e2e bundle must contain; a folder missing one is rebuilt. */
const REQUIRED = ['index.html', 'console-sw.js', 'shell-assets.json'];

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
 * Builds the renderer (renderer/vite.config.ts) into out/renderer-e2e with vite, once per test
 * process, and only when a source file is newer than the last build (so a
 * suite of e2e files builds at most once). Returns the output folder.
 * @throws the vite build error.
 */
export function ensureRendererBuilt(): Promise<string> {
  pending ??= (async () => {
    const index = join(RENDERER_OUT, 'index.html');
    const complete = REQUIRED.every((file) => existsSync(join(RENDERER_OUT, file)));
    const builtAt = complete ? statSync(index).mtimeMs : 0;
    const sourcesAt = Math.max(...SOURCES.map((source) => newestMtime(join(REPO_ROOT, source))));
    if (builtAt > sourcesAt && process.env.OPS_E2E_REBUILD !== '1') return RENDERER_OUT;
    await runViteBuild();
    return RENDERER_OUT;
  })();
  return pending;
}

/**
 * Runs `vite build` in a child process with NODE_ENV=production: inside Vitest
 * NODE_ENV is 'test', which would make vite emit a development bundle
 * (React's dev build, `import.meta.env.DEV` true), not what the hub serves.
 */
function runViteBuild(): Promise<void> {
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const args = [
    vite,
    'build',
    '--config',
    join(REPO_ROOT, 'renderer/vite.config.ts'),
    '--outDir',
    RENDERER_OUT,
    '--emptyOutDir',
    '--logLevel',
    'error',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`vite build failed (code ${code}, signal ${signal}):\n${output}`)),
    );
  });
}
