import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPing } from './redis-server';

/**
 * One `redis-server` or `redis-sentinel` process started from a config file in its
 * own temp dir, for the Sentinel and cluster harnesses (which need a config file
 * that the server rewrites, unlike `startRedis`). Killed with the test process
 * (`setpriv --pdeathsig`, plus an exit hook), its dir removed by `stop()` or at exit.
 */
export interface RedisChild {
  readonly port: number;
  readonly dir: string;
  /** False once killed or exited. */
  readonly alive: boolean;
  /** SIGKILLs the process (a crash) and waits until it is gone. No-op when not running. */
  kill(): Promise<void>;
  /** Kills it and removes its dir. Idempotent. */
  stop(): Promise<void>;
}

const live = new Set<{ child: ChildProcess | null; dir: string }>();
let hooked = false;
const hasSetpriv = spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;

/**
 * Starts `binary config [args…]` and waits until the port answers PING.
 * @param config text of the config file, written to `<dir>/redis.conf`.
 * @throws when the binary is missing or the process does not answer within 10 s.
 */
export async function startRedisChild(
  binary: string,
  port: number,
  config: string,
  args: string[] = [],
): Promise<RedisChild> {
  if (!existsSync(binary))
    throw new Error(
      `${binary} not found; install it (apt-get install redis-server redis-sentinel redis-tools)`,
    );
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const entry of live) {
        entry.child?.kill('SIGKILL');
        rmSync(entry.dir, { recursive: true, force: true });
      }
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'ops-redis-child-'));
  const file = join(dir, 'redis.conf');
  writeFileSync(file, `${config}\ndir ${dir}\n`);
  const command = hasSetpriv ? 'setpriv' : binary;
  const commandArgs = hasSetpriv
    ? ['--pdeathsig', 'SIGKILL', '--', binary, file, ...args]
    : [file, ...args];
  let stderr = '';
  const child = spawn(command, commandArgs, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const entry = { child: child as ChildProcess | null, dir };
  live.add(entry);
  child.stdout?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const kill = async () => {
    const running = entry.child;
    entry.child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await gone;
  };
  const stop = async () => {
    await kill();
    rmSync(dir, { recursive: true, force: true });
    live.delete(entry);
  };
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`${binary} exited early (code ${code}, signal ${signal}): ${stderr}`)),
    ),
  );
  exited.catch(() => undefined);
  try {
    await Promise.race([waitForPing(port, 10_000), exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    dir,
    get alive() {
      return (
        entry.child !== null && entry.child.exitCode === null && entry.child.signalCode === null
      );
    },
    kill,
    stop,
  };
}
