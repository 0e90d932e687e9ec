import { createServer } from 'node:net';
import { RestartPolicy } from '../../node-shared/restart-policy';
import { SupervisedChild } from '../supervisor/supervised-child';
import { configFromFlags } from '../runtime/runtime-config';

export interface SuperviseOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  logLevel?: string;
  demo?: boolean;
}

const READY_TIMEOUT_MS = 120_000;

/**
 * `ops-hub supervise [--demo]`: runs `ops-hub serve` and, with `--demo`, `ops-hub demo`
 * as two child processes, and restarts either when it exits without being asked to
 * (a crash, an out-of-memory kill, someone's `kill`). This is what `npm start` runs
 * when there is no Electron: an always-on wall display must not go dark because the
 * hub died once, and the demo must keep posting across hub restarts (its producer
 * retries with the same event ids, so the hub's dedup makes the retries safe).
 *
 * The hub always restarts on the same port (a free one is picked once for port 0),
 * so open consoles reconnect to the URL they know. Secrets are not passed on the
 * command line; the children inherit this process's environment.
 */
export async function supervise(options: SuperviseOptions, hubEntry: string): Promise<void> {
  const config = configFromFlags(process.env, options as Record<string, unknown>);
  const port = config.port === 0 ? await pickFreePort(config.host) : config.port;
  const localHost = ['0.0.0.0', '::', '*'].includes(config.host) ? '127.0.0.1' : config.host;
  const hubUrl = `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${port}`;
  const common = [
    ...(options.dataDir ? ['--data-dir', options.dataDir] : []),
    ...(options.logLevel ? ['--log-level', options.logLevel] : []),
  ];
  const say = (line: string) => process.stdout.write(`ops-hub supervise: ${line}\n`);

  let finished = false;
  const children: SupervisedChild[] = [];
  const finish = async (exitCode: number) => {
    if (finished) return;
    finished = true;
    // The demo stops first so it does not log a burst of retries against a hub that is closing.
    for (const child of [...children].reverse()) await child.stop();
    process.exit(exitCode);
  };

  const hub = new SupervisedChild({
    name: 'hub',
    command: process.execPath,
    args: [
      hubEntry,
      'serve',
      '--port',
      String(port),
      ...(options.host ? ['--host', options.host] : []),
      ...common,
    ],
    policy: new RestartPolicy(),
    log: say,
    onStart: (pid) => say(`hub started (pid ${pid}) on ${hubUrl}`),
    onGiveUp: (reason, exitCode) => {
      say(`giving up on the hub (${reason}); stopping.`);
      void finish(exitCode);
    },
  });
  children.push(hub);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      say(`${signal}: stopping the demo and the hub`);
      void finish(0);
    });
  hub.start();
  if (!options.demo) return;

  await waitUntilReady(hubUrl, () => finished);
  if (finished) return;
  const demo = new SupervisedChild({
    name: 'demo',
    command: process.execPath,
    args: [hubEntry, 'demo', '--hub', hubUrl, ...common],
    policy: new RestartPolicy(),
    log: say,
    onStart: (pid) => say(`demo started (pid ${pid}), publishing to ${hubUrl}`),
    onGiveUp: (reason) => say(`giving up on the demo (${reason}); the hub keeps running.`),
  });
  children.push(demo);
  demo.start();
}

/** Polls `/readyz` until the hub answers 200; the demo needs the hub's generated secret. */
async function waitUntilReady(hubUrl: string, cancelled: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!cancelled()) {
    try {
      const response = await fetch(`${hubUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet (or restarting): poll again below.
    }
    if (Date.now() > deadline)
      throw new Error(`the hub at ${hubUrl} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function pickFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
