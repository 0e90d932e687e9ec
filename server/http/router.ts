import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isTenantId } from '../../protocol/ids';
import { TOKEN_PATH } from '../../protocol/http-api';
import { handleTokenRequest, type TokenEndpointDeps } from '../auth/token-endpoint';
import { safePath } from '../logging/logger';
import type { Registry } from 'prom-client';
import type { BackplaneStatus } from '../backplane/backplane';
import { CONSOLE_PATH, serveConsole } from './console-static';
import { handleHealthz, handleMetrics, handleReadyz } from './health';
import { sendError } from './http-reply';
import { handleIngest, type IngestDeps } from './ingest';
import { handleAdminTenants, type AdminTenantsDeps } from './admin-tenants';
import { ADMIN_TENANTS_PATH } from '../../protocol/tenant-directory';
import { MISDIRECTED_MESSAGE } from './request-guard';

export interface RouterDeps {
  ingest: IngestDeps;
  /** The tenant directory's admin API; null answers 404 (no directory configured). */
  adminTenants: AdminTenantsDeps | null;
  /** Null when no credential store is configured (JWKS-only deployments). */
  token: TokenEndpointDeps | null;
  registry: Registry;
  readiness: () => { draining: boolean; backplane: BackplaneStatus };
  consoleDir: string;
  logger: Logger;
  /** False for a Host header the hub does not serve (DNS rebinding); answered 421. */
  hostAllowed: (req: IncomingMessage) => boolean;
  /** Who may read /metrics (see `createMetricsAccess`). */
  metricsAccess: (req: IncomingMessage) => 'ok' | 'unauthorized' | 'forbidden';
}

const INGEST = /^\/v1\/tenants\/([^/]+)\/events$/;

/**
 * The hub's HTTP routes. Errors inside a handler become a 500 with a log line; the
 * process stays up. Request paths are logged without query strings.
 */
export function createRouter(
  deps: RouterDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = safePath(req.url);
    route(req, res, path, deps).catch((error: unknown) => {
      deps.logger.error({ err: error, method: req.method, path }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'internal', 'the hub hit an unexpected error');
      else res.destroy();
    });
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: RouterDeps,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (!deps.hostAllowed(req)) return sendError(res, 421, 'bad_request', MISDIRECTED_MESSAGE);
  const ingest = INGEST.exec(path);
  if (ingest) {
    if (method !== 'POST')
      return sendError(res, 405, 'bad_request', 'use POST', { headers: { Allow: 'POST' } });
    const tenant = decodeTenant(ingest[1] as string);
    if (!tenant)
      return sendError(res, 400, 'bad_request', 'tenant id must match ^[a-z0-9][a-z0-9_-]{0,62}$', {
        fields: [{ path: 'tenant', message: 'invalid tenant id' }],
      });
    return handleIngest(req, res, tenant, deps.ingest);
  }
  if (path === ADMIN_TENANTS_PATH || path.startsWith(`${ADMIN_TENANTS_PATH}/`)) {
    if (!deps.adminTenants)
      return sendError(res, 404, 'not_found', 'this hub has no tenant directory');
    const rest = path.slice(ADMIN_TENANTS_PATH.length + 1);
    if (rest === '') return handleAdminTenants(req, res, undefined, deps.adminTenants);
    const tenant = rest.includes('/') ? null : decodeTenant(rest);
    if (!tenant)
      return sendError(res, 400, 'bad_request', 'tenant id must match ^[a-z0-9][a-z0-9_-]{0,62}$', {
        fields: [{ path: 'tenant', message: 'invalid tenant id' }],
      });
    return handleAdminTenants(req, res, tenant, deps.adminTenants);
  }
  if (path === TOKEN_PATH) {
    if (method !== 'POST')
      return sendError(res, 405, 'bad_request', 'use POST', { headers: { Allow: 'POST' } });
    if (!deps.token)
      return sendError(
        res,
        404,
        'not_found',
        'this hub issues no tokens (it verifies tokens from HUB_JWKS_URL)',
      );
    return handleTokenRequest(req, res, deps.token);
  }
  if (method === 'GET' && path === '/healthz') return handleHealthz(res);
  if (method === 'GET' && path === '/readyz') return handleReadyz(res, deps.readiness());
  if (method === 'GET' && path === '/metrics') {
    const access = deps.metricsAccess(req);
    if (access === 'unauthorized')
      return sendError(res, 401, 'unauthorized', 'send Authorization: Bearer <HUB_METRICS_TOKEN>', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    if (access === 'forbidden')
      return sendError(
        res,
        403,
        'forbidden',
        'set HUB_METRICS_TOKEN to scrape /metrics from another host',
      );
    return handleMetrics(res, deps.registry);
  }
  if (path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`))
    return serveConsole(req, res, path, deps.consoleDir);
  if (method === 'GET' && path === '/') {
    res.writeHead(302, { Location: `${CONSOLE_PATH}/` });
    res.end();
    return;
  }
  sendError(res, 404, 'not_found', `no route for ${method} ${path}`);
}

function decodeTenant(segment: string): string | null {
  try {
    const tenant = decodeURIComponent(segment);
    return isTenantId(tenant) ? tenant : null;
  } catch {
    return null; // a malformed %-escape is an invalid tenant id, answered with 400 by the caller.
  }
}
