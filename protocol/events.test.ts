import { describe, expect, it } from 'vitest';
import { eventInputSchema, typeMatches } from './events';
import { ingestBodySchema, MAX_INGEST_BATCH } from './http-api';

/** The literal examples from the protocol contract (docs/protocol.md), one per known type. */
const CONTRACT_EXAMPLES = [
  '{"type":"order.placed","id":"o-1042-placed","location":"beirut-downtown","data":{"orderId":"o-1042","channel":"dine_in","items":[{"sku":"hummus","name":"Hummus","qty":2,"unitPrice":45000}],"total":90000,"currency":"LBP"}}',
  '{"type":"order.status","location":"beirut-downtown","data":{"orderId":"o-1042","status":"preparing"}}',
  '{"type":"table.seated","location":"beirut-downtown","data":{"tableId":"T12","covers":4}}',
  '{"type":"table.cleared","location":"beirut-downtown","data":{"tableId":"T12"}}',
  '{"type":"payment.status","location":"beirut-downtown","data":{"paymentId":"p-77","orderId":"o-1042","method":"card","amount":90000,"currency":"LBP","status":"failed","reason":"insufficient_funds"}}',
  '{"type":"inventory.level","location":"jounieh","data":{"sku":"chicken-breast","name":"Chicken breast","qty":4,"threshold":10,"unit":"kg"}}',
  '{"type":"queue.length","location":"jounieh","data":{"queue":"waitlist","length":7}}',
  '{"type":"metric","data":{"name":"checkout.p95_ms","value":182,"unit":"ms","labels":{"service":"checkout"}}}',
  '{"type":"alert","location":"jounieh","data":{"severity":"critical","message":"Card terminal offline at the bar"}}',
];

describe('event catalog', () => {
  it.each(CONTRACT_EXAMPLES)('accepts the contract example %s', (raw) => {
    expect(eventInputSchema.safeParse(JSON.parse(raw)).success).toBe(true);
  });

  it('keeps extra data fields of known types', () => {
    const parsed = eventInputSchema.parse({
      type: 'table.seated',
      data: { tableId: 'T1', covers: 2, server: 'Maya' },
    });
    expect(parsed.data).toEqual({ tableId: 'T1', covers: 2, server: 'Maya' });
  });

  it('rejects an unknown top-level field', () => {
    const result = eventInputSchema.safeParse({
      type: 'alert',
      data: { severity: 'info', message: 'x' },
      tenant: 'other',
    });
    expect(result.success).toBe(false);
  });

  it('names the missing data field of a known type', () => {
    const result = eventInputSchema.safeParse({ type: 'order.status', data: { orderId: 'o-1' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('data.status');
  });

  it('rejects money that is not an integer of minor units', () => {
    const result = eventInputSchema.safeParse({
      type: 'payment.status',
      data: { paymentId: 'p', method: 'card', amount: 10.5, currency: 'USD', status: 'captured' },
    });
    expect(result.success).toBe(false);
  });

  it('accepts unknown types with any object data', () => {
    expect(
      eventInputSchema.safeParse({ type: 'pos.shift_closed', data: { cashier: 'Rami' } }).success,
    ).toBe(true);
  });

  it('accepts ISO-8601 and epoch-ms producer times and rejects others', () => {
    expect(
      eventInputSchema.safeParse({ type: 'x.y', ts: '2026-11-22T10:00:00+02:00' }).success,
    ).toBe(true);
    expect(eventInputSchema.safeParse({ type: 'x.y', ts: 1795000000000 }).success).toBe(true);
    expect(eventInputSchema.safeParse({ type: 'x.y', ts: 'yesterday' }).success).toBe(false);
  });

  it('limits ids to 128 characters', () => {
    expect(eventInputSchema.safeParse({ type: 'x.y', id: 'a'.repeat(128) }).success).toBe(true);
    expect(eventInputSchema.safeParse({ type: 'x.y', id: 'a'.repeat(129) }).success).toBe(false);
  });
});

describe('ingest body', () => {
  it('accepts one event or a batch of up to the documented maximum', () => {
    const one = JSON.parse(CONTRACT_EXAMPLES[1]!);
    expect(ingestBodySchema.safeParse(one).success).toBe(true);
    expect(ingestBodySchema.safeParse({ events: Array(MAX_INGEST_BATCH).fill(one) }).success).toBe(
      true,
    );
    expect(
      ingestBodySchema.safeParse({ events: Array(MAX_INGEST_BATCH + 1).fill(one) }).success,
    ).toBe(false);
    expect(ingestBodySchema.safeParse({ events: [] }).success).toBe(false);
  });
});

describe('typeMatches', () => {
  it('matches exact names, families and the wildcard', () => {
    expect(typeMatches('payment.status', ['payment.*'])).toBe(true);
    expect(typeMatches('payments.status', ['payment.*'])).toBe(false);
    expect(typeMatches('order.placed', ['order.placed'])).toBe(true);
    expect(typeMatches('order.status', ['order.placed'])).toBe(false);
    expect(typeMatches('anything', ['*'])).toBe(true);
    expect(typeMatches('alert', [])).toBe(false);
  });
});
