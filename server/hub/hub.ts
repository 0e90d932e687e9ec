import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../protocol/codes';
import { SUBPROTOCOL_V1_BATCH, SUBPROTOCOL_V1_HEARTBEAT } from '../../protocol/ids';
import type { Backplane } from '../backplane/backplane';
import type { TenantDirectory } from '../directory/tenant-directory';
import type { CredentialVerifier } from '../auth/credential-verifier';
import {
  createTokenMinter,
  createTokenVerifier,
  type TokenMinter,
  type TokenVerifier,
  type VerifiedToken,
} from '../auth/jwt';
import { LoginRateLimit } from '../auth/login-rate-limit';
import { PasswordCheckQueue } from '../auth/password-check-queue';
import { createRefreshTokens } from '../auth/refresh-token';
import type { HubConfig } from '../config/hub-config';
import { createHubHttpServer } from '../http/hub-http-server';
import { createRouter } from '../http/router';
import { createHostCheck, createMetricsAccess } from '../http/request-guard';
import { createLogger } from '../logging/logger';
import { createHubMetrics, type HubMetrics } from '../metrics/hub-metrics';
import { Connection } from './connection';
import { ConnectionAdmission } from './connection-admission';
import { FlushScheduler } from './outbound-queue';
import { FrameHandler } from './frame-handler';
import { startAppHeartbeat, startHeartbeat } from './heartbeat';
import { closeAllClients } from './shutdown';
import { TenantRegistry } from './tenant-registry';
import { KeyedRateLimit } from './token-bucket';
import { attachWebSocketUpgrades } from './websocket-upgrades';

export interface HubDeps {
  backplane: Backplane;
  /** Users and API keys for `POST /v1/auth/token`; without it the endpoint answers 404. */
  credentials?: CredentialVerifier | null;
  logger?: Logger;
  /** Clock, epoch ms. */
  now?: () => number;
  /** Metrics to record into; pass the same object to the Redis backplane so its errors are counted. */
  metrics?: HubMetrics;
  /**
   * The tenant directory: boards carry their tenant's entry (names, tables, time zone,
   * currency) and follow its changes; without it every board starts in UTC with no
   * currency. The caller owns it (the hub does not close it).
   */
  directory?: TenantDirectory | null;
}

export interface Hub {
  /** Starts listening on `config.host:config.port` (0 picks a free port). */
  listen(): Promise<{ url: string; wsUrl: string; port: number }>;
  /**
   * Graceful shutdown: /readyz turns 503, new upgrades are refused, every client is closed
   * with 1001 and a reconnect window, final checkpoints are written, and the server closes,
   * all within `config.shutdownTimeoutMs`. Does not close the backplane (the caller owns it).
   */
  close(): Promise<void>;
  /** Mints HS256 tokens with the hub's secret; null when the hub verifies with a JWKS. */
  readonly minter: TokenMinter | null;
  readonly metrics: HubMetrics;
  readonly draining: boolean;
  /** Open client connections. */
  connectionCount(): number;
}

/**
 * Composes the hub: HTTP routes, WebSocket upgrades, connections, tenant channels.
 * `config.jwt.secret` or `config.jwt.jwksUrl` must be set (the CLI generates a secret in
 * the data dir when neither is configured).
 * @throws TypeError when no JWT key is configured.
 */
export function createHub(config: HubConfig, deps: HubDeps): Hub {
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const metrics = deps.metrics ?? createHubMetrics(config.limits.metricsMaxTenants);
  const hostAllowed = createHostCheck(config.allowedHosts);
  const admission = new ConnectionAdmission(config.limits, logger, (reason) =>
    metrics.admissionRefusals.inc({ reason }),
  );
  const { backplane } = deps;
  const verifier: TokenVerifier = createTokenVerifier({ ...config.jwt, now });
  const minter = config.jwt.secret
    ? createTokenMinter({
        secret: config.jwt.secret,
        issuer: config.jwt.issuer,
        audience: config.jwt.audience,
        now,
      })
    : null;
  const registry = new TenantRegistry(
    { backplane, logger, metrics, now, checkpointIntervalMs: config.checkpointIntervalMs },
    deps.directory ?? null,
  );
  const connections = new Set<Connection>();
  const flusher = new FlushScheduler(metrics);
  const handler = new FrameHandler({
    registry,
    backplane,
    verifier,
    metrics,
    logger,
    now,
    maxSubscriptionsPerConnection: config.limits.maxSubscriptionsPerConnection,
  });
  let draining = false;

  backplane.onStatus((status, detail) => {
    metrics.backplaneStatusChanges.inc({ status });
    logger.warn({ status, detail }, 'backplane status changed');
  });

  const router = createRouter({
    ingest: {
      backplane,
      verifier,
      metrics,
      logger,
      now,
      rateLimit: new KeyedRateLimit(config.limits.ingestRate, config.limits.ingestRate * 2, now),
      beforeAppend: (tenant) => registry.keepWarm(tenant),
    },
    adminTenants: deps.directory ? { directory: deps.directory, verifier, metrics, logger } : null,
    token:
      deps.credentials && minter
        ? {
            credentials: deps.credentials,
            minter,
            tokenTtlMs: config.tokenTtlMs,
            // The minter exists only in HS256 mode, so the secret is set here.
            refreshTokens: createRefreshTokens({
              secret: config.jwt.secret as string,
              issuer: config.jwt.issuer,
              now,
            }),
            refreshTtlMs: config.refreshTtlMs,
            rateLimit: new LoginRateLimit(
              {
                perAddressPerMinute: config.limits.loginRatePerMinute,
                perUserPerMinute: config.limits.loginUserRatePerMinute,
              },
              now,
            ),
            passwordChecks: new PasswordCheckQueue(
              config.limits.loginConcurrency,
              config.limits.loginQueue,
            ),
            metrics,
            logger,
          }
        : null,
    registry: metrics.registry,
    readiness: () => ({ draining, backplane: backplane.status() }),
    consoleDir: config.consoleDir,
    logger,
    hostAllowed,
    metricsAccess: createMetricsAccess(config.metricsToken),
  });
  const server = createHubHttpServer(config.tls, router);
  admission.attach(server);
  const wss = attachWebSocketUpgrades(server, {
    maxPayloadBytes: config.limits.maxPayloadBytes,
    ipConnectRate: config.limits.ipConnectRate,
    now,
    logger,
    checks: {
      verifier,
      metrics,
      allowedOrigins: config.allowedOrigins,
      isDraining: () => draining,
      hostAllowed,
      admitSubject: (sub) => admission.admitSubject(sub),
    },
    onSocket: accept,
  });

  function accept(ws: WebSocket, token: VerifiedToken, ip: string, socket: Duplex): void {
    const session = randomUUID();
    // First, before any early close: ws emits 'error' for a bad frame (e.g. over maxPayload)
    // even on a socket it is closing, and an 'error' without a listener kills the process.
    ws.on('error', (error) => logger.debug({ err: error, session }, 'socket error'));
    if (draining) return ws.close(CloseCode.GOING_AWAY, 'hub shutting down');
    if (connections.size >= config.limits.maxConnections)
      return ws.close(CloseCode.TRY_AGAIN_LATER, 'too many connections; try again later');
    const appHeartbeat = ws.protocol === SUBPROTOCOL_V1_HEARTBEAT;
    const connection = new Connection(
      session,
      ws,
      ip,
      token,
      { limits: config.limits, metrics, now, flusher, onClosed: release },
      { socket, batched: appHeartbeat || ws.protocol === SUBPROTOCOL_V1_BATCH, appHeartbeat },
    );
    connections.add(connection);
    metrics.openSockets.inc();
    ws.on('message', (data, isBinary) => handler.handle(connection, data as Buffer, isBinary));
    connection.sendMessage({
      type: 'welcome',
      session: connection.id,
      serverTime: now(),
      tokenExp: token.exp,
      heartbeatMs: config.heartbeatMs,
      // Only to clients that negotiated heartbeat frames; older ones keep pinging at heartbeatMs.
      ...(appHeartbeat ? { appHeartbeatMs: config.appHeartbeatMs } : {}),
      tenants: token.tenants,
    });
  }

  function release(connection: Connection): void {
    connections.delete(connection);
    metrics.openSockets.dec();
    for (const [tenant, sub] of connection.subscriptions) {
      registry.leave(sub);
      metrics.connections.dec({ tenant });
    }
    connection.subscriptions.clear();
  }

  const stopPings = startHeartbeat(() => connections, config.heartbeatMs, now);
  const stopAppHeartbeat = startAppHeartbeat(() => connections, config.appHeartbeatMs, now);
  const stopHeartbeat = (): void => {
    stopPings();
    stopAppHeartbeat();
  };
  let closing: Promise<void> | null = null;

  return {
    minter,
    metrics,
    get draining() {
      return draining;
    },
    connectionCount: () => connections.size,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          const { port } = server.address() as AddressInfo;
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          const scheme = config.tls ? 'https' : 'http';
          resolve({
            url: `${scheme}://${host}:${port}`,
            wsUrl: `${scheme === 'https' ? 'wss' : 'ws'}://${host}:${port}/v1/ws`,
            port,
          });
        });
      }),
    close: () => {
      closing ??= (async () => {
        draining = true;
        stopHeartbeat();
        const deadline = now() + config.shutdownTimeoutMs;
        await closeAllClients(connections, Math.max(100, config.shutdownTimeoutMs - 1000));
        wss.close();
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.race([registry.closeAll(), delay(Math.max(0, deadline - now()))]);
        server.closeAllConnections();
        await serverClosed;
      })();
      return closing;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
