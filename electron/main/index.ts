/**
 * The Electron main process: a thin shell around electron/core. It owns the
 * console session (links, caches, credentials), windows, the tray, the
 * bundled hub and the IPC wiring; all logic lives in plain-Node modules.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, session } from 'electron';
import { ConsoleSession } from '../core/console-session';
import { createCoreLogger } from '../core/core-logger';
import { openCredentialStore } from '../core/credential-store';
import { resolveDataDir } from '../core/data-dir';
import {
  isPolicyOverrideIgnored,
  loadManagedPolicy,
  policyFilePath,
} from '../core/policy/managed-policy';
import { kioskRotation } from '../core/policy/kiosk-policy';
import { contentSecurityPolicy } from '../core/windows/content-security-policy';
import { APP_HOST, APP_SCHEME, isTrustedSenderUrl, trustedOrigins } from '../ipc/sender-check';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { HostedHub } from './hosted-hub';
import { applyLoginItem } from './login-item';
import { createUpdateService } from './updater';
import { registerIpcHandlers } from './ipc-handlers';
import { feedPowerAndNetwork } from './power-and-network';
import { denyAllPermissions, hardenWebContents } from './security';
import { ConsoleTray } from './tray';
import { WindowManager } from './window-manager';

const here = dirname(fileURLToPath(import.meta.url));
const log = createCoreLogger();

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another console is running: it gets a 'second-instance' event and shows itself.
  app.quit();
} else {
  main().catch((error: unknown) => {
    log.fatal({ err: error }, 'Ops Console failed to start');
    app.exit(1);
  });
}

async function main(): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const trusted = trustedOrigins({ isPackaged: app.isPackaged, devServerUrl });
  hardenWebContents(trusted, log);
  await app.whenReady();

  const dataDir = resolveDataDir();
  if (isPolicyOverrideIgnored(process.env, app.isPackaged))
    log.warn(
      "OPS_CONSOLE_POLICY_FILE is ignored in installed builds; only IT's policy file applies",
    );
  const loadedPolicy = await loadManagedPolicy(
    policyFilePath(process.platform, process.env, app.isPackaged),
    (level, message, detail) => log[level](detail, message),
  );
  const { policy } = loadedPolicy;
  const rendererDir = join(here, '../renderer');
  const csp = contentSecurityPolicy(devServerUrl ? new URL(devServerUrl).origin : undefined);
  denyAllPermissions(session.defaultSession, log);
  serveRenderer(session.defaultSession, rendererDir, csp);
  if (devServerUrl) {
    // The Vite dev server sends no CSP; add ours so development runs under the same rules.
    session.defaultSession.webRequest.onHeadersReceived(
      { urls: [`${new URL(devServerUrl).origin}/*`] },
      (details, callback) => {
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
        });
      },
    );
  }

  const credentials = await openCredentialStore(log);
  const consoleSession = new ConsoleSession({
    dataDir,
    credentials,
    log,
    allowInsecureRemoteHubs: policy.allowInsecureRemoteHubs,
  });
  let tray: ConsoleTray | null = null;
  const hostedHub = new HostedHub({
    dataDir,
    consoleDir: rendererDir,
    entryPath: join(here, 'hub-process.js'),
    credentials,
    allowed: policy.allowHostedHub,
    log: log.child({ component: 'hosted-hub' }),
    onStatus: (status) => tray?.update(status),
  });
  let windows: WindowManager | null = null;
  const requireWindows = (): WindowManager => {
    if (!windows)
      throw Object.assign(new Error('The console is still starting; try again in a moment.'), {
        code: 'unavailable',
      });
    return windows;
  };
  const updates = await createUpdateService(loadedPolicy, log.child({ component: 'updates' }));
  const ipc = registerIpcHandlers({
    session: consoleSession,
    windows: requireWindows,
    hostedHub,
    updates,
    policy,
    policyProblem: loadedPolicy.error,
    appInfo: {
      name: 'Ops Console',
      version: app.getVersion(),
      host: 'electron',
      platform: process.platform,
      canHostHub: policy.allowHostedHub,
      canOpenWindows: true,
      ...(policy.playlists ? { managedPlaylists: policy.playlists } : {}),
    },
    isTrustedSender: (url) => isTrustedSenderUrl(url, trusted),
    log: log.child({ component: 'ipc' }),
  });
  consoleSession.onLinkStatus(() => ipc.broadcastLinkStatus());

  windows = new WindowManager({
    dataDir,
    preloadPath: join(here, '../preload/index.cjs'),
    rendererUrl: devServerUrl ?? `${APP_SCHEME}://${APP_HOST}/index.html`,
    log: log.child({ component: 'windows' }),
    onContentsReset: (contents) => ipc.releaseContents(contents),
    startDisplayIndex: policy.startup?.displayIndex,
    maxReloadsPerHour: policy.startup?.maxRendererReloadsPerHour,
  });
  if (policy.startup) await applyLoginItem(policy.startup.launchAtLogin, log);
  const wm = windows;

  // Caches load before the network comes up, so the first paint shows the last known state.
  await consoleSession.start();
  const stopSignals = feedPowerAndNetwork(consoleSession, log);
  await wm.restore();
  const kiosk = policy.kiosk ? kioskRotation(policy.kiosk, policy.playlists) : null;
  if (policy.kiosk && kiosk) wm.openKiosk(kiosk, policy.kiosk.displayIndex);
  const trayIcon = app.isPackaged
    ? join(process.resourcesPath, 'icons', 'tray.png')
    : join(app.getAppPath(), 'resources', 'icons', 'tray.png');
  tray = new ConsoleTray(trayIcon, { show: () => wm.focus(), quit: () => app.quit() });

  if (await hostedHub.shouldAutoStart()) {
    hostedHub
      .start()
      .then((started) =>
        consoleSession.signIn({
          hubUrl: started.hubUrl,
          username: started.admin.username,
          password: started.admin.password,
          displayName: 'This PC',
        }),
      )
      .then((result) => {
        if (!result.ok)
          log.warn(
            { code: result.error.code },
            `could not sign in to the hub on this PC: ${result.error.message}`,
          );
      })
      .catch((error: unknown) => log.error({ err: error }, 'the hub on this PC did not start'));
  }

  app.on('second-instance', () => wm.focus());
  app.on('activate', () => wm.focus());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quit flushes: layout and snapshot caches are written and the hub drains before the process exits.
  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    wm.markQuitting();
    void (async () => {
      const steps: Array<[string, () => Promise<void>]> = [
        ['save the window layout', () => wm.saveNow()],
        ['flush the snapshot caches', () => consoleSession.quit()],
        ['stop the hub on this PC', () => hostedHub.stop()],
      ];
      for (const [what, step] of steps) {
        try {
          await step();
        } catch (error) {
          log.error({ err: error }, `could not ${what} while quitting`);
        }
      }
      stopSignals();
      updates.stop();
      tray?.destroy();
      flushed = true;
      app.quit();
    })();
  });
}
