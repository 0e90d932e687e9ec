import { ConfigError } from './config-error';
import { integer, read, withDefault, type HubEnv } from './hub-env';

/** Where and how the hub listens and whom its HTTP side answers: HUB_HOST, HUB_PORT, TLS, origins, hosts, /console, /metrics. */
export interface HttpConfig {
  port: number;
  host: string;
  tls: { certFile: string; keyFile: string } | undefined;
  /** Extra allowed browser origins; no-Origin and same-origin upgrades are always accepted. */
  allowedOrigins: string[];
  /** Folder with the built browser console served at /console. */
  consoleDir: string;
  /**
   * Extra Host header names the hub answers to (HUB_ALLOWED_HOSTS), lower case, without port;
   * local names and IP literals are always allowed. `['*']` turns the check off.
   */
  allowedHosts: string[];
  /** Bearer token for GET /metrics (HUB_METRICS_TOKEN); unset means /metrics answers loopback clients only. */
  metricsToken: string | undefined;
}

/**
 * Reads HUB_HOST apart from the rest, so loadHubConfig can check it first and keep the order in
 * which a bad variable is reported.
 * @throws ConfigError naming HUB_HOST.
 */
export function listenHost(env: HubEnv): string {
  const host = withDefault(env, 'HUB_HOST');
  if (!/^[\w.:-]+$/.test(host))
    throw new ConfigError(
      'HUB_HOST',
      `expected a host name or IP address, got ${JSON.stringify(host)}`,
    );
  return host;
}

/** The port, TLS pair, origins, console folder, host names and metrics token. @throws ConfigError naming the first bad variable. */
export function loadHttpConfig(env: HubEnv, host: string): HttpConfig {
  return {
    port: integer(env, 'HUB_PORT', 0, 65535),
    host,
    allowedOrigins: origins(env),
    tls: tls(env),
    consoleDir: read(env, 'HUB_CONSOLE_DIR') ?? 'out/renderer',
    allowedHosts: allowedHosts(env),
    metricsToken: metricsToken(env),
  };
}

function origins(env: HubEnv): string[] {
  const text = read(env, 'HUB_ALLOWED_ORIGINS');
  if (!text) return [];
  return text.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(
        'HUB_ALLOWED_ORIGINS',
        `${JSON.stringify(origin)} is not an origin such as https://ops.example.com`,
      );
    }
    if (parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(
        'HUB_ALLOWED_ORIGINS',
        `${JSON.stringify(origin)} must be scheme://host[:port] without a path`,
      );
    }
    return parsed.origin;
  });
}

function tls(env: HubEnv): HttpConfig['tls'] {
  const certFile = read(env, 'HUB_TLS_CERT');
  const keyFile = read(env, 'HUB_TLS_KEY');
  if (!certFile && !keyFile) return undefined;
  if (!certFile) throw new ConfigError('HUB_TLS_CERT', 'is required when HUB_TLS_KEY is set');
  if (!keyFile) throw new ConfigError('HUB_TLS_KEY', 'is required when HUB_TLS_CERT is set');
  return { certFile, keyFile };
}

function allowedHosts(env: HubEnv): string[] {
  const text = read(env, 'HUB_ALLOWED_HOSTS');
  if (!text) return [];
  return text.split(',').map((entry) => {
    const host = entry.trim().toLowerCase();
    if (host !== '*' && !/^[a-z0-9.-]+$/.test(host))
      throw new ConfigError(
        'HUB_ALLOWED_HOSTS',
        `${JSON.stringify(host)} is not a host name such as ops.example.com (no scheme or port), or *`,
      );
    return host;
  });
}

function metricsToken(env: HubEnv): string | undefined {
  const token = read(env, 'HUB_METRICS_TOKEN');
  if (token !== undefined && token.length < 16)
    throw new ConfigError(
      'HUB_METRICS_TOKEN',
      'must be at least 16 characters (the value is not shown)',
    );
  return token;
}
