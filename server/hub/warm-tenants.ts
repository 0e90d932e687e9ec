/**
 * Which tenants this hub keeps warm because it accepted their events, so that every
 * acknowledged event is folded into the tenant's board and checkpoint whether or not a
 * client watches (issue 10; docs/durability.md, "What a board's totals mean").
 *
 * A tenant stays warm for `idleMs` after the last ingest this hub accepted for it. When it
 * cools down, `onCool` runs and the registry lets the channel linger and close as for any
 * channel without members; closing writes a final checkpoint that covers every event the
 * channel folded, so a later open starts from it, however long the gap.
 * @internal
 */
export class WarmTenants {
  private readonly lastAccepted = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number,
    private readonly onCool: (tenant: string) => void,
  ) {
    if (!(idleMs > 0)) throw new TypeError('idleMs must be a positive number of ms');
  }

  /** Marks `tenant` as just ingested. Returns true when it was not warm before (open its channel). */
  touch(tenant: string): boolean {
    const wasWarm = this.lastAccepted.has(tenant);
    this.lastAccepted.set(tenant, this.now());
    if (!wasWarm) this.arm(tenant, this.idleMs);
    return !wasWarm;
  }

  isWarm(tenant: string): boolean {
    return this.lastAccepted.has(tenant);
  }

  /** Stops keeping `tenant` warm (its channel could not be opened). */
  forget(tenant: string): void {
    this.lastAccepted.delete(tenant);
    clearTimeout(this.timers.get(tenant));
    this.timers.delete(tenant);
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.lastAccepted.clear();
  }

  // One timer per tenant, re-armed for the remainder instead of on every ingest request.
  private arm(tenant: string, ms: number): void {
    const timer = setTimeout(() => {
      const last = this.lastAccepted.get(tenant);
      if (last === undefined) return;
      const remaining = last + this.idleMs - this.now();
      if (remaining > 0) return this.arm(tenant, remaining);
      this.forget(tenant);
      this.onCool(tenant);
    }, ms);
    timer.unref();
    this.timers.set(tenant, timer);
  }
}
