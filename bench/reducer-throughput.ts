/**
 * Benchmark: how fast the shared board reducer applies events, and how large the
 * reduced state stays. The hub applies every event of every tenant it holds, and
 * each window applies its tenant's live events, so this bounds both.
 * Run: npx tsx bench/reducer-throughput.ts [events]
 */
import { createBoardState, reduce, reduceAll, type BoardState } from '../protocol/board';
import type { OpsEvent } from '../protocol/events';

const total = Number(process.argv[2] ?? 200_000);
if (!Number.isInteger(total) || total <= 0) {
  console.error('usage: tsx bench/reducer-throughput.ts [events: a positive integer]');
  process.exit(2);
}

const locations = ['downtown', 'hamra', 'jounieh', 'byblos'];
function eventAt(i: number): OpsEvent {
  const location = locations[i % locations.length];
  const orderId = `o-${Math.floor(i / 5)}`;
  switch (i % 5) {
    case 0:
      return {
        id: `e${i}`,
        type: 'order.placed',
        location,
        data: {
          orderId,
          channel: 'dine_in',
          items: [{ sku: 'hummus', name: 'حمص', qty: 2, unitPrice: 45000 }],
          total: 90000,
          currency: 'LBP',
        },
      };
    case 1:
      return {
        id: `e${i}`,
        type: 'order.status',
        location,
        data: { orderId, status: 'preparing' },
      };
    case 2:
      return {
        id: `e${i}`,
        type: 'payment.status',
        location,
        data: {
          paymentId: `p${i}`,
          method: 'card',
          amount: 90000,
          currency: 'LBP',
          status: i % 20 === 2 ? 'failed' : 'captured',
        },
      };
    case 3:
      return {
        id: `e${i}`,
        type: 'table.seated',
        location,
        data: { tableId: `T${i % 40}`, covers: 2 },
      };
    default:
      return { id: `e${i}`, type: 'order.status', location, data: { orderId, status: 'served' } };
  }
}

let state: BoardState = createBoardState({ timeZone: 'Asia/Beirut', currency: 'LBP' });
const start0 = Date.UTC(2026, 10, 22, 9, 0);
const began = process.hrtime.bigint();
for (let i = 0; i < total; i++)
  state = reduce(state, { seq: i + 1, ts: start0 + i * 50, event: eventAt(i) });
const elapsedMs = Number(process.hrtime.bigint() - began) / 1e6;

const snapshotBytes = Buffer.byteLength(JSON.stringify(state));
console.log(
  `reducer: ${total} events in ${elapsedMs.toFixed(0)} ms = ${Math.round((total / elapsedMs) * 1000)} events/s`,
);
console.log(
  `reducer: snapshot size after ${total} events = ${(snapshotBytes / 1024).toFixed(1)} KiB (bounded by BOARD_LIMITS)`,
);
console.log(`reducer: heap used ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB`);

// The worst case for the board: the open-order map at its cap, so every order
// also evicts one. Windows and the hub apply events in batches (`reduceAll`).
function placedAt(i: number) {
  return {
    seq: i + 1,
    ts: start0 + i * 10,
    event: {
      id: `cap${i}`,
      type: 'order.placed',
      location: locations[i % locations.length],
      data: { orderId: `cap-${i}`, channel: 'dine_in', items: [], total: 100, currency: 'LBP' },
    } as OpsEvent,
  };
}
let capped = reduceAll(
  createBoardState({ timeZone: 'Asia/Beirut' }),
  Array.from({ length: 600 }, (_, i) => placedAt(i)),
);
const single = process.hrtime.bigint();
for (let i = 600; i < 1600; i++) capped = reduce(capped, placedAt(i));
const singleMs = Number(process.hrtime.bigint() - single) / 1e6;
const batch = Array.from({ length: 1000 }, (_, k) => placedAt(1600 + k));
const batched = process.hrtime.bigint();
capped = reduceAll(capped, batch);
const batchMs = Number(process.hrtime.bigint() - batched) / 1e6;
console.log(
  `reducer at ${Object.keys(capped.openOrders).length} open orders: one event at a time ${(singleMs / 1000).toFixed(2)} ms/event; in a batch of 1000 ${(batchMs / 1000).toFixed(3)} ms/event`,
);
