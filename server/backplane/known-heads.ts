/**
 * The furthest head this hub has seen of each tenant's log in Redis: from append
 * replies, reads and live deliveries. Every script call sends it along, so the
 * script can tell when Redis is behind what was already acknowledged or delivered
 * (history went backwards) and start a new epoch instead of reusing seqs.
 * Only what came from Redis itself is recorded, never a client's claim.
 * @internal
 */
export class KnownHeads {
  private readonly heads = new Map<string, { epoch: string; seq: number }>();

  /** The known head, or an empty epoch (matches nothing) when this hub saw none. */
  get(tenant: string): { epoch: string; seq: number } {
    return this.heads.get(tenant) ?? { epoch: '', seq: 0 };
  }

  /** Records a head seen in Redis: a new epoch replaces the old one; within one epoch the head only grows. */
  note(tenant: string, epoch: string, seq: number): void {
    const current = this.heads.get(tenant);
    if (current && current.epoch === epoch && current.seq >= seq) return;
    this.heads.set(tenant, { epoch, seq });
  }

  tenants(): string[] {
    return [...this.heads.keys()];
  }
}
