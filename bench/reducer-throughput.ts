/**
 * Benchmark: how fast the shared board reducer applies events, and how large the
 * reduced state stays. The hub applies every event of every tenant it holds, and
 * each window applies its tenant's live events, so this bounds both.
 * Run: npx tsx bench/reducer-throughput.ts [events]
 */
import {
  BOARD_LIMITS,
  createBoardState,
  reduce,
  reduceAll,
  type BoardState,
  type OrderCaps,
} from '../protocol/board';
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

// The worst case for the board: the open-order book at its cap, so every new order also
// moves one to the summary (or, before issue 10, evicted one). Windows and the hub apply
// events in batches (`reduceAll`); a single window event is one `reduce`.
// Run with `node --expose-gc --import tsx bench/reducer-throughput.ts` for exact memory figures.
function placedAt(i: number) {
  return {
    seq: i + 1,
    ts: start0 + i * 10,
    event: {
      id: `cap${i}`,
      type: 'order.placed',
      location: locations[i % locations.length],
      data: {
        orderId: `cap-${i}`,
        channel: 'dine_in',
        items: [
          { sku: 'hummus', name: 'Hummus', qty: 2, unitPrice: 45000 },
          { sku: 'fattoush', name: 'Fattoush', qty: 1, unitPrice: 60000 },
          { sku: 'kibbeh', name: 'Kibbeh', qty: 3, unitPrice: 30000 },
        ],
        total: 240000,
        currency: 'LBP',
      },
    } as OpsEvent,
  };
}

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function measureAtCap(label: string, caps: OrderCaps, open: number): void {
  const heapBefore = heapMiB();
  let capped = reduceAll(
    createBoardState({ timeZone: 'Asia/Beirut' }),
    Array.from({ length: open }, (_, i) => placedAt(i)),
    caps,
  );
  const heapAfter = heapMiB();
  const bytes = Buffer.byteLength(JSON.stringify(capped));
  const detailed = Object.keys(capped.openOrders).length;
  const summarised = capped.olderOpenOrders?.count ?? 0;
  const single = process.hrtime.bigint();
  for (let i = open; i < open + 200; i++) capped = reduce(capped, placedAt(i), caps);
  const singleMs = Number(process.hrtime.bigint() - single) / 1e6;
  const batch = Array.from({ length: 1000 }, (_, k) => placedAt(open + 200 + k));
  const batched = process.hrtime.bigint();
  capped = reduceAll(capped, batch, caps);
  const batchMs = Number(process.hrtime.bigint() - batched) / 1e6;
  console.log(
    `${label}: ${open} open orders -> ${detailed} detailed + ${summarised} summarised; ` +
      `snapshot ${(bytes / 1024).toFixed(1)} KiB; board heap ${(heapAfter - heapBefore).toFixed(1)} MiB; ` +
      `reduce at the cap ${(singleMs / 200).toFixed(2)} ms/event one at a time, ${(batchMs / 1000).toFixed(3)} ms/event in a batch of 1000`,
  );
}

const fullCap = BOARD_LIMITS.openOrders + (BOARD_LIMITS.summarisedOrders ?? 0);
measureAtCap('old cap (500 detailed, no summary)', { openOrders: 500, summarisedOrders: 0 }, 3000);
measureAtCap(`new cap, kitchen at 3,000 open`, BOARD_LIMITS, 3000);
measureAtCap(`new cap, kitchen at ${fullCap} open (the full cap)`, BOARD_LIMITS, fullCap);
