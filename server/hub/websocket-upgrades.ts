import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { SUBPROTOCOL_V1, SUBPROTOCOL_V1_BATCH, SUBPROTOCOL_V1_HEARTBEAT } from '../../protocol/ids';
import type { VerifiedToken } from '../auth/jwt';
import { KeyedRateLimit } from './token-bucket';
import { checkUpgrade, refuseUpgrade, type UpgradeDeps } from './upgrade';

export interface WebSocketUpgradeOptions {
  /** Max WebSocket frame size, bytes (HUB_MAX_PAYLOAD). */
  maxPayloadBytes: number;
  /** New connections per second per client IP (burst 2×); 0 disables. */
  ipConnectRate: number;
  now: () => number;
  logger: Logger;
  /** What checkUpgrade needs besides the per-IP limit, which is kept here. */
  checks: Omit<UpgradeDeps, 'ipConnectLimit'>;
  /** Called with each accepted WebSocket; the subject's slot is already tied to `socket`. */
  onSocket: (ws: WebSocket, token: VerifiedToken, ip: string, socket: Duplex) => void;
}

/**
 * Handles the server's WebSocket upgrades: each request is checked (checkUpgrade) before
 * a socket exists, refused ones get a plain HTTP answer, accepted ones get the batch or
 * the plain subprotocol. Returns the WebSocketServer, for the caller to close.
 */
export function attachWebSocketUpgrades(
  server: Server,
  options: WebSocketUpgradeOptions,
): WebSocketServer {
  const { logger } = options;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes,
    // A client that offers no subprotocol is treated as v1; checkUpgrade refused unknown-only offers.
    handleProtocols: (offered) =>
      offered.has(SUBPROTOCOL_V1_HEARTBEAT)
        ? SUBPROTOCOL_V1_HEARTBEAT
        : offered.has(SUBPROTOCOL_V1_BATCH)
          ? SUBPROTOCOL_V1_BATCH
          : offered.has(SUBPROTOCOL_V1)
            ? SUBPROTOCOL_V1
            : false,
  });
  const ipConnectLimit = new KeyedRateLimit(
    options.ipConnectRate,
    Math.max(1, options.ipConnectRate * 2),
    options.now,
  );

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    checkUpgrade(req, { ...options.checks, ipConnectLimit })
      .then((decision) => {
        if (!decision.ok) return refuseUpgrade(socket, decision.status, decision.message);
        // The subject's slot is held exactly as long as the socket, however the handshake ends.
        if (socket.destroyed) decision.release();
        else socket.once('close', decision.release);
        wss.handleUpgrade(req, socket, head, (ws) =>
          options.onSocket(ws, decision.token, decision.ip, socket),
        );
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'upgrade check failed');
        refuseUpgrade(socket, 500, 'the hub hit an unexpected error');
      });
  });
  return wss;
}
