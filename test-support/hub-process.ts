// About 300 lines on purpose: one harness for a real hub child process (start, pause, kill,
// restart, stop, CLI and tokens against its data dir), so every integration test drives it alike.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTokenMinter } from '../server/auth/jwt';
import { parseDurationMs } from '../server/config/duration';
import { freePort } from './free-port';

/**
 * The hub as a real child process (`node bin/ops-hub.mjs serve`) on a fixed free port
 * with a temp data dir, for integration tests that kill, pause or restart it.
 *
 * ```ts
 * const hub = await startHubProcess({ tokenTtl: '3s' });
 * const token = await hub.mintToken({ tenants: ['cedar-group'] });
 * await hub.addUser('ops', 'correct horse', { tenants: ['cedar-group'], scope: 'read' });
 * hub.pause(); hub.resume();          // SIGSTOP / SIGCONT
 * await hub.kill();                   // SIGKILL, as a crash
 * await hub.restart();                // same port, data dir and secret
 * await hub.stop();                   // SIGTERM (graceful), removes the temp dir
 * ```
 * Every started hub is killed when the test process exits, even after a failure.
 */
export interface HubProcessOptions {
  /** Use the Redis backplane. */
  redisUrl?: string;
  /** HS256 secret; a random one by default (tests mint tokens with it). */
  jwtSecret?: string;
  /** HUB_TOKEN_TTL, e.g. '3s'. */
  tokenTtl?: string;
  /** HUB_HEARTBEAT_MS; also HUB_APP_HEARTBEAT_MS (up to its 60 s maximum) unless `appHeartbeatMs` is given, so "within 2 heartbeats" stays quick for every client. */
  heartbeatMs?: number;
  /** HUB_APP_HEARTBEAT_MS; the hub default (5 s) when neither this nor `heartbeatMs` is given. */
  appHeartbeatMs?: number;
  /** HUB_SHUTDOWN_TIMEOUT, e.g. '5s'. */
  shutdownTimeout?: string;
  /** Reuse a data dir (kept on stop); a temp dir otherwise. */
  dataDir?: string;
  /** Run the demo simulator inside the hub (`serve --demo`). */
  demo?: boolean;
  /** Extra environment, e.g. { HUB_MAX_BUFFERED_BYTES: '65536' }. */
  env?: Record<string, string>;
  /** Max ms to wait for /readyz (default 20 s). */
  readyTimeoutMs?: number;
  /** RLIMIT_NOFILE (soft and hard) of the hub process, via `prlimit`, e.g. 256 to reach descriptor exhaustion quickly. */
  nofile?: number;
}

export interface HubProcess {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** ws://127.0.0.1:<port>/v1/ws */
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly jwtSecret: string;
  /** Running pid, or null while stopped. */
  pid(): number | null;
  /** Recent stdout+stderr of the process (last 64 KiB), for failure messages. */
  output(): string;
  /** Resolves when the current process exits. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Signs a token with the hub's secret. Defaults: sub 'test', scope 'read', ttl '15m'. */
  mintToken(claims: {
    tenants: string[];
    sub?: string;
    scope?: string;
    ttl?: string;
  }): Promise<string>;
  /** `ops-hub users add NAME --tenants … --scope …` with the password on stdin, against this hub's store. */
  addUser(
    name: string,
    password: string,
    grant: { tenants: string[]; scope: string },
  ): Promise<void>;
  /**
   * Runs `ops-hub ARGS…` against this hub's environment (data dir, secret, Redis) and
   * returns its exit status and output; `input` goes to stdin.
   */
  runCli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string };
  /** `ops-hub keys create --json` against this hub's store: the key (shown once) and its id. */
  createApiKey(grant: {
    sub: string;
    tenants: string[];
    scope: string;
  }): Promise<{ key: string; id: string }>;
  /** Sends a signal (default SIGKILL) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGSTOP: the hub stops answering but keeps its sockets open. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** Starts the hub again on the same port, data dir and secret, and waits for /readyz. Kills a running one first. */
  restart(): Promise<void>;
  /** SIGTERM, waits for exit (SIGKILL after 15 s), removes a temp data dir. Idempotent. */
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'ops-hub.mjs');
const hasSetpriv = spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** Starts a hub process and waits until /readyz answers 200. @throws with the process output when it does not become ready. */
export async function startHubProcess(options: HubProcessOptions = {}): Promise<HubProcess> {
  installExitHook();
  const port = await freePort();
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ops-hub-'));
  const jwtSecret = options.jwtSecret ?? randomBytes(32).toString('base64url');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HUB_PORT: String(port),
    HUB_HOST: '127.0.0.1',
    HUB_DATA_DIR: dataDir,
    HUB_JWT_SECRET: jwtSecret,
    HUB_LOG_LEVEL: 'warn',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...(options.tokenTtl ? { HUB_TOKEN_TTL: options.tokenTtl } : {}),
    ...(options.heartbeatMs ? { HUB_HEARTBEAT_MS: String(options.heartbeatMs) } : {}),
    ...(options.appHeartbeatMs || options.heartbeatMs
      ? {
          HUB_APP_HEARTBEAT_MS: String(
            options.appHeartbeatMs ?? Math.min(options.heartbeatMs ?? 0, 60_000),
          ),
        }
      : {}),
    ...(options.shutdownTimeout ? { HUB_SHUTDOWN_TIMEOUT: options.shutdownTimeout } : {}),
    ...options.env,
  };
  if (!options.redisUrl) delete env.REDIS_URL;
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({
    code: null,
    signal: null,
  });
  let output = '';
  let stopped = false;
  const minter = createTokenMinter({ secret: jwtSecret });

  async function launch(): Promise<void> {
    const args = [BIN, 'serve', ...(options.demo ? ['--demo'] : [])];
    const node = options.nofile
      ? ['prlimit', `--nofile=${options.nofile}:${options.nofile}`, '--', process.execPath]
      : [process.execPath];
    const [command, commandArgs] = hasSetpriv
      ? ['setpriv', ['--pdeathsig', 'SIGKILL', '--', ...node, ...args]]
      : [node[0] as string, [...node.slice(1), ...args]];
    const proc = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running.add(proc);
    const capture = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-65_536);
    };
    proc.stdout?.on('data', capture);
    proc.stderr?.on('data', capture);
    exit = new Promise((done) =>
      proc.once('exit', (code, signal) => {
        running.delete(proc);
        done({ code, signal });
      }),
    );
    await waitReady(url, options.readyTimeoutMs ?? 20_000, exit, () => output);
  }

  async function kill(signal: NodeJS.Signals = 'SIGKILL') {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return exit;
    if (signal === 'SIGKILL') proc.kill('SIGCONT');
    proc.kill(signal);
    const result = await exit;
    child = null;
    return result;
  }

  function runCli(args: string[], input?: string) {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env,
      input: input ?? '',
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  try {
    await launch();
  } catch (error) {
    await kill();
    if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/v1/ws`,
    port,
    dataDir,
    jwtSecret,
    pid: () => child?.pid ?? null,
    output: () => output,
    exited: () => exit,
    async mintToken(claims) {
      const ttlMs = parseDurationMs(claims.ttl ?? '15m');
      if (ttlMs === null)
        throw new TypeError(`ttl ${claims.ttl} is not a duration such as 3s or 15m`);
      return (
        await minter.mint({
          sub: claims.sub ?? 'test',
          tenants: claims.tenants,
          scope: claims.scope ?? 'read',
          ttlMs,
        })
      ).token;
    },
    runCli,
    async addUser(name, password, grant) {
      const result = runCli(
        ['users', 'add', name, '--tenants', grant.tenants.join(','), '--scope', grant.scope],
        `${password}\n`,
      );
      if (result.status !== 0)
        throw new Error(`ops-hub users add failed (${result.status}): ${result.stderr}`);
    },
    async createApiKey(grant) {
      const result = runCli([
        'keys',
        'create',
        '--sub',
        grant.sub,
        '--tenants',
        grant.tenants.join(','),
        '--scope',
        grant.scope,
        '--json',
      ]);
      if (result.status !== 0)
        throw new Error(`ops-hub keys create failed (${result.status}): ${result.stderr}`);
      const { key, id } = JSON.parse(result.stdout) as { key: string; id: string };
      return { key, id };
    },
    kill,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async restart() {
      await kill();
      await launch();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const proc = child;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGCONT');
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(timer);
      }
      child = null;
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitReady(
  url: string,
  timeoutMs: number,
  exit: Promise<unknown>,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void exit.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`hub exited before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch (error) {
      // Not listening yet; keep polling until the deadline.
      if (!(error instanceof Error)) throw error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`hub not ready within ${timeoutMs} ms:\n${output()}`);
}
