import { WS_PATH } from '../../protocol/ids';

/** A hub URL flag or field that is not an http(s) base URL. */
export class HubUrlError extends Error {
  override readonly name = 'HubUrlError';
}

/**
 * Normalises a hub base URL: http or https, no query, fragment or credentials,
 * no trailing slash. The result is also the keychain account prefix, so
 * `http://h:8787/` and `http://h:8787` name the same hub.
 * @throws HubUrlError with a message that says what to pass instead.
 */
export function normalizeHubUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new HubUrlError(
      `--hub must be the hub's http(s) base URL, such as http://127.0.0.1:8787; got ${JSON.stringify(input)}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HubUrlError(
      `--hub must start with http:// or https:// (the WebSocket URL is derived from it); got ${url.protocol}//`,
    );
  }
  if (url.username || url.password)
    throw new HubUrlError('--hub must not carry credentials; use `ops-console login`');
  if (url.search || url.hash) throw new HubUrlError('--hub must not carry a query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The WebSocket endpoint of a (normalised) hub base URL: http→ws, https→wss, plus /v1/ws. */
export function wsUrlOf(hubUrl: string): string {
  return `${hubUrl.replace(/^http/, 'ws')}${WS_PATH}`;
}
