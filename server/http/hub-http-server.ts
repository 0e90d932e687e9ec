import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ConfigError } from '../config/config-error';
import type { HubConfig } from '../config/hub-config';
import type { createRouter } from './router';

/**
 * The hub's HTTP(S) server around its router: HTTPS with `HUB_TLS_CERT`/`HUB_TLS_KEY`,
 * plain HTTP otherwise, with keep-alive timeouts longer than clients' pools use.
 * @throws ConfigError naming the variable when a TLS file cannot be read or the pair is not usable PEM.
 */
export function createHubHttpServer(
  tls: HubConfig['tls'],
  router: ReturnType<typeof createRouter>,
): Server {
  const server: Server = tls ? createTlsServer(tls, router) : createHttpServer(router);
  // Keep idle HTTP connections open longer than clients' pools do (Node's agent and
  // undici drop idle sockets after 4-5 s), so the client always closes first. With
  // Node's default of 5 s on both sides, a producer could reuse a socket the hub was
  // closing and lose the POST to "socket hang up".
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

/**
 * The HTTPS server for `HUB_TLS_CERT`/`HUB_TLS_KEY`.
 * @throws ConfigError naming the variable when a file cannot be read or the pair is not usable PEM.
 */
function createTlsServer(
  tls: NonNullable<HubConfig['tls']>,
  router: ReturnType<typeof createRouter>,
): Server {
  const read = (file: string, variable: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new ConfigError(
        variable,
        `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  };
  const cert = read(tls.certFile, 'HUB_TLS_CERT');
  const key = read(tls.keyFile, 'HUB_TLS_KEY');
  try {
    return createHttpsServer({ cert, key }, router);
  } catch (error) {
    throw new ConfigError(
      'HUB_TLS_CERT',
      `the certificate and HUB_TLS_KEY are not a usable PEM pair (${(error as Error).message})`,
    );
  }
}
