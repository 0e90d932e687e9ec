import type { SubscribeMessage, SubscriptionFilter } from '../messages';

/**
 * Where a subscription stands on the current socket:
 * - `pending`: wanted, not sent yet (the link is not live).
 * - `syncing`: subscribe sent; waiting for `snapshot` or, after replayed events, `resumed`.
 * - `active`: in sync; live events are checked for continuity.
 * - `resyncing`: a gap was found; a fresh snapshot was asked for and events are dropped until it comes.
 * - `forbidden`: the hub refused the tenant; it stays refused until the token changes.
 */
export type SubscriptionPhase = 'pending' | 'syncing' | 'active' | 'resyncing' | 'forbidden';

export interface SubscriptionEntry {
  readonly tenant: string;
  refs: number;
  readonly filter: SubscriptionFilter | undefined;
  /** Last seq received and trusted; the resume point. */
  lastSeq: number | undefined;
  epoch: string | undefined;
  phase: SubscriptionPhase;
}

/**
 * Whether the hub filters this subscription, by the hub's own rule: a filter with
 * `locations` or `types`. An empty filter `{}` is unfiltered, so it gets no `prev`
 * and is held to strict seq continuity.
 */
function isFiltered(entry: SubscriptionEntry): boolean {
  return entry.filter?.locations !== undefined || entry.filter?.types !== undefined;
}

/** The verdict on one event frame. `gap` means a seq was lost and a resync is due. */
export type Continuity = 'accept' | 'duplicate' | 'gap' | 'ignore';

/**
 * Reference-counted subscriptions of one link, with each tenant's resume point.
 * Several windows may show one tenant; the hub sees one subscription.
 * The first subscriber's filter is the one sent to the hub.
 * @internal used by LinkClient
 */
export class SubscriptionBook {
  private readonly entries = new Map<string, SubscriptionEntry>();

  /** Adds a reference. Returns the entry and whether it is new (so a subscribe must be sent). */
  add(
    tenant: string,
    filter?: SubscriptionFilter,
    resumeFrom?: { seq: number; epoch: string },
  ): { entry: SubscriptionEntry; created: boolean } {
    const existing = this.entries.get(tenant);
    if (existing) {
      existing.refs += 1;
      return { entry: existing, created: false };
    }
    const entry: SubscriptionEntry = {
      tenant,
      refs: 1,
      filter,
      lastSeq: resumeFrom?.seq,
      epoch: resumeFrom?.epoch,
      phase: 'pending',
    };
    this.entries.set(tenant, entry);
    return { entry, created: true };
  }

  /** Drops a reference. Returns true when it was the last one (so an unsubscribe must be sent). */
  release(tenant: string): boolean {
    const entry = this.entries.get(tenant);
    if (!entry) return false;
    entry.refs -= 1;
    if (entry.refs > 0) return false;
    this.entries.delete(tenant);
    return true;
  }

  get(tenant: string): SubscriptionEntry | undefined {
    return this.entries.get(tenant);
  }

  all(): SubscriptionEntry[] {
    return [...this.entries.values()];
  }

  /** The subscribe frame for an entry: with its resume point when it has one. */
  subscribeFrame(entry: SubscriptionEntry, fresh = false): SubscribeMessage {
    const frame: SubscribeMessage = { type: 'subscribe', tenant: entry.tenant };
    if (!fresh && entry.lastSeq !== undefined && entry.epoch !== undefined) {
      frame.resumeFrom = entry.lastSeq;
      frame.epoch = entry.epoch;
    }
    if (entry.filter) frame.filter = entry.filter;
    return frame;
  }

  /** Every subscription goes back to `pending` when its socket is gone. */
  socketLost(): void {
    for (const entry of this.entries.values()) {
      if (entry.phase !== 'forbidden') entry.phase = 'pending';
    }
  }

  /** A new token may grant tenants again. */
  clearForbidden(): void {
    for (const entry of this.entries.values())
      if (entry.phase === 'forbidden') entry.phase = 'pending';
  }

  /**
   * Checks an event's seq against the subscription. Unfiltered subscriptions
   * must advance by exactly one. Filtered ones carry `prev`, the seq of the
   * previous frame the hub sent on them: a `prev` above our last seq means a
   * frame we never got. Accepting advances the resume point.
   */
  checkEvent(tenant: string, seq: number, prev: number | undefined): Continuity {
    const entry = this.entries.get(tenant);
    if (!entry || entry.lastSeq === undefined) return 'ignore';
    if (entry.phase !== 'active' && entry.phase !== 'syncing') return 'ignore';
    if (seq <= entry.lastSeq) return 'duplicate';
    const continuous =
      isFiltered(entry) && prev !== undefined ? prev <= entry.lastSeq : seq === entry.lastSeq + 1;
    if (!continuous) return 'gap';
    entry.lastSeq = seq;
    return 'accept';
  }

  /** A snapshot resets the resume point; the subscription is in sync. */
  snapshot(tenant: string, seq: number, epoch: string): SubscriptionEntry | undefined {
    const entry = this.entries.get(tenant);
    if (!entry || entry.phase === 'forbidden') return undefined;
    entry.lastSeq = seq;
    entry.epoch = epoch;
    entry.phase = 'active';
    return entry;
  }

  /**
   * The hub finished a replay. Unfiltered: its seq must equal the last one we got,
   * or something was lost in between. Filtered: the tail of the replay may have
   * been filtered out, so any seq at or above ours is consistent.
   */
  resumed(tenant: string, seq: number, epoch: string): 'ok' | 'gap' | 'unknown' {
    const entry = this.entries.get(tenant);
    if (!entry || entry.phase !== 'syncing' || entry.lastSeq === undefined) return 'unknown';
    const consistent =
      epoch === entry.epoch && (isFiltered(entry) ? seq >= entry.lastSeq : seq === entry.lastSeq);
    if (!consistent) return 'gap';
    entry.lastSeq = seq;
    entry.phase = 'active';
    return 'ok';
  }

  /** Marks a subscription as waiting for a fresh snapshot; its resume point is void. */
  startResync(tenant: string): SubscriptionEntry | undefined {
    const entry = this.entries.get(tenant);
    if (!entry) return undefined;
    entry.phase = 'resyncing';
    entry.lastSeq = undefined;
    entry.epoch = undefined;
    return entry;
  }
}
