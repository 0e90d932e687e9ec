import { join } from 'node:path';
import { utilityProcess, type UtilityProcess } from 'electron';
import { RestartPolicy } from '../../node-shared/restart-policy';
import type { HostedHubStatus } from '../../protocol/bridge/host-bridge';
import { CodedError, isCode, type Code } from '../../protocol/codes';
import type { CoreLogger } from '../core/core-logger';
import type { CredentialStore } from '../core/credential-store';
import { ensureAdminCredential } from '../core/hosted-hub/admin-credential';
import {
  loadHostedHubSettings,
  saveHostedHubSettings,
} from '../core/hosted-hub/hosted-hub-settings';
import { buildHubProcessLaunch } from '../core/hosted-hub/hub-process-launch';
import { mainSidePort, serveHubSecrets } from '../core/hosted-hub/hub-secrets';
import {
  HUB_STOP_MESSAGE,
  localHubUrl,
  parseHubChildMessage,
} from '../core/hosted-hub/hub-process-messages';
import { choosePort } from '../core/hosted-hub/port-choice';

export interface HostedHubOptions {
  /** The console's data dir; the hub gets `<dataDir>/hosted-hub`. */
  dataDir: string;
  /** Built renderer folder, served by the hub at /console for browsers on the LAN. */
  consoleDir: string;
  /** out/main/hub-process.js. */
  entryPath: string;
  credentials: CredentialStore;
  /** False when IT policy disables hosting a hub. */
  allowed: boolean;
  log: CoreLogger;
  onStatus(status: HostedHubStatus): void;
}

/** Started hub: where this console reaches it and the admin credential to sign in with. */
export interface StartedHub {
  status: HostedHubStatus;
  hubUrl: string;
  admin: { username: string; password: string };
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/** A `{code, message}` error the IPC layer passes to the renderer as it is. */
function hubError(code: Code, message: string): CodedError {
  return new CodedError(code, message);
}

/**
 * "Host a hub on this PC": runs the project's hub in an Electron
 * utilityProcess, on the embedded backplane (or Redis when REDIS_URL is set),
 * bound to the configured address, with its admin credential in the keychain.
 */
export class HostedHub {
  #child: UtilityProcess | null = null;
  #status: HostedHubStatus = { running: false };
  #starting: Promise<StartedHub> | null = null;
  // A wall display left on for weeks must not stay dark because the hub crashed once;
  // the same policy as `ops-hub supervise` (1 s doubling to 30 s, give up after 5 in 2 min).
  readonly #restarts = new RestartPolicy();
  #restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: HostedHubOptions) {}

  status(): HostedHubStatus {
    return this.#status;
  }

  /** Whether the user chose to start the hub with the console last time. */
  async shouldAutoStart(): Promise<boolean> {
    if (!this.options.allowed) return false;
    return (await loadHostedHubSettings(this.options.dataDir, (m) => this.options.log.warn(m)))
      .autoStart;
  }

  /**
   * Starts the hub (or returns the running one) and resolves once it listens.
   * @throws `{code, message}` errors: `forbidden` (policy), `bad_address`, `port_in_use`, `config`, `hub_exited`, `hub_timeout`.
   */
  start(request: { demo?: boolean; bindAddress?: string } = {}): Promise<StartedHub> {
    if (!this.options.allowed)
      return Promise.reject(
        hubError('forbidden', 'Hosting a hub on this PC is turned off by your IT policy.'),
      );
    this.#starting ??= this.#start(request).finally(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  async #start(request: { demo?: boolean; bindAddress?: string }): Promise<StartedHub> {
    const { dataDir, log } = this.options;
    if (this.#child && this.#status.running && this.#status.url) {
      const admin = await ensureAdminCredential(this.options.credentials, this.#status.url);
      return { status: this.#status, hubUrl: this.#status.url, admin };
    }
    const saved = await loadHostedHubSettings(dataDir, (m) => log.warn(m));
    const redisUrl = process.env.REDIS_URL || undefined;
    const settings = {
      ...saved,
      demo: request.demo ?? saved.demo,
      bindAddress: request.bindAddress ?? saved.bindAddress,
      useRedis: redisUrl !== undefined,
    };
    let port: number;
    try {
      ({ port } = await choosePort(settings.port, settings.bindAddress));
    } catch (error) {
      throw hubError(
        'bad_address',
        `Cannot listen on ${settings.bindAddress}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Use 127.0.0.1, 0.0.0.0 or an address of this PC.`,
      );
    }
    const hubUrl = localHubUrl(port, settings.bindAddress);
    const admin = await ensureAdminCredential(this.options.credentials, hubUrl);
    const launch = buildHubProcessLaunch({
      settings,
      port,
      hubDataDir: join(dataDir, 'hosted-hub'),
      consoleDir: this.options.consoleDir,
      admin,
      redisUrl,
      baseEnv: process.env,
    });
    const child = utilityProcess.fork(this.options.entryPath, launch.args, {
      env: launch.env,
      serviceName: 'Ops Hub',
      stdio: 'pipe',
    });
    this.#child = child;
    serveHubSecrets(mainSidePort(child), launch.secrets);
    child.stdout?.on('data', (chunk: Buffer) =>
      log.info({ hub: chunk.toString('utf8').trimEnd() }, 'bundled hub'),
    );
    child.stderr?.on('data', (chunk: Buffer) =>
      log.warn({ hub: chunk.toString('utf8').trimEnd() }, 'bundled hub'),
    );
    const ready = await this.#waitForReady(child);
    this.#setStatus({ running: true, url: hubUrl, demo: ready.demo });
    log.info(
      { url: hubUrl, bound: ready.url, backplane: ready.backplane, demo: ready.demo },
      'bundled hub is running',
    );
    await saveHostedHubSettings(dataDir, { ...settings, port: ready.port, autoStart: true });
    const startedAt = Date.now();
    child.once('exit', (code) => {
      if (this.#child !== child) return;
      this.#child = null;
      this.#restartAfterCrash(code, Date.now() - startedAt, {
        demo: ready.demo,
        bindAddress: settings.bindAddress,
      });
    });
    return { status: this.#status, hubUrl, admin };
  }

  /** Restarts the hub after an exit nobody asked for, or says why it no longer does. */
  #restartAfterCrash(
    code: number,
    ranForMs: number,
    request: { demo: boolean; bindAddress: string },
  ): void {
    const { log } = this.options;
    const decision = this.#restarts.onUnexpectedExit(Date.now(), ranForMs);
    if (decision.kind === 'give_up') {
      log.error(
        { code, exits: decision.crashesInWindow },
        'bundled hub keeps exiting; not restarting it',
      );
      this.#setStatus({
        running: false,
        error: {
          code: 'hub_exited',
          message: `The hub on this PC stopped ${decision.crashesInWindow} times within 2 minutes (last exit code ${code}). Start it again from Settings; the log says why it stops.`,
        },
      });
      return;
    }
    const seconds = Math.ceil(decision.delayMs / 1000);
    log.warn({ code, delayMs: decision.delayMs }, 'bundled hub exited; restarting it');
    this.#setStatus({
      running: false,
      error: {
        code: 'hub_exited',
        message: `The hub on this PC stopped (exit code ${code}); restarting it in ${seconds} s.`,
      },
    });
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      this.start(request).catch((error: unknown) =>
        log.error({ err: error }, 'bundled hub could not be restarted'),
      );
    }, decision.delayMs);
  }

  #waitForReady(
    child: UtilityProcess,
  ): Promise<{ port: number; url: string; backplane: string; demo: boolean }> {
    return new Promise((resolve, reject) => {
      const fail = (code: Code, message: string) => {
        cleanup();
        child.kill();
        if (this.#child === child) this.#child = null;
        this.#setStatus({ running: false, error: { code, message } });
        reject(hubError(code, message));
      };
      const timer = setTimeout(
        () =>
          fail(
            'hub_timeout',
            `The hub did not start within ${READY_TIMEOUT_MS / 1000} s; see the log.`,
          ),
        READY_TIMEOUT_MS,
      );
      const onMessage = (raw: unknown) => {
        const message = parseHubChildMessage(raw);
        if (message.type === 'awaiting_secrets') return; // answered by serveHubSecrets
        if (message.type === 'failed') {
          const code = isCode(message.code) ? message.code : 'hub_failed';
          fail(code, `The hub could not start: ${message.message}`);
          return;
        }
        cleanup();
        resolve(message);
      };
      const onExit = (code: number) =>
        fail('hub_exited', `The hub exited while starting (exit code ${code}); see the log.`);
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }

  /** Asks the hub to drain and exit; kills it if it has not exited within 15 s. */
  async stop(): Promise<void> {
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    this.#restartTimer = null;
    const child = this.#child;
    if (!child) return;
    this.#child = null;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.options.log.warn('bundled hub did not stop in time; killing it');
        child.kill();
        resolve();
      }, STOP_TIMEOUT_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.postMessage(HUB_STOP_MESSAGE);
    });
    this.#setStatus({ running: false });
  }

  #setStatus(status: HostedHubStatus): void {
    this.#status = status;
    this.options.onStatus(status);
  }
}
