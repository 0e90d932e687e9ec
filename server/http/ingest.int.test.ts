import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { postJson } from '../../test-support/ws-test-client';
import { BACKPLANES, hubOn } from '../../test-support/backplane-matrix';
import type { InProcessHub } from '../../test-support/in-process-hub';

/** The nine literal examples of docs/protocol.md (issue 2), one per known type. */
const LITERAL_EXAMPLES = [
  {
    type: 'order.placed',
    id: 'o-1042-placed',
    location: 'beirut-downtown',
    data: {
      orderId: 'o-1042',
      channel: 'dine_in',
      items: [{ sku: 'hummus', name: 'Hummus', qty: 2, unitPrice: 45000 }],
      total: 90000,
      currency: 'LBP',
    },
  },
  {
    type: 'order.status',
    location: 'beirut-downtown',
    data: { orderId: 'o-1042', status: 'preparing' },
  },
  { type: 'table.seated', location: 'beirut-downtown', data: { tableId: 'T12', covers: 4 } },
  { type: 'table.cleared', location: 'beirut-downtown', data: { tableId: 'T12' } },
  {
    type: 'payment.status',
    location: 'beirut-downtown',
    data: {
      paymentId: 'p-77',
      orderId: 'o-1042',
      method: 'card',
      amount: 90000,
      currency: 'LBP',
      status: 'failed',
      reason: 'insufficient_funds',
    },
  },
  {
    type: 'inventory.level',
    location: 'jounieh',
    data: { sku: 'chicken-breast', name: 'Chicken breast', qty: 4, threshold: 10, unit: 'kg' },
  },
  { type: 'queue.length', location: 'jounieh', data: { queue: 'waitlist', length: 7 } },
  {
    type: 'metric',
    data: { name: 'checkout.p95_ms', value: 182, unit: 'ms', labels: { service: 'checkout' } },
  },
  {
    type: 'alert',
    location: 'jounieh',
    data: { severity: 'critical', message: 'Card terminal offline at the bar' },
  },
];

describe.each(BACKPLANES)('ingest validation (%s backplane)', (kind) => {
  let setup: Awaited<ReturnType<typeof hubOn>>;
  let hub: InProcessHub;
  let auth: Record<string, string>;
  const tenant = 'cedar-group';
  const post = (body: unknown, headers: Record<string, string> = auth) =>
    postJson(hub.url + ingestPath(tenant), body, headers);

  beforeAll(async () => {
    setup = await hubOn(kind);
    hub = setup.hub;
    auth = {
      Authorization: `Bearer ${await hub.mintToken({ tenants: [tenant], scope: 'publish' })}`,
    };
  });
  afterAll(async () => setup?.stop());

  it('accepts the nine documented examples as one batch', async () => {
    const answer = await post({ events: LITERAL_EXAMPLES });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: 9, duplicates: 0 });
  });

  it('counts an id seen again within the retention window as a duplicate', async () => {
    const event = { type: 'alert', id: 'dup-1', data: { severity: 'info', message: 'once' } };
    const first = await post(event);
    const again = await post({ events: [event, { ...event, id: 'dup-2' }] });
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(again.body).toMatchObject({ accepted: 1, duplicates: 1 });
    const allDuplicates = await post(event);
    expect(allDuplicates.body).toEqual({
      accepted: 0,
      firstSeq: null,
      lastSeq: null,
      duplicates: 1,
      epoch: expect.any(String),
    });
  });

  it('answers 400 with field errors for missing data fields, unknown top-level fields and bad types', async () => {
    const missing = await post({ type: 'order.placed', data: { orderId: 'o-1' } });
    expect(missing.status).toBe(400);
    const paths = (missing.body as { error: { fields: Array<{ path: string }> } }).error.fields.map(
      (f) => f.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['data.channel', 'data.total', 'data.currency']));
    expect(
      (await post({ type: 'alert', data: { severity: 'info', message: 'x' }, colour: 'red' }))
        .status,
    ).toBe(400);
    expect((await post({ type: 'Not A Type', data: {} })).status).toBe(400);
    expect(
      (
        await post({
          type: 'order.placed',
          data: { orderId: 'o', channel: 'dine_in', items: [], total: 1.5, currency: 'LBP' },
        })
      ).status,
    ).toBe(400);
  });

  it('passes extra data fields through and accepts unknown event types', async () => {
    const answer = await post({ type: 'x-pos.shift_closed', data: { cashier: 'Rami', drawer: 3 } });
    expect(answer.status).toBe(200);
    const extra = await post({ type: 'table.cleared', data: { tableId: 'T1', busser: 'Lina' } });
    expect(extra.status).toBe(200);
    const range = await hub.backplane.readAfter(
      tenant,
      (extra.body as { lastSeq: number }).lastSeq - 1,
    );
    expect(range.complete && range.events[0]?.event.data).toEqual({
      tableId: 'T1',
      busser: 'Lina',
    });
  });

  it('accepts operator action events from a producer and stamps via with its token sub, over any via it sent', async () => {
    const answer = await post({
      events: [
        {
          type: 'order.bumped',
          location: 'beirut-downtown',
          data: { orderId: 'o-1042', by: 'pos-terminal-3', via: 'someone-else' },
        },
        { type: 'alert.acknowledged', data: { alertId: 'a-1', by: 'Rami' } },
        {
          type: 'order.cleared',
          data: { orderId: 'o-7', by: 'Lina', reason: 'voided on the POS' },
        },
        { type: 'x-pos.note', data: { via: 'kept as sent' } },
      ],
    });
    expect(answer.status).toBe(200);
    const { firstSeq } = answer.body as { firstSeq: number };
    const range = await hub.backplane.readAfter(tenant, firstSeq - 1);
    expect(range.complete && range.events.map((e) => e.event.data)).toEqual([
      { orderId: 'o-1042', by: 'pos-terminal-3', via: 'test' },
      { alertId: 'a-1', by: 'Rami', via: 'test' },
      { orderId: 'o-7', by: 'Lina', reason: 'voided on the POS', via: 'test' },
      { via: 'kept as sent' },
    ]);
    const noBy = await post({ type: 'order.recalled', data: { orderId: 'o-1' } });
    expect(noBy.status).toBe(400);
    const noReason = await post({ type: 'order.cleared', data: { orderId: 'o-1', by: 'Lina' } });
    expect(noReason.status).toBe(400);
  });

  it('refuses more than 500 events, bodies over 1 MiB, non-JSON and wrong content types', async () => {
    const alert = { type: 'alert', data: { severity: 'info', message: 'x' } };
    expect((await post({ events: Array.from({ length: 501 }, () => alert) })).status).toBe(400);
    expect((await post({ events: [] })).status).toBe(400);
    expect(
      (
        await post({
          type: 'alert',
          data: { severity: 'info', message: 'x'.repeat(1000), pad: 'y'.repeat(1024 * 1024) },
        })
      ).status,
    ).toBe(413);
    expect((await post('{"type":', auth)).status).toBe(400);
    const text = await fetch(hub.url + ingestPath(tenant), {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: JSON.stringify(alert),
    });
    expect(text.status).toBe(415);
  });

  it('answers 400 for an invalid tenant id in the path', async () => {
    expect(
      (
        await postJson(
          `${hub.url}/v1/tenants/Bad%20Tenant/events`,
          { type: 'alert', data: {} },
          auth,
        )
      ).status,
    ).toBe(400);
  });
});
