import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { appAssetResponse } from '../core/windows/app-asset-response';
import { APP_HOST, APP_SCHEME } from '../ipc/sender-check';

/**
 * Our renderer is served from `app://console/`, not `file://`: a custom
 * standard, secure scheme gives the windows a real origin of their own (the
 * sender check and CSP rely on it), and unlike file:// it cannot read the rest
 * of the disk. https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `rendererDir` on `app://console/` in `session`, every response with our CSP. */
export function serveRenderer(session: Session, rendererDir: string, csp: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await appAssetResponse(rendererDir, request.url, APP_HOST, csp, (file) =>
      readFile(file),
    );
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
