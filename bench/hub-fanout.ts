/**
 * Benchmark: fan-out of one tenant's events to many WebSocket clients.
 * Starts an in-process hub on the memory backplane, opens N clients subscribed to
 * one tenant, publishes M events through the ingest API and prints delivered
 * frames/s and publish→receive lag percentiles. Clients run in the same process,
 * so figures include their cost. Figures only; it never fails on a timing.
 * Run: npx tsx bench/hub-fanout.ts [clients=500] [events=2000] [batch=50]
 */
import WebSocket from 'ws';
import { ingestPath } from '../protocol/http-api';
import { startInProcessHub } from '../server/hub/testing/in-process-hub';

const [clients, events, batch] = [
  process.argv[2] ?? '500',
  process.argv[3] ?? '2000',
  process.argv[4] ?? '50',
].map(Number) as [number, number, number];
if (![clients, events, batch].every((n) => Number.isInteger(n) && n > 0) || batch > 500) {
  console.error('usage: tsx bench/hub-fanout.ts [clients>0] [events>0] [batch 1..500]');
  process.exit(2);
}

const hub = await startInProcessHub({
  backplane: 'memory',
  env: { HUB_IP_CONNECT_RATE: '0', HUB_MAX_CONNECTIONS: String(clients + 10) },
});
const tenant = 'harbor-eats';
const token = await hub.mintToken({ tenants: [tenant] });
const lags: number[] = [];
let received = 0;
let lastSeqSeen = 0;
const sockets: WebSocket[] = [];

const opened = Date.now();
await Promise.all(
  Array.from(
    { length: clients },
    () =>
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(hub.wsUrl, 'ops.v1', {
          headers: { Authorization: `Bearer ${token}` },
        });
        sockets.push(ws);
        ws.on('error', reject);
        ws.on('message', (data) => {
          const text = data.toString();
          if (text.startsWith('{"type":"snapshot"')) return resolve();
          if (!text.startsWith('{"type":"event"')) return;
          const frame = JSON.parse(text) as { seq: number; ts: number };
          received += 1;
          lastSeqSeen = Math.max(lastSeqSeen, frame.seq);
          if (received % 10 === 0) lags.push(Date.now() - frame.ts);
        });
        ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', tenant })));
      }),
  ),
);
console.log(`opened and subscribed ${clients} clients in ${Date.now() - opened} ms`);

const publish = await hub.mintToken({ tenants: [tenant], scope: 'publish' });
const started = Date.now();
for (let sent = 0; sent < events; sent += batch) {
  const body = {
    events: Array.from({ length: Math.min(batch, events - sent) }, (_, i) => ({
      type: 'queue.length',
      location: 'dubai-marina',
      data: { queue: 'kitchen', length: sent + i },
    })),
  };
  const res = await fetch(hub.url + ingestPath(tenant), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${publish}` },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
}
const expected = clients * events;
while (received < expected && Date.now() - started < 120_000)
  await new Promise((r) => setTimeout(r, 20));
const seconds = (Date.now() - started) / 1000;
lags.sort((a, b) => a - b);
const pct = (p: number) => lags[Math.min(lags.length - 1, Math.floor((lags.length * p) / 100))];
console.log(
  `delivered ${received}/${expected} frames in ${seconds.toFixed(2)} s: ${Math.round(received / seconds)} frames/s`,
);
console.log(
  `publish→receive lag (sampled): p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${lags.at(-1)} ms`,
);
for (const ws of sockets) ws.terminate();
await hub.close();
process.exit(0);
