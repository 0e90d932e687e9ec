import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/**
 * A real `redis-server` for tests, on a free port in a fresh temp dir.
 *
 * ```ts
 * const redis = await startRedis({ persistence: true });
 * redis.url;              // redis://127.0.0.1:<port>
 * await redis.kill();     // SIGKILL, as a crash
 * await redis.restart();  // same port and dir
 * await redis.stop();     // kills and removes the dir
 * ```
 *
 * Processes are killed and dirs removed on process exit even when a test
 * crashed, and (via `setpriv --pdeathsig`) when the test process is killed.
 */

export interface StartRedisOptions {
  /** true: `appendonly yes` + `appendfsync always` (no write is lost on SIGKILL); false (default): no persistence at all. */
  persistence?: boolean;
  /** Path of the binary; default `REDIS_SERVER_BIN` or `/usr/bin/redis-server`. */
  binary?: string;
  /** Max ms to wait for PING after start (default 10 s). */
  startTimeoutMs?: number;
  /** More `redis-server` arguments, e.g. `['--replicaof', '127.0.0.1', '6379']`. */
  extraArgs?: string[];
  /** Port to listen on (default: a free one). */
  port?: number;
}

export interface RedisTestServer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  readonly persistence: boolean;
  /** The running process id, or null while killed. */
  pid(): number | null;
  /** SIGKILLs the server (a crash) and waits until it is gone. No-op when not running. */
  kill(): Promise<void>;
  /** Starts it again on the same port and dir and waits for PING. @throws when it does not answer in time. */
  restart(): Promise<void>;
  /** Kills the server and removes its dir. Idempotent. */
  stop(): Promise<void>;
}

const live = new Set<{ child: ChildProcess | null; dir: string }>();
let exitHookInstalled = false;

const DIR_PREFIX = 'ops-redis-';
const OWNER_FILE = 'owner.pid';

/** Removes dirs left by test processes that were SIGKILLed (no exit hook ran); their redis died with them (pdeathsig). */
function sweepOrphanedDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // not one of ours, or still being created: leave it alone
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  sweepOrphanedDirs();
  process.on('exit', () => {
    for (const entry of live) {
      entry.child?.kill('SIGKILL');
      rmSync(entry.dir, { recursive: true, force: true });
    }
  });
}

const hasSetpriv = spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;

/** Starts redis-server and waits until it answers PING. @throws when it fails to start. */
export async function startRedis(options: StartRedisOptions = {}): Promise<RedisTestServer> {
  installExitHook();
  const binary = options.binary ?? process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
  if (!existsSync(binary))
    throw new Error(
      `redis-server not found at ${binary}; install it (apt-get install redis-server) or set REDIS_SERVER_BIN`,
    );
  const persistence = options.persistence ?? false;
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  const entry: { child: ChildProcess | null; dir: string } = { child: null, dir };
  live.add(entry);
  let stderr = '';

  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--save',
    '',
    '--logfile',
    '',
    '--loglevel',
    'warning',
    ...(persistence ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
    ...(options.extraArgs ?? []),
  ];

  async function launch(): Promise<void> {
    const [command, commandArgs] = hasSetpriv
      ? ['setpriv', ['--pdeathsig', 'SIGKILL', '--', binary, ...args]]
      : [binary, args];
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    entry.child = child;
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) =>
        reject(new Error(`redis-server exited early (code ${code}, signal ${signal}): ${stderr}`)),
      );
    });
    exited.catch(() => undefined);
    await Promise.race([waitForPing(port, startTimeoutMs), exited]);
  }

  async function kill(): Promise<void> {
    const child = entry.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      entry.child = null;
      return;
    }
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
    entry.child = null;
  }

  await launch().catch(async (error: unknown) => {
    await kill();
    rmSync(dir, { recursive: true, force: true });
    live.delete(entry);
    throw error;
  });

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    persistence,
    pid: () => entry.child?.pid ?? null,
    kill,
    async restart() {
      await kill();
      await launch();
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
      live.delete(entry);
    },
  };
}

/** Resolves once `PING` on the port gets `+PONG`. @throws after `timeoutMs`. */
export async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      await pingOnce(port);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(
    `redis-server on port ${port} did not answer PING within ${timeoutMs} ms: ${String(lastError)}`,
  );
}

function pingOnce(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy(new Error('PING timed out')));
    socket.once('error', reject);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (!reply.includes('\r\n')) return;
      socket.end();
      // While loading the AOF, Redis answers -LOADING: not ready yet.
      if (reply.startsWith('+PONG')) resolve();
      else reject(new Error(`unexpected PING reply ${reply.trim()}`));
    });
  });
}
