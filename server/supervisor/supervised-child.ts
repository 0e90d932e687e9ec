import { spawn, type ChildProcess } from 'node:child_process';
import type { RestartPolicy } from '../../node-shared/restart-policy';

/** Exit status of `ops-hub` on a configuration error: restarting cannot help. */
export const CONFIG_ERROR_EXIT_CODE = 2;

export interface SupervisedChildOptions {
  /** Shown in log lines, e.g. 'hub'. */
  name: string;
  command: string;
  args: readonly string[];
  policy: RestartPolicy;
  /** One human line per event (start, exit, restart, give up). */
  log: (line: string) => void;
  /** Called once when the supervisor stops trying; the process is not running then. */
  onGiveUp: (reason: string, exitCode: number) => void;
  /** Called after every start with the new pid. */
  onStart?: (pid: number) => void;
  now?: () => number;
}

/**
 * Keeps one child process running: starts it, restarts it after the policy's delay
 * when it exits on its own (any exit the supervisor did not ask for, even status 0),
 * and gives up on the policy's verdict or on a configuration error.
 * The child shares this process's stdout and stderr, so its own log lines show.
 */
export class SupervisedChild {
  private child: ChildProcess | null = null;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly now: () => number;

  constructor(private readonly options: SupervisedChildOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Pid of the running child, or null between restarts and after stop. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  start(): void {
    if (this.stopping) throw new Error(`SupervisedChild(${this.options.name}) was stopped`);
    const child = spawn(this.options.command, this.options.args, { stdio: 'inherit' });
    this.child = child;
    this.startedAt = this.now();
    child.once('error', (error) => {
      this.options.log(`could not start the ${this.options.name}: ${error.message}`);
    });
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    if (child.pid !== undefined) this.options.onStart?.(child.pid);
  }

  /**
   * Stops the child with `signal` (SIGTERM: a graceful shutdown) and resolves once it
   * has exited; after `killAfterMs` it is killed with SIGKILL. Idempotent.
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 15_000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    await exited;
    clearTimeout(killer);
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child === child) this.child = null;
    if (this.stopping) return;
    const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
    if (code === CONFIG_ERROR_EXIT_CODE) {
      this.options.log(`the ${this.options.name} ${how}: a configuration error (see above)`);
      this.options.onGiveUp('configuration error', CONFIG_ERROR_EXIT_CODE);
      return;
    }
    const now = this.now();
    const decision = this.options.policy.onUnexpectedExit(now, now - this.startedAt);
    const windowMin = Math.round(this.options.policy.crashWindowMs / 60_000);
    if (decision.kind === 'give_up') {
      this.options.log(
        `the ${this.options.name} ${how}; it stopped ${decision.crashesInWindow} times within ${windowMin} min, so it is not restarted again`,
      );
      this.options.onGiveUp('crashed too often', 1);
      return;
    }
    this.options.log(
      `the ${this.options.name} ${how}; restarting it in ${(decision.delayMs / 1000).toFixed(1)} s (exit ${decision.crashesInWindow} within ${windowMin} min)`,
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.start();
    }, decision.delayMs);
  }
}
