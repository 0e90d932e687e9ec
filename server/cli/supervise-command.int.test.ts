import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../protocol/messages';
import { freePort } from '../../test-support/free-port';
import { connectTestClient, type TestClient } from '../../test-support/ws-test-client';
import { createTokenMinter } from '../auth/jwt';

const ROOT = resolve(import.meta.dirname, '..', '..');
type Frame<T extends HubMessage['type']> = Extract<HubMessage, { type: T }>;

interface Supervisor {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with the pid of the `n`th hub start (1-based) once it is logged. */
  hubPid: (n: number) => Promise<number>;
}

function startSupervisor(port: number, dataDir: string, secret: string): Supervisor {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUB_JWT_SECRET: secret,
    HUB_LOG_LEVEL: 'warn',
  };
  delete env.REDIS_URL;
  const proc = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'ops-hub.mjs'),
      'supervise',
      '--demo',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => proc.once('exit', done));
  const hubPid = async (n: number) => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const pids = [...output.matchAll(/hub started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
      if (pids.length >= n) return pids[n - 1] as number;
      if (Date.now() > deadline) throw new Error(`hub start ${n} never logged:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { proc, output: () => output, exited, hubPid };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: no such process.
    return false;
  }
}

describe('ops-hub supervise (what npm start runs without Electron)', () => {
  let supervisor: Supervisor | undefined;
  let client: TestClient | undefined;
  const dirs: string[] = [];

  afterEach(async () => {
    await client?.close();
    if (supervisor && supervisor.proc.exitCode === null) {
      supervisor.proc.kill('SIGKILL');
      await supervisor.exited;
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('restarts a killed hub on the same port, and the demo keeps publishing into it', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'ops-supervise-'));
    dirs.push(dataDir);
    const secret = randomBytes(32).toString('base64url');
    supervisor = startSupervisor(port, dataDir, secret);
    const firstHub = await supervisor.hubPid(1);
    const { token } = await createTokenMinter({ secret }).mint({
      sub: 'wall',
      tenants: ['cedar-group'],
      scope: 'read',
      ttlMs: 600_000,
    });
    const wsUrl = `ws://127.0.0.1:${port}/v1/ws`;

    const waitForDemoEvent = async (label: string) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        try {
          client = await connectTestClient(wsUrl, { token });
          client.send({ type: 'subscribe', tenant: 'cedar-group' });
          const snapshot = await client.waitFor<Frame<'snapshot'>>((f) => f.type === 'snapshot');
          const event = await client.waitFor<Frame<'event'>>(
            (f) => f.type === 'event' && f.seq > snapshot.seq,
            { timeoutMs: 20_000 },
          );
          return event.seq;
        } catch (error) {
          await client?.close();
          if (Date.now() > deadline)
            throw new Error(`${label}: ${String(error)}\n${supervisor?.output()}`);
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    };

    const seqBefore = await waitForDemoEvent('before the crash');
    await client?.close();
    process.kill(firstHub, 'SIGKILL');
    const secondHub = await supervisor.hubPid(2);
    expect(secondHub).not.toBe(firstHub);
    const seqAfter = await waitForDemoEvent('after the restart');
    expect(seqAfter).toBeGreaterThan(seqBefore);
    expect(supervisor.output()).toMatch(/the hub was killed by SIGKILL; restarting it in \d\.\d s/);

    const demoPid = Number(/demo started \(pid (\d+)\)/.exec(supervisor.output())?.[1]);
    supervisor.proc.kill('SIGTERM');
    expect(await supervisor.exited).toBe(0);
    expect(isAlive(secondHub)).toBe(false);
    expect(isAlive(demoPid)).toBe(false);
    // The demo process ran through the crash: it was started once.
    expect(supervisor.output().match(/demo started/g)).toHaveLength(1);
  });

  it('stops at once on a configuration error instead of restarting', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ops-supervise-'));
    dirs.push(dataDir);
    const port = await freePort();
    supervisor = startSupervisor(port, dataDir, 'too-short');
    expect(await supervisor.exited).toBe(2);
    expect(supervisor.output()).toMatch(/configuration error/);
    expect(supervisor.output().match(/hub started/g) ?? []).toHaveLength(0);
  });
});
