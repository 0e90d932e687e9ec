import type { DemoLocation } from './demo-tenants';
import { releaseTable, seatParty } from './floor';
import { consumeStock } from './inventory';
import { payOrder } from './payments';
import { pick, secondsBetween } from './seeded-random';
import type { DemoStep, OrderStage, SimOrder } from './tenant-simulation-state';

const NEXT_STAGE: Readonly<Record<OrderStage, OrderStage | null>> = {
  placed: 'accepted',
  accepted: 'preparing',
  preparing: 'ready',
  ready: 'served',
  served: null,
};
/**
 * Seconds until the next stage, as [min, max]: a ticket takes 8 to 25 minutes from
 * placed to ready, as in a busy restaurant kitchen, and is served within minutes.
 */
const STAGE_DELAY_S: Readonly<Record<OrderStage, readonly [number, number]>> = {
  placed: [30, 120],
  accepted: [60, 180],
  preparing: [390, 1200],
  ready: [60, 240],
  served: [0, 0],
};
/**
 * Kitchen details some items carry (modifiers and notes, as a POS sends them),
 * by sku. Every fourth item of a dish that has some gets one, chosen by the
 * order number, so the random stream (and every other demo figure) is unchanged.
 */
const KITCHEN_DETAILS: ReadonlyMap<
  string,
  ReadonlyArray<{ modifiers?: string[]; note?: string }>
> = new Map([
  ['shish-taouk', [{ modifiers: ['بدون ثوم'] }, { modifiers: ['صوص حار', 'بطاطا إضافية'] }]],
  ['hummus', [{ modifiers: ['مع لحمة'] }, { note: 'بدون زيت زيتون' }]],
  ['manakish', [{ modifiers: ['مع جبنة'] }]],
  ['fattoush', [{ note: 'حساسية: سمسم' }, { modifiers: ['بدون خبز مقلي'] }]],
  ['flat-white', [{ modifiers: ['Oat milk'] }, { modifiers: ['Oat milk', 'Extra shot'] }]],
  [
    'burger',
    [{ modifiers: ['No onions'] }, { modifiers: ['Medium rare'], note: 'Gluten-free bun' }],
  ],
  ['poke-bowl', [{ note: 'Allergy: sesame' }, { modifiers: ['No avocado'] }]],
  ['fries', [{ modifiers: ['No truffle oil'] }]],
]);

/** The kitchen details of item `index` of order number `orderNumber`, if it gets some. */
function kitchenDetails(
  sku: string,
  orderNumber: number,
  index: number,
): { modifiers?: string[]; note?: string } {
  const options = KITCHEN_DETAILS.get(sku);
  if (!options || (orderNumber + index) % 4 !== 0) return {};
  const chosen = options[orderNumber % options.length];
  return chosen
    ? { ...chosen, ...(chosen.modifiers ? { modifiers: [...chosen.modifiers] } : {}) }
    : {};
}

/** Share of placed orders the customer cancels before the kitchen accepts them. */
const CANCEL_CHANCE = 0.03;

/**
 * A new order at `location` (`order.placed`, id `<orderId>-placed`): dine-in
 * seats a party first (or joins the waitlist and places nothing), takeaway and
 * delivery pay up front, and every order uses up some stock.
 */
export function placeOrder(step: DemoStep, location: DemoLocation): void {
  const { sim, now, emit } = step;
  const roll = sim.random();
  let channel: SimOrder['channel'] = roll < 0.6 ? 'dine_in' : roll < 0.8 ? 'takeaway' : 'delivery';
  if (location.tables === 0) channel = 'delivery';
  let tableId: string | undefined;
  if (channel === 'dine_in') {
    tableId = seatParty(step, location);
    if (!tableId) return;
  }
  const count = 1 + Math.floor(sim.random() * 4);
  const items = Array.from({ length: count }, (_, index) => {
    const item = pick(sim.random, sim.tenant.menu);
    return {
      sku: item.sku,
      name: item.name,
      qty: 1 + Math.floor(sim.random() * 3),
      unitPrice: item.price,
      ...kitchenDetails(item.sku, sim.counter + 1, index),
    };
  });
  const total = items.reduce((sum, i) => sum + i.qty * i.unitPrice, 0);
  sim.counter += 1;
  const orderId = `o-${sim.counter}`;
  const order: SimOrder = {
    id: orderId,
    location,
    channel,
    stage: 'placed',
    nextAt: now + secondsBetween(sim.random, STAGE_DELAY_S.placed),
    total,
    tableId,
    paid: false,
  };
  sim.orders.set(orderId, order);
  emit({
    type: 'order.placed',
    id: `${orderId}-placed`,
    location: location.id,
    ts: now,
    data: {
      orderId,
      channel,
      items,
      total,
      currency: sim.tenant.currency,
      ...(tableId ? { tableId } : {}),
    },
  });
  if (channel !== 'dine_in') payOrder(step, order);
  consumeStock(step, location);
}

/**
 * Moves every due order one stage on (`order.status`, id `<orderId>-<stage>`);
 * a few placed orders are cancelled instead. A served order is paid if it was
 * not yet (dine-in) and its table is released.
 */
export function advanceOrders(step: DemoStep): void {
  const { sim, now, emit } = step;
  for (const order of sim.orders.values()) {
    if (order.nextAt > now) continue;
    if (order.stage === 'placed' && sim.random() < CANCEL_CHANCE) {
      emit({
        type: 'order.status',
        location: order.location.id,
        data: { orderId: order.id, status: 'cancelled', reason: 'customer_request' },
      });
      finishOrder(step, order);
      continue;
    }
    const next = NEXT_STAGE[order.stage];
    if (!next) continue;
    order.stage = next;
    emit({
      type: 'order.status',
      id: `${order.id}-${next}`,
      location: order.location.id,
      data: { orderId: order.id, status: next },
    });
    if (next === 'served') {
      if (!order.paid) payOrder(step, order);
      finishOrder(step, order);
    } else {
      order.nextAt = now + secondsBetween(sim.random, STAGE_DELAY_S[next]);
    }
  }
}

function finishOrder(step: DemoStep, order: SimOrder): void {
  step.sim.orders.delete(order.id);
  releaseTable(step, order);
}
