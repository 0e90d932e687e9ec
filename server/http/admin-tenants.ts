import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { fieldErrors } from '../../protocol/messages';
import { hasScope } from '../../protocol/scopes';
import {
  MAX_DIRECTORY_BODY_BYTES,
  tenantDirectoryInputSchema,
} from '../../protocol/tenant-directory';
import { AuthError } from '../auth/auth-error';
import { bearerToken } from '../auth/bearer';
import type { TokenVerifier, VerifiedToken } from '../auth/jwt';
import {
  DirectoryCorruptError,
  InvalidDirectoryInputError,
  type TenantDirectory,
} from '../directory/tenant-directory';
import type { HubMetrics } from '../metrics/hub-metrics';
import { sendError, sendJson } from './http-reply';
import { readJsonBody } from './json-body';

export interface AdminTenantsDeps {
  directory: TenantDirectory;
  verifier: TokenVerifier;
  metrics: HubMetrics;
  logger: Logger;
}

/**
 * The tenant directory's admin API (docs/protocol.md, "Tenant directory"):
 * `GET /v1/admin/tenants`, and `GET`/`PUT`/`DELETE /v1/admin/tenants/{tenant}`.
 * Every call needs a token with the `admin` scope, and reaches only the tenants
 * that token lists. Checks run cheapest first: token (401), scope and tenant
 * (403), size (413), JSON and schema (400).
 * @param tenant the decoded, valid tenant id of the path; undefined for the list.
 */
export async function handleAdminTenants(
  req: IncomingMessage,
  res: ServerResponse,
  tenant: string | undefined,
  deps: AdminTenantsDeps,
): Promise<void> {
  const method = req.method ?? 'GET';
  const allowed = tenant === undefined ? 'GET' : 'GET, PUT, DELETE';
  if (!allowed.split(', ').includes(method))
    return sendError(res, 405, 'bad_request', `use ${allowed}`, { headers: { Allow: allowed } });
  const token = await authenticate(req, res, deps);
  if (!token) return;
  if (
    !hasScope(token.scope, 'admin') ||
    (tenant !== undefined && !token.tenants.includes(tenant))
  ) {
    deps.metrics.authFailures.inc({ reason: 'scope' });
    return sendError(
      res,
      403,
      'forbidden',
      tenant === undefined
        ? 'the token does not grant admin access'
        : `the token does not grant admin access to ${tenant}`,
    );
  }
  try {
    if (tenant === undefined) {
      const granted = new Set(token.tenants);
      const entries = (await deps.directory.list()).filter((entry) => granted.has(entry.id));
      return sendJson(res, 200, { tenants: entries });
    }
    if (method === 'GET') {
      const entry = await deps.directory.get(tenant);
      if (!entry)
        return sendError(res, 404, 'not_found', `tenant ${tenant} is not in the directory`);
      return sendJson(res, 200, entry);
    }
    if (method === 'DELETE') {
      if (!(await deps.directory.remove(tenant)))
        return sendError(res, 404, 'not_found', `tenant ${tenant} is not in the directory`);
      deps.logger.info({ tenant, by: token.sub }, 'tenant directory entry removed');
      res.writeHead(204).end();
      return;
    }
    const body = await readJsonBody(req, MAX_DIRECTORY_BODY_BYTES);
    if (!body.ok) return sendError(res, body.status, body.code, body.message);
    const parsed = tenantDirectoryInputSchema.safeParse(body.value);
    if (!parsed.success)
      return sendError(res, 400, 'bad_request', 'the body is not a valid tenant directory entry', {
        fields: fieldErrors(parsed.error),
      });
    const entry = await deps.directory.put(tenant, parsed.data);
    deps.logger.info(
      { tenant, by: token.sub, revision: entry.revision },
      'tenant directory entry written',
    );
    return sendJson(res, entry.revision === 1 ? 201 : 200, entry);
  } catch (error) {
    if (error instanceof InvalidDirectoryInputError)
      return sendError(res, 400, 'bad_request', error.message, { fields: error.fields });
    if (error instanceof DirectoryCorruptError) {
      deps.logger.error({ err: error }, 'tenant directory cannot be read');
      return sendError(
        res,
        503,
        'unavailable',
        'the tenant directory cannot be read; see the hub log',
      );
    }
    throw error;
  }
}

/** The verified token, or null after answering 401 or 503. */
async function authenticate(
  req: IncomingMessage,
  res: ServerResponse,
  deps: AdminTenantsDeps,
): Promise<VerifiedToken | null> {
  try {
    return await deps.verifier.verify(bearerToken(req.headers.authorization));
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    deps.metrics.authFailures.inc({ reason: error.reason });
    if (error.reason === 'unavailable')
      sendError(res, 503, 'unavailable', error.message, { headers: { 'Retry-After': '5' } });
    else
      sendError(res, 401, 'unauthorized', error.message, {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    return null;
  }
}
