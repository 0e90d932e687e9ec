import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_PATH, tokenResponseSchema } from '../../../protocol/http-api';
import { freePort } from '../../../test-support/free-port';
import { DEFAULT_HOSTED_HUB_SETTINGS } from './hosted-hub-settings';
import { buildHubProcessLaunch } from './hub-process-launch';
import { parseHubChildMessage, type HubChildMessage } from './hub-process-messages';
import { mainSidePort, serveHubSecrets } from './hub-secrets';

/** The bundled hub's real entry; Electron runs it in a utilityProcess, this test in a Node fork with an IPC channel. */
const ENTRY = resolve(import.meta.dirname, '../../main/hub-process-entry.ts');
const ROOT = resolve(import.meta.dirname, '../../..');
const ADMIN = { username: 'admin', password: 'bundled-admin-pw-4417-never-in-env' };

const children = new Set<ChildProcess>();
const dirs: string[] = [];
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function nextMessage(child: ChildProcess, type: HubChildMessage['type'], timeoutMs = 30_000) {
  return new Promise<HubChildMessage>((done, fail) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(
      () => fail(new Error(`no ${type} from the hub within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    child.on('message', (raw) => {
      const message = parseHubChildMessage(raw);
      if (message.type !== type) return;
      clearTimeout(timer);
      done(message);
    });
  });
}

async function forkBundledHub(options: { serveSecrets: boolean }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bundled-hub-'));
  dirs.push(dataDir);
  const port = await freePort();
  const launch = buildHubProcessLaunch({
    settings: { ...DEFAULT_HOSTED_HUB_SETTINGS, demo: false },
    port,
    hubDataDir: dataDir,
    consoleDir: join(dataDir, 'no-console'),
    admin: ADMIN,
    baseEnv: process.env,
    logLevel: 'warn',
  });
  const child = fork(ENTRY, launch.args, {
    cwd: ROOT,
    env: launch.env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  if (options.serveSecrets)
    serveHubSecrets(
      mainSidePort({
        postMessage: (message) => child.send(message as object),
        on: (event, listener) => child.on(event, listener),
        off: (event, listener) => child.off(event, listener),
      }),
      launch.secrets,
    );
  return { child, port };
}

describe('the bundled hub gets its admin password over the message port', () => {
  it('sets the admin up from the port, and its environment (/proc/<pid>/environ) never holds the password', async () => {
    const { child, port } = await forkBundledHub({ serveSecrets: true });
    const ready = await nextMessage(child, 'ready');
    expect(ready).toMatchObject({ type: 'ready', port });

    const environ = readFileSync(`/proc/${child.pid}/environ`, 'latin1');
    expect(environ).toContain(`HUB_PORT=${port}`); // it is the hub's own environment
    expect(environ).not.toContain(ADMIN.password);
    expect(environ).not.toContain('HUB_ADMIN_PASSWORD');

    const answer = await fetch(`http://127.0.0.1:${port}${TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(answer.status).toBe(200);
    const token = tokenResponseSchema.parse(await answer.json());
    expect(token.scope).toContain('admin');

    const exited = new Promise<number | null>((done) => child.once('exit', done));
    child.send({ type: 'stop' });
    expect(await exited).toBe(0);
  });

  it('reports a clear failure, without starting, when no secrets arrive', async () => {
    const { child } = await forkBundledHub({ serveSecrets: false });
    const failed = await nextMessage(child, 'failed', 40_000);
    expect(failed).toMatchObject({
      type: 'failed',
      code: 'secrets',
      message: expect.stringMatching(/no secrets within 10 s/),
    });
  }, 60_000);
});
