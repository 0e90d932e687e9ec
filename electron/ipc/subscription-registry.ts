/**
 * Tracks the board subscriptions each window (owner) holds in main, so they
 * can be released one by one on `boards:unsubscribe`, and all at once when the
 * window reloads, crashes or closes (a renderer that dies never unsubscribes).
 */
export class SubscriptionRegistry<Owner> {
  readonly #byOwner = new Map<Owner, Map<string, () => void>>();

  /** @param onReleaseError told when a release function throws; the others still run. */
  constructor(private readonly onReleaseError: (error: unknown, subscriptionId: string) => void) {}

  #release(subscriptionId: string, release: () => void): void {
    try {
      release();
    } catch (error) {
      this.onReleaseError(error, subscriptionId);
    }
  }

  /**
   * Records `release` for `(owner, subscriptionId)`. A duplicate id from the
   * same owner releases the older subscription first, so a replayed request
   * cannot leak one.
   */
  add(owner: Owner, subscriptionId: string, release: () => void): void {
    let subs = this.#byOwner.get(owner);
    if (!subs) {
      subs = new Map();
      this.#byOwner.set(owner, subs);
    }
    const previous = subs.get(subscriptionId);
    subs.set(subscriptionId, release);
    if (previous) this.#release(subscriptionId, previous);
  }

  /** Releases one subscription. @returns false when it was not held (already released). */
  remove(owner: Owner, subscriptionId: string): boolean {
    const subs = this.#byOwner.get(owner);
    const release = subs?.get(subscriptionId);
    if (!subs || !release) return false;
    subs.delete(subscriptionId);
    if (subs.size === 0) this.#byOwner.delete(owner);
    this.#release(subscriptionId, release);
    return true;
  }

  /** Releases every subscription of `owner`. @returns how many were released. */
  removeOwner(owner: Owner): number {
    const subs = this.#byOwner.get(owner);
    if (!subs) return 0;
    this.#byOwner.delete(owner);
    for (const [id, release] of subs) this.#release(id, release);
    return subs.size;
  }

  /** Number of subscriptions `owner` holds. */
  count(owner: Owner): number {
    return this.#byOwner.get(owner)?.size ?? 0;
  }
}
