import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { OpsEvent } from '../../protocol/events';
import {
  MAX_INGEST_BODY_BYTES,
  ingestBodySchema,
  type IngestResponse,
} from '../../protocol/http-api';
import { isActionEventType } from '../../protocol/actions';
import { fieldErrors } from '../../protocol/messages';
import { hasScope } from '../../protocol/scopes';
import { BackplaneUnavailableError, type Backplane } from '../backplane/backplane';
import { AuthError } from '../auth/auth-error';
import { bearerToken } from '../auth/bearer';
import type { TokenVerifier } from '../auth/jwt';
import type { KeyedRateLimit } from '../hub/token-bucket';
import type { HubMetrics } from '../metrics/hub-metrics';
import { readJsonBody } from './json-body';
import { sendError, sendJson } from './http-reply';
import { ThrottledWarning } from '../logging/throttled-warning';

const unavailableWarnings = new WeakMap<IngestDeps, ThrottledWarning>();

function unavailableWarning(deps: IngestDeps): ThrottledWarning {
  let warning = unavailableWarnings.get(deps);
  if (!warning) {
    warning = new ThrottledWarning(deps.logger, 'ingest refused: backplane unavailable');
    unavailableWarnings.set(deps, warning);
  }
  return warning;
}

export interface IngestDeps {
  backplane: Backplane;
  verifier: TokenVerifier;
  rateLimit: KeyedRateLimit;
  metrics: HubMetrics;
  logger: Logger;
  now: () => number;
  /** Awaited before each append: the hub keeps the tenant's board warm (never rejects). */
  beforeAppend?: (tenant: string) => Promise<void>;
}

/**
 * `POST /v1/tenants/{tenant}/events`: validates, authorizes and appends one event or a
 * batch. Checks run cheapest first: token (401), scope and tenant (403), rate (429),
 * size (413), JSON and schema (400), then the backplane (503 when unreachable).
 */
export async function handleIngest(
  req: IncomingMessage,
  res: ServerResponse,
  tenant: string,
  deps: IngestDeps,
): Promise<void> {
  let token;
  try {
    token = await deps.verifier.verify(bearerToken(req.headers.authorization));
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    deps.metrics.authFailures.inc({ reason: error.reason });
    if (error.reason === 'unavailable')
      return sendError(res, 503, 'unavailable', error.message, { headers: { 'Retry-After': '5' } });
    return sendError(res, 401, 'unauthorized', error.message, {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  if (!hasScope(token.scope, 'publish') || !token.tenants.includes(tenant)) {
    deps.metrics.authFailures.inc({ reason: 'scope' });
    return sendError(res, 403, 'forbidden', `the token does not grant publish access to ${tenant}`);
  }
  if (!deps.rateLimit.take(token.sub))
    return sendError(res, 429, 'rate_limited', 'too many ingest requests; slow down', {
      headers: { 'Retry-After': '1' },
    });
  const body = await readJsonBody(req, MAX_INGEST_BODY_BYTES);
  if (!body.ok) return sendError(res, body.status, body.code, body.message);
  const parsed = ingestBodySchema.safeParse(body.value);
  if (!parsed.success)
    return sendError(res, 400, 'bad_request', 'the body is not a valid event or {"events":[...]}', {
      fields: fieldErrors(parsed.error),
    });
  const inputs = 'events' in parsed.data ? parsed.data.events : [parsed.data];
  const events: OpsEvent[] = inputs.map((input) => {
    const data = input.data ?? {};
    return {
      ...input,
      id: input.id ?? randomUUID(),
      // An operator action posted by a producer (a POS that bumps) names the producer too,
      // whatever `via` it sent: the audit trail says who acted (`by`) and through what (`via`).
      data: isActionEventType(input.type) ? { ...data, via: token.sub } : data,
    };
  });
  try {
    await deps.beforeAppend?.(tenant);
    const result = await deps.backplane.append(tenant, events, deps.now());
    deps.metrics.eventsIngested.inc({ tenant }, result.appended.length);
    const answer: IngestResponse = {
      accepted: result.appended.length,
      firstSeq: result.appended[0]?.seq ?? null,
      lastSeq: result.appended.at(-1)?.seq ?? null,
      duplicates: result.duplicates,
      epoch: result.epoch,
    };
    sendJson(res, 200, answer);
  } catch (error) {
    if (!(error instanceof BackplaneUnavailableError)) throw error;
    deps.metrics.backplaneErrors.inc({ operation: 'append' });
    unavailableWarning(deps).warn({ tenant, reason: error.message });
    sendError(res, 503, 'unavailable', 'the event store is unavailable; retry later', {
      headers: { 'Retry-After': '1' },
    });
  }
}
