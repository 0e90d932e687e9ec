/**
 * Benchmark: fan-out of one tenant's events to many WebSocket clients.
 * Starts an in-process hub on the memory backplane, opens N clients subscribed to
 * one tenant, publishes M events through the ingest API and prints delivered
 * frames/s and publish→receive lag percentiles. Figures only; it never fails on a timing.
 * Run: npx tsx bench/hub-fanout.ts [clients=500] [events=2000] [batch=50] [--child] [--batched] [--pace=ms]
 * - default: clients run in this process, so figures include their cost;
 * - `--child`: clients run in a child process (bench/hot-path/fanout-clients.ts), so this
 *   process is the hub and the publisher only; profile it with `node --cpu-prof --import tsx`;
 * - `--batched`: clients offer `ops.v1.batch, ops.v1` and may receive `events` frames;
 * - `--pace=ms`: wait this long between POSTs (the quiet case: latency, not throughput);
 * - `--redis`: the Redis backplane, on a redis-server process this bench starts and stops.
 */
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { ingestPath } from '../protocol/http-api';
import { startRedis } from '../test-support/redis-server';
import { startInProcessHub } from '../test-support/in-process-hub';

const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith('--')));
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [clients, events, batch] = [
  positional[0] ?? '500',
  positional[1] ?? '2000',
  positional[2] ?? '50',
].map(Number) as [number, number, number];
if (![clients, events, batch].every((n) => Number.isInteger(n) && n > 0) || batch > 500) {
  console.error(
    'usage: tsx bench/hub-fanout.ts [clients>0] [events>0] [batch 1..500] [--child] [--batched]',
  );
  process.exit(2);
}
const paceMs = Number(
  [...flags].find((f) => f.startsWith('--pace='))?.slice('--pace='.length) ?? '0',
);
const protocols = flags.has('--batched') ? ['ops.v1.batch', 'ops.v1'] : ['ops.v1'];

const redis = flags.has('--redis') ? await startRedis() : undefined;
const hub = await startInProcessHub({
  backplane: redis ? 'redis' : 'memory',
  redisUrl: redis?.url,
  env: { HUB_IP_CONNECT_RATE: '0', HUB_MAX_CONNECTIONS: String(clients + 10) },
});
const tenant = 'harbor-eats';
const token = await hub.mintToken({ tenants: [tenant] });
const expected = clients * events;

interface Report {
  received: number;
  messages: number;
  batches: number;
  outOfOrder: number;
  lags: number[];
}

/** Clients in this process, as the bench always did. */
async function inProcessClients(): Promise<{ report: () => Report; stop: () => void }> {
  const lags: number[] = [];
  let received = 0;
  let messages = 0;
  let batches = 0;
  const sockets: WebSocket[] = [];
  const onFrame = (frame: { ts: number }): void => {
    received += 1;
    if (received % 10 === 0) lags.push(Date.now() - frame.ts);
  };
  await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(hub.wsUrl, protocols, {
            headers: { Authorization: `Bearer ${token}` },
          });
          sockets.push(ws);
          ws.on('error', reject);
          ws.on('message', (data) => {
            const text = data.toString();
            if (text.startsWith('{"type":"snapshot"')) return resolve();
            messages += 1;
            if (text.startsWith('{"type":"event"')) onFrame(JSON.parse(text) as { ts: number });
            else if (text.startsWith('{"type":"events"')) {
              batches += 1;
              for (const f of (JSON.parse(text) as { frames: Array<{ ts: number }> }).frames)
                onFrame(f);
            }
          });
          ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', tenant })));
        }),
    ),
  );
  return {
    report: () => ({ received, messages, batches, outOfOrder: 0, lags }),
    stop: () => sockets.forEach((ws) => ws.terminate()),
  };
}

/** Clients in a child process; the latest report it sent is kept. */
async function childClients(): Promise<{ report: () => Report; stop: () => void }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = fork(join(here, 'hot-path', 'fanout-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  let latest: Report = { received: 0, messages: 0, batches: 0, outOfOrder: 0, lags: [] };
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: { type: string } & Partial<Report>) => {
      if (message.type === 'ready') resolve();
      if (message.type === 'report') latest = message as Report;
    });
    child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)));
  });
  child.send({
    wsUrl: hub.wsUrl,
    token,
    tenant,
    clients,
    protocols,
    expectedPerClient: events,
  });
  await ready;
  return {
    report: () => {
      child.send({ type: 'report' });
      return latest;
    },
    stop: () => child.send({ type: 'stop' }),
  };
}

const opened = Date.now();
const fleet = flags.has('--child') ? await childClients() : await inProcessClients();
console.log(
  `${redis ? 'redis' : 'memory'} backplane; opened and subscribed ${clients} clients (${flags.has('--child') ? 'child process' : 'in process'}, ${protocols.join(', ')}) in ${Date.now() - opened} ms`,
);

const publish = await hub.mintToken({ tenants: [tenant], scope: 'publish' });
const cpuBefore = process.cpuUsage();
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
  if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
}
let result = fleet.report();
while (result.received < expected && Date.now() - started < 120_000) {
  await new Promise((r) => setTimeout(r, 50));
  result = fleet.report();
}
const seconds = (Date.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const lags = [...result.lags].sort((a, b) => a - b);
const pct = (p: number) => lags[Math.min(lags.length - 1, Math.floor((lags.length * p) / 100))];
console.log(
  `delivered ${result.received}/${expected} events in ${seconds.toFixed(2)} s: ${Math.round(result.received / seconds)} deliveries/s; ${result.messages} messages (${result.batches} batches), ${result.outOfOrder} out of order`,
);
console.log(
  `publish→receive lag (sampled): p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${lags.at(-1)} ms`,
);
console.log(
  `hub process CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (${((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)} cores)`,
);
fleet.stop();
await hub.close();
await redis?.stop();
process.exit(0);
