import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';

/**
 * Host header allow-list against DNS rebinding: a page on `attacker.example` that
 * re-resolves its name to 127.0.0.1 still sends `Host: attacker.example`. The hub answers
 * only Host names that cannot be rebound (IP literals, `localhost` and `*.localhost`),
 * this machine's own name (`name` and `name.local`, so LAN displays can use it), and
 * the names listed in HUB_ALLOWED_HOSTS; `*` there turns the check off (a proxy in front
 * checks Host instead).
 */
export function createHostCheck(
  allowedHosts: readonly string[],
  machineName: string = hostname(),
): (req: IncomingMessage) => boolean {
  const anyHost = allowedHosts.includes('*');
  const machine = machineName.toLowerCase();
  const listed = new Set([...allowedHosts, machine, `${machine}.local`]);
  return (req) => {
    if (anyHost) return true;
    const name = hostName(req.headers.host);
    if (name === null) return false;
    if (name === 'localhost' || name.endsWith('.localhost')) return true;
    if (isIP(name) !== 0) return true;
    return listed.has(name);
  };
}

/** The Host header's name, lower case, without port or IPv6 brackets; null when absent or malformed. */
function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end > 1 ? host.slice(1, end) : null;
  }
  const name = host.split(':')[0] ?? '';
  return /^[a-z0-9.-]+$/.test(name) ? name.replace(/\.$/, '') : null;
}

export const MISDIRECTED_MESSAGE =
  'the Host header names a host this hub does not serve; add it to HUB_ALLOWED_HOSTS';

/**
 * Who may read GET /metrics: with HUB_METRICS_TOKEN, only `Authorization: Bearer <token>`
 * (compared in constant time); without it, only clients on a loopback address, so a hub
 * bound to a public interface does not publish tenant names and volumes.
 */
export function createMetricsAccess(
  token: string | undefined,
): (req: IncomingMessage) => 'ok' | 'unauthorized' | 'forbidden' {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return (req) => {
    if (!expected) return isLoopback(req.socket.remoteAddress) ? 'ok' : 'forbidden';
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? 'ok'
      : 'unauthorized';
  };
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
