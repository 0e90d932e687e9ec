import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RestartPolicy } from '../../node-shared/restart-policy';
import { SupervisedChild } from './supervised-child';

const fast = () =>
  new RestartPolicy({ firstDelayMs: 20, maxDelayMs: 40, maxCrashes: 3, random: () => 0 });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real node child that appends a line to `file` on each start, then runs `body`. */
function nodeChild(file: string, body: string): string[] {
  return ['-e', `require('node:fs').appendFileSync(${JSON.stringify(file)}, 'start\\n'); ${body}`];
}

function supervise(args: string[], policy = fast()) {
  const lines: string[] = [];
  let gaveUp: { reason: string; exitCode: number } | null = null;
  const child = new SupervisedChild({
    name: 'probe',
    command: process.execPath,
    args,
    policy,
    log: (line) => lines.push(line),
    onGiveUp: (reason, exitCode) => {
      gaveUp = { reason, exitCode };
    },
  });
  return { child, lines, gaveUp: () => gaveUp };
}

/** How many times the child started, from the lines it appended. */
function startsIn(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').length : 0;
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('SupervisedChild', () => {
  it('restarts a process that crashes, then gives up after the policy says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supervised-'));
    dirs.push(dir);
    const starts = join(dir, 'starts');
    const run = supervise(nodeChild(starts, 'process.exit(1)'));
    run.child.start();
    await until(() => run.gaveUp() !== null);
    expect(startsIn(starts)).toBe(3);
    expect(run.gaveUp()).toEqual({ reason: 'crashed too often', exitCode: 1 });
    expect(run.lines[0]).toMatch(/the probe exited with status 1; restarting it in/);
    expect(run.lines.at(-1)).toMatch(/stopped 3 times within 2 min, so it is not restarted again/);
  });

  it('restarts a process killed from outside, as after an out-of-memory kill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supervised-'));
    dirs.push(dir);
    const starts = join(dir, 'starts');
    const run = supervise(nodeChild(starts, 'setInterval(() => {}, 1000)'));
    run.child.start();
    const firstPid = run.child.pid;
    await until(() => startsIn(starts) === 1);
    process.kill(firstPid as number, 'SIGKILL');
    await until(() => run.child.pid !== null && run.child.pid !== firstPid);
    await until(() => startsIn(starts) === 2);
    expect(run.lines[0]).toMatch(/the probe was killed by SIGKILL; restarting it/);
    await run.child.stop();
    expect(run.child.pid).toBeNull();
    expect(run.gaveUp()).toBeNull();
  });

  it('does not restart after a configuration error (status 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supervised-'));
    dirs.push(dir);
    const starts = join(dir, 'starts');
    const run = supervise(nodeChild(starts, 'process.exit(2)'));
    run.child.start();
    await until(() => run.gaveUp() !== null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(startsIn(starts)).toBe(1);
    expect(run.gaveUp()).toEqual({ reason: 'configuration error', exitCode: 2 });
  });

  it('stop() during the restart delay cancels the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supervised-'));
    dirs.push(dir);
    const starts = join(dir, 'starts');
    const slow = new RestartPolicy({ firstDelayMs: 5_000, random: () => 0 });
    const run = supervise(nodeChild(starts, 'process.exit(1)'), slow);
    run.child.start();
    await until(() => run.lines.length === 1);
    await run.child.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(startsIn(starts)).toBe(1);
    expect(() => run.child.start()).toThrow(/was stopped/);
  });
});
