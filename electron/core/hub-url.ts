import { networkInterfaces } from 'node:os';
import { CodedError } from '../../protocol/codes';
import { WS_PATH } from '../../protocol/ids';

/** A hub URL flag or field that is not an http(s) base URL. */
export class HubUrlError extends CodedError {
  override readonly name: string = 'HubUrlError';
  constructor(message: string, code: 'bad_hub_url' | 'insecure_hub_url' = 'bad_hub_url') {
    super(code, message);
  }
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

/** A plain-http URL of a hub that is not on this computer, refused unless policy allows it. */
export class InsecureHubUrlError extends HubUrlError {
  override readonly name = 'InsecureHubUrlError';
  constructor(message: string) {
    super(message, 'insecure_hub_url');
  }
}

/** What decides whether plain http is acceptable to a remote hub (managed policy `allowInsecureRemoteHubs`). */
export interface HubTransportPolicy {
  allowInsecureRemoteHubs: boolean;
  /**
   * Addresses of this computer's own interfaces (default: `os.networkInterfaces()`):
   * a hub bound to one of them, such as the bundled hub on a LAN address, is on this
   * computer and its traffic never leaves it.
   */
  ownAddresses?: readonly string[];
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).map((entry) => entry.address.toLowerCase()),
  );
}

/** True for localhost and the loopback addresses (127.0.0.0/8, ::1): traffic that never leaves this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Refuses `http://` (and so `ws://`) to a hub that is not on this computer: the
 * password, the tokens and the boards would cross the network unencrypted.
 * Loopback hubs stay allowed over http; so does everything when IT sets
 * `allowInsecureRemoteHubs` in the managed policy (a lab network, say).
 * @throws InsecureHubUrlError saying to use https:// or which policy key to set.
 */
export function requireSecureHubTransport(hubUrl: string, policy: HubTransportPolicy): void {
  const url = new URL(hubUrl);
  if (url.protocol !== 'http:' || policy.allowInsecureRemoteHubs || isLoopbackHost(url.hostname))
    return;
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if ((policy.ownAddresses ?? interfaceAddresses()).includes(host)) return;
  throw new InsecureHubUrlError(
    `${url.origin} is not on this computer, so it must be reached over https:// (wss:// for the link): ` +
      'over plain http the password, tokens and boards would cross the network unencrypted. ' +
      `Use https://${url.host}, or, on a trusted network only, have IT set "allowInsecureRemoteHubs": true in the managed policy.`,
  );
}
