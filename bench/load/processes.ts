/**
 * The processes a bench run starts: generator and publisher children (forked through tsx),
 * the fd limit they inherit, and the compiled hub build. Redis and hubs come from
 * test-support (real `redis-server`, real `node bin/ops-hub.mjs serve`), which kill them when
 * this process exits, even after a crash.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const children = new Set<ChildProcess>();
let exitHookInstalled = false;

/** The fd limit the bench asks for: 10,000 sockets in a few processes, plus the hub's. */
export const WANTED_NOFILE = 200_000;

/**
 * Raises this process's RLIMIT_NOFILE with `prlimit` (root, or a hard limit that allows it)
 * so every child inherits it. Returns the soft limit in force afterwards.
 */
export function raiseFdLimit(): { limit: number; raised: boolean; note: string } {
  const set = (limit: string) =>
    spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${limit}`], { encoding: 'utf8' });
  let result = set(`${WANTED_NOFILE}:${WANTED_NOFILE}`);
  let note = '';
  if (result.status !== 0) {
    // No CAP_SYS_RESOURCE (a container): the soft limit can still go up to the hard one.
    note = `prlimit to ${WANTED_NOFILE}: ${result.stderr.trim() || result.error?.message}; raised the soft limit to the hard limit instead`;
    result = set('unlimited:');
    if (result.status !== 0) {
      const hard = spawnSync(
        'prlimit',
        ['--pid', String(process.pid), '--nofile', '--noheadings', '--output', 'HARD'],
        { encoding: 'utf8' },
      );
      result = set(`${hard.stdout.trim()}:`);
    }
  }
  const current = spawnSync(
    'prlimit',
    ['--pid', String(process.pid), '--nofile', '--noheadings', '--output', 'SOFT'],
    { encoding: 'utf8' },
  );
  const limit = Number(current.stdout.trim());
  return { limit: Number.isFinite(limit) ? limit : 0, raised: result.status === 0, note };
}

/** Builds out/hub/ops-hub.mjs if stale (the same check `npm start` does), so hubs run compiled JS. @throws when the build fails. */
export function ensureCompiledHub(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/ops-hub.mjs'), '--help'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the hub build failed:\n${result.stderr}`);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
}

const WORKERS_DIR = join(ROOT, 'out/bench');

/**
 * Bundles the worker entry points to out/bench/*.mjs with esbuild: a compiled worker starts in
 * a fraction of the time a tsx one takes on a loaded box, and runs without the loader hooks.
 */
export async function buildWorkers(): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: ['generator-worker.ts', 'publisher-worker.ts'].map((f) =>
      join(import.meta.dirname, f),
    ),
    outdir: WORKERS_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

/** Forks a worker built by `buildWorkers` ('generator-worker' or 'publisher-worker') with an IPC channel. */
export function forkWorker(name: 'generator-worker' | 'publisher-worker'): ChildProcess {
  installExitHook();
  const child = fork(join(WORKERS_DIR, `${name}.mjs`), [], {
    cwd: ROOT,
    // Not this process's tsx loader flags: the workers are plain compiled JavaScript.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Waits for the next IPC message of `type` from a child. @throws when it exits first or the time runs out. */
export function nextMessage<T extends { type: string }>(
  child: ChildProcess,
  type: T['type'],
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no '${type}' from pid ${child.pid} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === 'failed') {
        cleanup();
        reject(new Error(`worker ${child.pid} failed: ${message.message}`));
      }
      if (message.type !== type) return;
      cleanup();
      resolvePromise(message as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`worker ${child.pid} exited (${code}) before sending '${type}'`));
    };
    function cleanup() {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** SIGKILLs any worker still running (end of a scenario, success or not). */
export function killWorkers(): void {
  for (const child of children) child.kill('SIGKILL');
}
