/**
 * Benchmark: the client side of one event's path (docs/architecture.md, "The path of
 * one event"), per event:
 * - link: a hub `events` frame of 100 events parsed, checked for continuity and
 *   emitted by the link client (what Electron main and the SharedWorker do);
 * - entry: a window's `events` update of 250 events checked where it enters the
 *   renderer process (`receiveBoardUpdate`, the Electron preload);
 * - window: the same update applied to the window's board view (`applyBoardUpdates`).
 * Run: npx tsx bench/event-path.ts [events]
 */
import { createBoardState } from '../protocol/board';
import type { BoardUpdate } from '../protocol/bridge/board-feed';
import { receiveBoardUpdate } from '../protocol/bridge/board-update-schema';
import type { OpsEvent, SequencedEvent } from '../protocol/events';
import { FakeClock } from '../protocol/link/fake-clock';
import { FakeSocket } from '../protocol/link/fake-socket';
import { LinkClient } from '../protocol/link/link-client';
import { applyBoardUpdates, emptyBoardView } from '../renderer/src/stores/board-view';

const total = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(total) || total < 1000) {
  console.error('usage: tsx bench/event-path.ts [events: an integer of at least 1000]');
  process.exit(2);
}

const TENANT = 't1';
const START = Date.UTC(2026, 10, 22, 9, 0);
const locations = ['downtown', 'hamra', 'jounieh', 'byblos'];

function eventAt(i: number): OpsEvent {
  const location = locations[i % locations.length];
  const orderId = `o-${Math.floor(i / 4)}`;
  switch (i % 4) {
    case 0:
      return {
        id: `e${i}`,
        type: 'order.placed',
        location,
        data: {
          orderId,
          channel: 'dine_in',
          items: [{ sku: 'hummus', name: 'Hummus', qty: 2, unitPrice: 45000 }],
          total: 90000,
          currency: 'LBP',
        },
      };
    case 1:
      return { id: `e${i}`, type: 'order.status', location, data: { orderId, status: 'served' } };
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
          status: 'captured',
        },
      };
    default:
      return {
        id: `e${i}`,
        type: 'table.seated',
        location,
        data: { tableId: `T${i % 40}`, covers: 2 },
      };
  }
}

const records: SequencedEvent[] = Array.from({ length: total }, (_, i) => ({
  seq: i + 1,
  ts: START + i * 50,
  event: eventAt(i),
}));

function msSince(began: bigint): number {
  return Number(process.hrtime.bigint() - began) / 1e6;
}

function report(label: string, ms: number): void {
  console.log(
    `event-path ${label}: ${total} events in ${ms.toFixed(0)} ms = ${((ms * 1000) / total).toFixed(2)} µs/event`,
  );
}

async function linkStep(): Promise<void> {
  const clock = new FakeClock();
  const client = new LinkClient({
    url: 'ws://hub.test/v1/ws',
    WebSocket: FakeSocket,
    clock,
    random: () => 0.5,
    getToken: async () => ({ ok: true, token: 'tok', expiresInSec: 900 }),
  });
  let received = 0;
  client.on('event', () => {
    received += 1;
  });
  client.start();
  await new Promise<void>((resolve) => setImmediate(resolve));
  const socket = FakeSocket.last();
  socket.welcome({ serverTime: clock.now(), tokenExp: Math.floor(clock.now() / 1000) + 900 });
  client.subscribe(TENANT);
  socket.deliver({
    type: 'snapshot',
    tenant: TENANT,
    seq: 0,
    epoch: 'e',
    state: createBoardState(),
  });
  const frames: string[] = [];
  for (let i = 0; i < total; i += 100)
    frames.push(
      JSON.stringify({
        type: 'events',
        frames: records
          .slice(i, i + 100)
          .map((record) => ({ type: 'event', tenant: TENANT, ...record })),
      }),
    );
  const began = process.hrtime.bigint();
  for (const frame of frames) socket.deliver(frame);
  const ms = msSince(began);
  if (received !== total) throw new Error(`the link emitted ${received} of ${total} events`);
  report('link (parse, continuity, emit)', ms);
  client.stop();
}

function windowSteps(): void {
  const updates: unknown[] = [];
  for (let i = 0; i < total; i += 250)
    updates.push({ kind: 'events', tenant: TENANT, events: records.slice(i, i + 250) });
  let began = process.hrtime.bigint();
  const checked = updates.map((update) => receiveBoardUpdate(TENANT, update));
  report('entry (receiveBoardUpdate)', msSince(began));

  const reset: BoardUpdate = {
    kind: 'reset',
    tenant: TENANT,
    state: createBoardState({ timeZone: 'Asia/Beirut', currency: 'LBP' }),
    seq: 0,
    epoch: 'e',
    freshness: 'live',
    asOf: START,
    staleSince: null,
  };
  let view = applyBoardUpdates(emptyBoardView(TENANT), [reset], START);
  began = process.hrtime.bigint();
  for (const update of checked) view = applyBoardUpdates(view, [update], START);
  report('window (applyBoardUpdates)', msSince(began));
  if (view.state?.seq !== total)
    throw new Error(`the window board ended at seq ${view.state?.seq}`);
}

await linkStep();
windowSteps();
