import { CodedError } from '../../protocol/codes';

/** The password-check queue is full: answer 503 at once instead of queueing without bound. */
export class PasswordCheckBusyError extends CodedError {
  constructor(waiting: number) {
    super(
      'unavailable',
      `${waiting} password checks are already waiting; retry shortly (HUB_LOGIN_QUEUE, HUB_LOGIN_CONCURRENCY)`,
    );
    this.name = 'PasswordCheckBusyError';
  }
}

/**
 * Runs password checks (scrypt, including the dummy hash for unknown users) at most
 * `concurrency` at a time, with at most `maxWaiting` more queued. scrypt runs on the libuv
 * thread pool, which the journal's fsync also needs: keeping `concurrency` below the pool
 * size (`UV_THREADPOOL_SIZE`, default 4) leaves threads for fsync however many logins arrive,
 * and the bounded queue turns a login flood into fast 503s rather than a growing backlog.
 */
export class PasswordCheckQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  /** @throws TypeError when `concurrency` < 1 or `maxWaiting` < 0. */
  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {
    if (!(concurrency >= 1) || !(maxWaiting >= 0))
      throw new TypeError('PasswordCheckQueue needs concurrency >= 1 and maxWaiting >= 0');
  }

  /**
   * Runs `check` when a slot is free.
   * @throws PasswordCheckBusyError at once when `maxWaiting` checks are already queued.
   */
  async run<T>(check: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting)
        throw new PasswordCheckBusyError(this.waiting.length);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await check();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` stays counted.
      if (next) next();
      else this.running -= 1;
    }
  }
}
