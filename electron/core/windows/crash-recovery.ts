/**
 * When to reload a window whose renderer died or hung. Wall displays run for
 * weeks, and a renderer that goes white after hours must come back by itself
 * (electron/electron#11102, #21314); but one that crashes again right after
 * each reload must not spin the CPU in a reload loop, so reloads back off.
 */

/** What went wrong, as reported by `render-process-gone` or `unresponsive`. */
export type RendererTrouble =
  { kind: 'gone'; reason: string; exitCode?: number } | { kind: 'unresponsive' };

export type RecoveryDecision =
  /** Reload after `delayMs`; for `unresponsive`, only if no `responsive` came meanwhile. */
  | {
      action: 'reload';
      delayMs: number;
      recentCount: number;
      totalCount: number;
      /** Set when the hourly cap pushed the reload later than the backoff alone would. */
      capped?: true;
    }
  /** Nothing to do (the renderer exited on purpose). */
  | { action: 'none'; why: string };

export interface CrashRecoveryOptions {
  /** Delay before the first reload after a crash, ms. */
  firstDelayMs: number;
  /** Cap on the delay between reloads, ms. */
  maxDelayMs: number;
  /** Crashes older than this are forgotten, ms: after this long without trouble, the next reload is immediate again. */
  forgetAfterMs: number;
  /** How long a hung renderer gets to become responsive before it is reloaded, ms. */
  unresponsiveGraceMs: number;
  /** At most this many reloads in any rolling hour; more wait until the oldest is an hour old. */
  maxPerHour: number;
}

export const DEFAULT_CRASH_RECOVERY: CrashRecoveryOptions = {
  firstDelayMs: 0,
  maxDelayMs: 60_000,
  forgetAfterMs: 10 * 60_000,
  unresponsiveGraceMs: 10_000,
  maxPerHour: 12,
};

const HOUR_MS = 60 * 60_000;

/**
 * Reload policy for one window. Delays double with each crash within
 * `forgetAfterMs`: 0, 1 s, 2 s, 4 s … up to `maxDelayMs`. No more than
 * `maxPerHour` reloads happen in any rolling hour (a page that crashes on
 * every load must not keep a wall box's CPU busy), but it never gives up for
 * good, since an unattended wall display has nobody to press reload.
 */
export class CrashRecovery {
  readonly #options: CrashRecoveryOptions;
  #recent: number[] = [];
  /** When each reload of the last hour is due, ascending. */
  #reloadsDue: number[] = [];
  #total = 0;

  constructor(options: Partial<CrashRecoveryOptions> = {}) {
    this.#options = { ...DEFAULT_CRASH_RECOVERY, ...options };
    if (this.#options.maxDelayMs < this.#options.firstDelayMs) {
      throw new Error('CrashRecovery: maxDelayMs must be at least firstDelayMs');
    }
    if (!Number.isInteger(this.#options.maxPerHour) || this.#options.maxPerHour < 1) {
      throw new Error('CrashRecovery: maxPerHour must be a positive integer');
    }
  }

  /**
   * Records `trouble` at time `now` (epoch ms) and says what to do.
   * A `clean-exit` is the renderer closing normally and is neither counted nor reloaded.
   */
  onTrouble(trouble: RendererTrouble, now: number): RecoveryDecision {
    if (trouble.kind === 'gone' && trouble.reason === 'clean-exit')
      return { action: 'none', why: 'the renderer exited normally' };
    this.#recent = this.#recent.filter((at) => now - at < this.#options.forgetAfterMs);
    this.#recent.push(now);
    this.#total += 1;
    const recentCount = this.#recent.length;
    const backoff =
      recentCount <= 1
        ? this.#options.firstDelayMs
        : Math.min(this.#options.maxDelayMs, 1000 * 2 ** (recentCount - 2));
    let delayMs =
      trouble.kind === 'unresponsive'
        ? Math.max(backoff, this.#options.unresponsiveGraceMs)
        : backoff;
    // The hourly cap: the reload waits until it is the maxPerHour-th within an hour.
    this.#reloadsDue = this.#reloadsDue.filter((due) => due > now - HOUR_MS);
    const blocking = this.#reloadsDue[this.#reloadsDue.length - this.#options.maxPerHour];
    const capped = blocking !== undefined && blocking + HOUR_MS > now + delayMs;
    if (capped) delayMs = blocking + HOUR_MS - now;
    this.#reloadsDue.push(now + delayMs);
    return {
      action: 'reload',
      delayMs,
      recentCount,
      totalCount: this.#total,
      ...(capped ? { capped: true } : {}),
    };
  }

  /** Crashes and hangs since this window was created. */
  get totalCount(): number {
    return this.#total;
  }
}

/** One log line for a decision, e.g. "renderer gone (oom, exit 9); reload #3 in 2 s (5 since start)". */
export function describeRecovery(trouble: RendererTrouble, decision: RecoveryDecision): string {
  const what =
    trouble.kind === 'gone'
      ? `renderer gone (${trouble.reason}${trouble.exitCode !== undefined ? `, exit ${trouble.exitCode}` : ''})`
      : 'renderer unresponsive';
  if (decision.action === 'none') return `${what}; not reloading: ${decision.why}`;
  const when = decision.delayMs === 0 ? 'now' : `in ${Math.round(decision.delayMs / 1000)} s`;
  const cap = decision.capped ? ', held back by the hourly reload limit' : '';
  return `${what}; reload #${decision.recentCount} ${when}${cap} (${decision.totalCount} since start)`;
}
