/**
 * Which frames may talk to the main process: only documents we loaded
 * ourselves. Checked on every IPC message against `event.senderFrame.url`,
 * because a compromised or navigated frame still has the preload's channel.
 */

/** A scheme plus host (with port when not default), e.g. `app:` + `console`, or `http:` + `localhost:5173`. */
export interface TrustedOrigin {
  protocol: string;
  host: string;
}

/** Our packaged renderer's scheme and host: `app://console/…`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN: TrustedOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

/**
 * The origins to trust: always our `app://console`; plus the electron-vite dev
 * server when (and only when) running unpackaged with ELECTRON_RENDERER_URL set.
 * @throws Error when the dev server URL is set but is not an http(s) loopback URL.
 */
export function trustedOrigins(options: {
  isPackaged: boolean;
  devServerUrl?: string | undefined;
}): TrustedOrigin[] {
  const origins = [APP_ORIGIN];
  if (!options.isPackaged && options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    if (
      !['http:', 'https:'].includes(dev.protocol) ||
      !['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname)
    ) {
      throw new Error(
        `ELECTRON_RENDERER_URL must be an http(s) loopback URL such as http://localhost:5173, got ${options.devServerUrl}`,
      );
    }
    origins.push({ protocol: dev.protocol, host: dev.host });
  }
  return origins;
}

/**
 * True when `url` (a frame's URL) belongs to one of `trusted`. Compares scheme
 * and host rather than `URL.origin`, because WHATWG gives custom schemes such
 * as `app:` the opaque origin "null", which would match every other opaque origin.
 * Rejects missing, unparsable and credential-carrying URLs.
 */
export function isTrustedSenderUrl(
  url: string | undefined | null,
  trusted: readonly TrustedOrigin[],
): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  return trusted.some(
    (origin) => origin.protocol === parsed.protocol && origin.host === parsed.host,
  );
}
