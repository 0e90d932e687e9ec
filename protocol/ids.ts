import { z } from 'zod';

/** A tenant id: lower-case letters, digits, `_` and `-`, 1 to 63 characters, starting with a letter or digit. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export const tenantIdSchema = z
  .string()
  .regex(TENANT_ID_PATTERN, 'tenant id must match ^[a-z0-9][a-z0-9_-]{0,62}$');

export type TenantId = z.infer<typeof tenantIdSchema>;

/** True when `value` is a syntactically valid tenant id. */
export function isTenantId(value: unknown): value is TenantId {
  return typeof value === 'string' && TENANT_ID_PATTERN.test(value);
}

/** The subprotocol a v1 client offers and the hub selects. */
export const SUBPROTOCOL_V1 = 'ops.v1';

/**
 * v1 plus `events` frames (batches of `event` frames). A client that understands them
 * offers `[SUBPROTOCOL_V1_BATCH, SUBPROTOCOL_V1]`; the hub selects this one when offered.
 */
export const SUBPROTOCOL_V1_BATCH = 'ops.v1.batch';

/**
 * v1 batch plus application `heartbeat` frames: the hub advertises `appHeartbeatMs`
 * in `welcome` and sends a `heartbeat` frame on a connection that had nothing else
 * for that long. Negotiated, so a client that does not know the frame never gets one.
 */
export const SUBPROTOCOL_V1_HEARTBEAT = 'ops.v1.batch.heartbeat';

/** What every client in this project offers, in order of preference. */
export const CLIENT_SUBPROTOCOLS: readonly string[] = [
  SUBPROTOCOL_V1_HEARTBEAT,
  SUBPROTOCOL_V1_BATCH,
  SUBPROTOCOL_V1,
];

/** Path of the WebSocket endpoint on the hub. */
export const WS_PATH = '/v1/ws';
