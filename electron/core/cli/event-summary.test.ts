import { describe, expect, it } from 'vitest';
import { KNOWN_EVENT_TYPES, type OpsEvent } from '../../../protocol/events';
import { formatMinorUnits, formatTime, readableId, summarizeEvent } from './event-summary';

// 2026-11-27T08:04:31Z: 12:04:31 in Dubai (UTC+4), 10:04:31 in Beirut (UTC+2).
const TS = Date.UTC(2026, 10, 27, 8, 4, 31);
const DUBAI = { timeZone: 'Asia/Dubai' };

function event(type: string, data: Record<string, unknown>, location?: string): OpsEvent {
  return { type, id: `e-${type}`, ...(location ? { location } : {}), data };
}

const EXAMPLES: Record<string, [OpsEvent, string]> = {
  'order.placed': [
    event(
      'order.placed',
      {
        orderId: 'o-1042',
        channel: 'dine_in',
        currency: 'AED',
        total: 18_400,
        items: [
          { sku: 'b', name: 'Harbor burger', qty: 2, unitPrice: 7200 },
          { sku: 'f', name: 'Truffle fries', qty: 1, unitPrice: 3200 },
          { sku: 'l', name: 'Mint lemonade', qty: 1, unitPrice: 800 },
          { sku: 'w', name: 'Flat white', qty: 1, unitPrice: 0 },
        ],
      },
      'dubai-marina',
    ),
    '12:04:31 order.placed o-1042 AED 184.00 · Dubai Marina · dine-in · 2× Harbor burger, 1× Truffle fries, 1× Mint lemonade +1 more',
  ],
  'order.status': [
    event(
      'order.status',
      { orderId: 'o-1042', status: 'cancelled', reason: 'customer_request' },
      'jbr-walk',
    ),
    '12:04:31 order.status o-1042 cancelled · Jbr Walk · customer_request',
  ],
  'table.seated': [
    event('table.seated', { tableId: 'T4', covers: 3 }, 'dubai-marina'),
    '12:04:31 table.seated table T4 seated, 3 covers · Dubai Marina',
  ],
  'table.cleared': [
    event('table.cleared', { tableId: 'T4' }, 'dubai-marina'),
    '12:04:31 table.cleared table T4 cleared · Dubai Marina',
  ],
  'payment.status': [
    event(
      'payment.status',
      { paymentId: 'p-1', method: 'card', amount: 8400, currency: 'AED', status: 'captured' },
      'dubai-marina',
    ),
    '12:04:31 payment.status captured AED 84.00 · Dubai Marina · card',
  ],
  'inventory.level': [
    event(
      'inventory.level',
      { sku: 'salmon', name: 'Salmon fillet', qty: 4.5, threshold: 6, unit: 'kg' },
      'downtown-dubai',
    ),
    '12:04:31 inventory.level Salmon fillet 4.5 kg LOW (threshold 6 kg) · Downtown Dubai',
  ],
  'queue.length': [
    event('queue.length', { queue: 'drive_thru', length: 7 }, 'al-quoz-kitchen'),
    '12:04:31 queue.length drive-thru 7 · Al Quoz Kitchen',
  ],
  metric: [
    event('metric', {
      name: 'checkout.p95_ms',
      value: 182,
      unit: 'ms',
      labels: { service: 'checkout' },
    }),
    '12:04:31 metric checkout.p95_ms 182 ms · service=checkout',
  ],
  alert: [
    event('alert', { severity: 'critical', message: 'Walk-in freezer above -15°C' }, 'jbr-walk'),
    '12:04:31 alert CRITICAL Walk-in freezer above -15°C · Jbr Walk',
  ],
  'alert.acknowledged': [
    event('alert.acknowledged', { alertId: 'a-9f2', by: 'alice', actionId: 'act-0001' }),
    '12:04:31 alert.acknowledged a-9f2 by alice',
  ],
  'alert.resolved': [
    event('alert.resolved', { alertId: 'a-9f2', by: 'alice' }, 'jbr-walk'),
    '12:04:31 alert.resolved a-9f2 by alice · Jbr Walk',
  ],
  'order.bumped': [
    event('order.bumped', { orderId: 'o-77', by: 'alice' }, 'beirut-downtown'),
    '12:04:31 order.bumped o-77 by alice · Beirut Downtown',
  ],
  'order.recalled': [
    event('order.recalled', { orderId: 'o-77', by: 'alice' }, 'beirut-downtown'),
    '12:04:31 order.recalled o-77 by alice · Beirut Downtown',
  ],
  'order.cleared': [
    event('order.cleared', { orderId: 'o-77', by: 'alice', reason: 'lost status event' }),
    '12:04:31 order.cleared o-77 by alice: lost status event',
  ],
};

describe('summarizeEvent', () => {
  it('has a worked example for every type in the catalog', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...KNOWN_EVENT_TYPES].sort());
  });

  it.each(Object.entries(EXAMPLES))(
    'prints %s as one line with its contents, in the tenant time zone',
    (_type, [input, line]) => {
      expect(summarizeEvent(input, TS, DUBAI)).toBe(line);
    },
  );

  it('names a failed payment with its reason, in minor units of the currency (LBP has none)', () => {
    const failed = event(
      'payment.status',
      {
        paymentId: 'p',
        method: 'wallet',
        amount: 1_350_000,
        currency: 'LBP',
        status: 'failed',
        reason: 'card_declined',
      },
      'beirut-downtown',
    );
    expect(summarizeEvent(failed, TS, { timeZone: 'Asia/Beirut' })).toBe(
      '10:04:31 payment.status failed LBP 1,350,000 · Beirut Downtown · wallet · card_declined',
    );
  });

  it('marks stock at zero as OUT and above the threshold as ok', () => {
    const level = (qty: number) =>
      summarizeEvent(
        event('inventory.level', { sku: 's', name: 'Buns', qty, threshold: 40 }),
        TS,
        DUBAI,
      );
    expect(level(0)).toBe('12:04:31 inventory.level Buns 0 OUT (threshold 40)');
    expect(level(120)).toBe('12:04:31 inventory.level Buns 120 ok (threshold 40)');
  });

  it('prints a type outside the catalog with its primitive data fields', () => {
    const custom = event(
      'x-pos.shift_closed',
      { cashier: 'Rana', drawer: 3, nested: { a: 1 } },
      'jbr-walk',
    );
    expect(summarizeEvent(custom, TS, DUBAI)).toBe(
      '12:04:31 x-pos.shift_closed Jbr Walk · cashier=Rana drawer=3',
    );
  });

  it('names the producer token an ingested action came through, and strips controls from who acted', () => {
    const ingested = event(
      'order.bumped',
      { orderId: 'o-77', by: 'chef\u001b[31mrana', via: 'pos-bridge' },
      'beirut-downtown',
    );
    expect(summarizeEvent(ingested, TS, DUBAI)).toBe(
      '12:04:31 order.bumped o-77 by chef\uFFFD[31mrana via pos-bridge · Beirut Downtown',
    );
  });

  it('falls back to the generic form for an action without the person who acted', () => {
    const odd = event('order.cleared', { orderId: 'o-77', reason: 'stuck' });
    expect(summarizeEvent(odd, TS, DUBAI)).toBe('12:04:31 order.cleared orderId=o-77 reason=stuck');
  });

  it('falls back to the generic form when a known type carries data that does not fit the catalog', () => {
    const odd = event('payment.status', { paymentId: 'p', status: 'weird' });
    expect(summarizeEvent(odd, TS, DUBAI)).toBe('12:04:31 payment.status paymentId=p status=weird');
  });

  it('strips terminal escape sequences and bidi overrides from producer text', () => {
    const hostile = event('alert', { severity: 'info', message: 'ok\u001b[2J\u202eevil\nnext' });
    const line = summarizeEvent(hostile, TS, DUBAI);
    expect(line).toBe('12:04:31 alert INFO ok\uFFFD[2J\uFFFDevil\uFFFDnext');
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f]/);
  });

  it('shows the time in the machine zone when the tenant zone is unknown or invalid', () => {
    const local = formatTime(TS);
    expect(formatTime(TS, 'Not/AZone')).toBe(local);
    expect(summarizeEvent(EXAMPLES.alert![0], TS).startsWith(`${local} alert`)).toBe(true);
  });
});

describe('helpers', () => {
  it('formats minor units with the currency digits and keeps unknown codes as raw numbers', () => {
    expect(formatMinorUnits(8400, 'AED')).toBe('AED 84.00');
    expect(formatMinorUnits(1234, 'KWD')).toBe('KWD 1.234');
    expect(formatMinorUnits(5, 'ZZ1')).toBe('ZZ1 5');
  });

  it('makes ids readable but leaves names and codes alone', () => {
    expect(readableId('dubai-marina')).toBe('Dubai Marina');
    expect(readableId('store-042')).toBe('store-042');
    expect(readableId('JBR Walk')).toBe('JBR Walk');
  });
});
