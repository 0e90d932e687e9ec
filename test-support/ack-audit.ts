import { randomUUID } from 'node:crypto';
import { ingestPath } from '../protocol/http-api';
import type { HubMessage } from '../protocol/messages';
import { connectTestClient, postJson, type TestClient } from './ws-test-client';

/**
 * The no-silent-loss audit of the failover tests. A producer posts events with ids
 * (retrying a 503 or a dropped request with the same id) and records every ack
 * together with how many frames each watched client had at that moment. Then, per
 * client, every acknowledged event must have been delivered, or the client must have
 * got a snapshot after the ack that covers it: one with a new epoch (history lost and
 * announced) or one of the same epoch at or past the event's seq. And across acks and
 * all clients' frames, no (epoch, seq) may name two different events.
 */
export interface Ack {
  id: string;
  seq: number;
  epoch: string;
  /** Per watched client, its frame count when the ack arrived. */
  marks: Map<TestClient, number>;
}

export interface AuditFigures {
  acknowledged: number;
  /** Acked events that never reached this client as an event frame. */
  lost: number;
  /** Of those, how many a later snapshot announced (new epoch, or covering seq). */
  announced: number;
  violations: string[];
}

export class AckAudit {
  readonly acks: Ack[] = [];
  refused = 0;
  private n = 0;

  constructor(
    private readonly tenant: string,
    private readonly clients: TestClient[],
  ) {}

  /**
   * Posts one event to one of the hubs (round robin) and retries with the same id, on the
   * next hub, until it is acknowledged.
   * @throws when no hub acknowledged it within `timeoutMs` (default 20 s).
   */
  async publish(hubs: Array<{ url: string; token: string }>, timeoutMs = 20_000): Promise<Ack> {
    this.n += 1;
    const id = `ev-${this.n}-${randomUUID().slice(0, 8)}`;
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const hub = hubs[(this.n + attempt) % hubs.length] as { url: string; token: string };
      try {
        const answer = await postJson(
          hub.url + ingestPath(this.tenant),
          {
            id,
            type: 'queue.length',
            location: 'jounieh',
            data: { queue: 'kitchen', length: this.n },
          },
          { Authorization: `Bearer ${hub.token}` },
        );
        const body = answer.body as {
          lastSeq?: number | null;
          epoch?: string;
          duplicates?: number;
        };
        if (answer.status === 200 && typeof body.epoch === 'string') {
          const marks = new Map(this.clients.map((c) => [c, c.frames.length] as const));
          // An all-duplicate answer (a retry of a write that went through) names no seq.
          const ack: Ack = { id, seq: body.lastSeq ?? -1, epoch: body.epoch, marks };
          this.acks.push(ack);
          return ack;
        }
        if (answer.status !== 503) throw new Error(`ingest answered ${answer.status}`);
      } catch (error) {
        if (!(error instanceof Error) || /ingest answered/.test(error.message)) throw error;
      }
      this.refused += 1;
      if (Date.now() > deadline) throw new Error(`event ${id} was not acknowledged in time`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Checks one client against every ack taken while it was watched. */
  check(client: TestClient): AuditFigures {
    const violations: string[] = [];
    const frames = client.frames.filter(
      (f) =>
        (f.type === 'snapshot' || f.type === 'event' || f.type === 'resumed') &&
        f.tenant === this.tenant,
    );
    const delivered = new Set<string>();
    for (const f of client.frames)
      if (f.type === 'event' && f.tenant === this.tenant) delivered.add(f.event.id);
    let lost = 0;
    let announced = 0;
    let acknowledged = 0;
    for (const ack of this.acks) {
      const mark = ack.marks.get(client);
      if (mark === undefined) continue;
      acknowledged += 1;
      if (delivered.has(ack.id)) continue;
      lost += 1;
      const later = client.frames.slice(mark);
      const covered = later.some(
        (f) =>
          f.type === 'snapshot' &&
          f.tenant === this.tenant &&
          (f.epoch !== ack.epoch || f.seq >= ack.seq),
      );
      if (covered) announced += 1;
      else violations.push(`event ${ack.id} (${ack.epoch}:${ack.seq}) lost silently`);
    }
    if (frames.length === 0) violations.push('the client got no frames at all');
    return { acknowledged, lost, announced, violations };
  }

  /** Whether `client` got a snapshot of another epoch after `ack` arrived: the loss was announced to it. */
  announcedTo(client: TestClient, ack: Ack): boolean {
    const mark = ack.marks.get(client);
    if (mark === undefined) return false;
    return client.frames
      .slice(mark)
      .some((f) => f.type === 'snapshot' && f.tenant === this.tenant && f.epoch !== ack.epoch);
  }

  /** Every (epoch, seq) named by an ack or a client's frames names one event id. */
  pairConflicts(): string[] {
    const named = new Map<string, string>();
    const conflicts: string[] = [];
    const name = (epoch: string, seq: number, id: string, where: string) => {
      const key = `${epoch}:${seq}`;
      const known = named.get(key);
      if (known === undefined) named.set(key, id);
      else if (known !== id) conflicts.push(`${key} names ${known} and ${id} (${where})`);
    };
    for (const ack of this.acks) if (ack.seq > 0) name(ack.epoch, ack.seq, ack.id, 'ack');
    for (const client of this.clients) walkEvents(client.frames, this.tenant, name);
    return conflicts;
  }
}

function walkEvents(
  frames: HubMessage[],
  tenant: string,
  name: (epoch: string, seq: number, id: string, where: string) => void,
): void {
  let epoch: string | null = null;
  for (const f of frames) {
    if ((f.type === 'snapshot' || f.type === 'resumed') && f.tenant === tenant) epoch = f.epoch;
    else if (f.type === 'event' && f.tenant === tenant && epoch !== null)
      name(epoch, f.seq, f.event.id, 'client frame');
  }
}

/** A hub a test publishes to and watches from: an in-process hub or a hub process. */
export interface HubUnderTest {
  url: string;
  wsUrl: string;
  mintToken(claims: { tenants: string[]; scope?: string }): Promise<string>;
}

/**
 * The set-up every failover test shares: a publish target per hub, and one client per hub
 * subscribed to every tenant (each waited for until its snapshot). Clients are pushed onto
 * `clients` as they connect, so the caller's cleanup closes them even if a later one fails.
 * @returns the publish targets and one audit per tenant, in the order of `tenants`.
 */
export async function watchFromEveryHub(
  hubs: HubUnderTest[],
  tenants: string[],
  clients: TestClient[],
): Promise<{ targets: Array<{ url: string; token: string }>; audits: AckAudit[] }> {
  const targets = await Promise.all(
    hubs.map(async (hub) => ({
      url: hub.url,
      token: await hub.mintToken({ tenants, scope: 'publish' }),
    })),
  );
  for (const hub of hubs) {
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants }),
    });
    clients.push(client);
    for (const tenant of tenants) {
      client.send({ type: 'subscribe', tenant });
      await client.waitFor((f) => f.type === 'snapshot' && f.tenant === tenant);
    }
  }
  return { targets, audits: tenants.map((tenant) => new AckAudit(tenant, clients)) };
}
