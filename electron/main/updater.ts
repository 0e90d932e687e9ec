import { accessSync, constants } from 'node:fs';
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { CoreLogger } from '../core/core-logger';
import type { LoadedPolicy } from '../core/policy/managed-policy';
import { readBuiltFeed } from '../core/updates/app-update-file';
import { detectInstallKind } from '../core/updates/install-kind';
import { loadStagingId } from '../core/updates/staging-id';
import { channelOfVersion, planUpdates } from '../core/updates/update-plan';
import { UpdateService, type UpdateInstaller } from '../core/updates/update-service';

/** How often a running console looks for a new version. */
const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/**
 * Builds the update service for this installation: the decision is
 * electron/core's (plan, feed check, staging, install kind); electron-updater
 * only downloads and installs, and only when core says so (per-user installs).
 */
export async function createUpdateService(
  loaded: LoadedPolicy,
  log: CoreLogger,
): Promise<UpdateService> {
  const built = app.isPackaged ? await readBuiltFeed(process.resourcesPath) : {};
  if (built.problem) log.warn(`no built-in update feed: ${built.problem}`);
  const installKind = detectInstallKind({
    isPackaged: app.isPackaged,
    platform: process.platform,
    execPath: process.execPath,
    env: process.env,
    appBundleWritable: process.platform === 'darwin' ? isAppBundleWritable() : undefined,
  });
  const plan = planUpdates({
    loaded,
    installKind,
    builtFeedUrl: built.url,
    builtChannel: channelOfVersion(app.getVersion()),
  });
  log.info({ plan, installKind }, 'update plan');
  const service = new UpdateService({
    plan,
    currentVersion: app.getVersion(),
    platform: process.platform,
    arch: process.arch,
    stagingId: () => loadStagingId(app.getPath('userData')),
    installer: electronUpdaterInstaller(log),
    log: (level, message, detail) => log[level](detail, message),
    policyProblem: loaded.error,
  });
  service.start(CHECK_EVERY_MS);
  return service;
}

/** Whether the user can replace the .app bundle; any doubt counts as no, which leaves updates to IT. */
function isAppBundleWritable(): boolean {
  const bundle = process.execPath.replace(/\.app\/Contents\/.*$/, '.app');
  try {
    accessSync(bundle, constants.W_OK);
    return true;
  } catch {
    // EACCES/EPERM (root-owned /Applications) or anything else: per machine; the plan is logged with it.
    return false;
  }
}

/** electron-updater as the downloader: configured from the plan, never auto-downloading by itself. */
function electronUpdaterInstaller(log: CoreLogger): UpdateInstaller {
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = {
    info: (message: unknown) => log.info({ component: 'electron-updater' }, String(message)),
    warn: (message: unknown) => log.warn({ component: 'electron-updater' }, String(message)),
    error: (message: unknown) => log.error({ component: 'electron-updater' }, String(message)),
    debug: (message: string) => log.debug({ component: 'electron-updater' }, message),
  };
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  return {
    async download(plan, version, onProgress) {
      autoUpdater.setFeedURL({ provider: 'generic', url: plan.feedUrl });
      autoUpdater.channel = plan.channel === 'stable' ? 'latest' : 'beta';
      // Setting a channel turns downgrades on; a pinned channel must never move a PC backwards.
      autoUpdater.allowDowngrade = false;
      autoUpdater.allowPrerelease = plan.channel === 'beta';
      // core already placed this PC in the rollout, from the same .updaterId.
      autoUpdater.isUserWithinRollout = () => true;
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable)
        throw new Error(`the feed no longer offers ${version}; will check again later`);
      const listener = (progress: { percent: number }) => onProgress(progress.percent);
      autoUpdater.on('download-progress', listener);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.off('download-progress', listener);
      }
    },
    restartAndInstall() {
      autoUpdater.quitAndInstall(false, true);
    },
  };
}
