import { app } from 'electron';
import type { CoreLogger } from '../core/core-logger';
import { applyXdgAutostart, loginItemPlan } from '../core/host/login-item';

/**
 * Registers or unregisters start at login as policy `startup.launchAtLogin`
 * says (login item on Windows/macOS, XDG autostart entry on Linux). A failure
 * is logged and the console carries on: it only affects the next login.
 */
export async function applyLoginItem(enabled: boolean, log: CoreLogger): Promise<void> {
  const plan = loginItemPlan({
    enabled,
    isPackaged: app.isPackaged,
    platform: process.platform,
    execPath: process.execPath,
    env: process.env,
  });
  try {
    if (plan.kind === 'none') log.info(`start at login not changed: ${plan.why}`);
    else if (plan.kind === 'login-item')
      app.setLoginItemSettings({ openAtLogin: plan.openAtLogin });
    else await applyXdgAutostart(plan.file, plan.content);
    if (plan.kind !== 'none') log.info({ enabled }, 'start at login set from policy');
  } catch (error) {
    log.error({ err: error }, 'could not set start at login');
  }
}
