import { app, type Session } from 'electron';
import { redactUrl } from '../../node-shared/redact-url';
import type { CoreLogger } from '../core/core-logger';
import { isTrustedSenderUrl, type TrustedOrigin } from '../ipc/sender-check';

/**
 * Electron's security checklist, applied to every web contents the app ever
 * creates: no navigation away from our pages, no new windows from pages
 * (windows are opened by main through `windows.open`), no <webview>, and every
 * permission request denied. https://www.electronjs.org/docs/latest/tutorial/security
 */
export function hardenWebContents(trusted: readonly TrustedOrigin[], log: CoreLogger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isTrustedSenderUrl(url, trusted)) return;
      event.preventDefault();
      log.warn({ url: redactUrl(url) }, 'blocked navigation away from the console');
    });
    contents.on('will-redirect', (event, url) => {
      if (isTrustedSenderUrl(url, trusted)) return;
      event.preventDefault();
      log.warn({ url: redactUrl(url) }, 'blocked redirect away from the console');
    });
    // Pages never open windows themselves, and untrusted URLs are never handed to shell.openExternal.
    contents.setWindowOpenHandler(({ url }) => {
      log.warn({ url: redactUrl(url) }, 'blocked window.open from a page');
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.warn('blocked a <webview>');
    });
  });
}

/** Denies every permission (camera, notifications, geolocation…): the console needs none. */
export function denyAllPermissions(session: Session, log: CoreLogger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.info({ permission }, 'denied a permission request');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
