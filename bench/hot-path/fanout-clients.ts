/**
 * Child process of bench/hub-fanout.ts `--child`: opens N WebSocket clients on one
 * tenant, so the hub's process measures only the hub. Receives its job over IPC
 * (the token never travels in argv or the environment), checks seq continuity per
 * client, samples hub-acceptance → receive lag, and reports over IPC.
 * @internal bench only
 */
import WebSocket from 'ws';

interface Job {
  wsUrl: string;
  token: string;
  tenant: string;
  clients: number;
  protocols: string[];
  expectedPerClient: number;
}

interface EventFrame {
  seq: number;
  ts: number;
}

const send = (message: unknown): void => {
  process.send?.(message);
};

process.once('message', (job: Job) => void run(job));

async function run(job: Job): Promise<void> {
  const lags: number[] = [];
  let received = 0;
  let messages = 0;
  let batches = 0;
  let outOfOrder = 0;
  let done = 0;
  const sockets: WebSocket[] = [];
  const opened = Date.now();
  const report = (): void => {
    send({ type: 'report', received, messages, batches, outOfOrder, lags });
  };
  const onFrame = (state: { last: number }, frame: EventFrame): void => {
    received += 1;
    if (frame.seq !== state.last + 1 && state.last !== 0) outOfOrder += 1;
    state.last = frame.seq;
    if (received % 10 === 0) lags.push(Date.now() - frame.ts);
  };
  await Promise.all(
    Array.from(
      { length: job.clients },
      () =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(job.wsUrl, job.protocols, {
            headers: { Authorization: `Bearer ${job.token}` },
          });
          sockets.push(ws);
          const state = { last: 0, count: 0 };
          ws.on('error', reject);
          ws.on('message', (data: Buffer) => {
            if (data[9] === 0x73 /* s: {"type":"snapshot" */) {
              state.last = (JSON.parse(data.toString()) as { seq: number }).seq;
              return resolve();
            }
            messages += 1;
            const before = received;
            // Cheaper than JSON.parse, so one client process keeps up with the hub:
            // every `"seq":` and `"ts":` in an event or events frame belongs to a frame.
            const text = data.toString();
            if (text.startsWith('{"type":"events"')) batches += 1;
            else if (!text.startsWith('{"type":"event"')) return;
            for (let at = text.indexOf('"seq":'); at !== -1; at = text.indexOf('"seq":', at + 6)) {
              const tsAt = text.indexOf('"ts":', at);
              onFrame(state, {
                seq: Number.parseInt(text.slice(at + 6, at + 26), 10),
                ts: Number.parseInt(text.slice(tsAt + 5, tsAt + 25), 10),
              });
            }
            state.count += received - before;
            if (state.count === job.expectedPerClient) done += 1;
            if (done === job.clients) report();
          });
          ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', tenant: job.tenant })));
        }),
    ),
  );
  send({ type: 'ready', connectMs: Date.now() - opened });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'report') report();
    if (message.type === 'stop') {
      for (const ws of sockets) ws.terminate();
      process.exit(0);
    }
  });
}
