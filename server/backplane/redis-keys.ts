/**
 * Redis key layout of a tenant's log. Every key and the pub/sub channel share
 * the hash tag `{t:<tenant>}`, so on Redis Cluster they live in one slot: the
 * append script may touch them all and SPUBLISH goes to that slot's shard.
 * @internal
 */
export interface TenantKeys {
  /** INCR-style counter: the last assigned seq. */
  seq: string;
  /** XADD stream, entry ids `<seq>-0`, fields `t` (accepted at, ms) and `e` (event JSON). */
  stream: string;
  /** Random id of the current history; recreated when data was lost. */
  epoch: string;
  /** Latest checkpoint: `<seq> <epoch> <savedAt> <state>`. */
  ckpt: string;
  /** ZSET event id → seq, trimmed with the stream: the dedup window. */
  dedup: string;
  /** Sharded pub/sub channel announcing appended events. */
  channel: string;
}

/** Default key prefix; tests and co-hosted deployments may choose another. */
export const DEFAULT_KEY_PREFIX = 'ops';

export function tenantKeys(tenant: string, prefix = DEFAULT_KEY_PREFIX): TenantKeys {
  const base = `${prefix}:{t:${tenant}}`;
  return {
    seq: `${base}:seq`,
    stream: `${base}:stream`,
    epoch: `${base}:epoch`,
    ckpt: `${base}:ckpt`,
    dedup: `${base}:dedup`,
    channel: `${base}:events`,
  };
}
