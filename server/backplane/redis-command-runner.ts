import { createHash } from 'node:crypto';
import { ReplyError } from 'ioredis';
import { BackplaneUnavailableError } from './backplane';
import type { RedisBackplaneMetrics } from './redis-connection-health';
import type { RedisConnection } from './redis-connections';

/** A Lua script with its SHA1, for EVALSHA. @internal */
export interface Script {
  lua: string;
  sha: string;
}

export function script(lua: string): Script {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

// Reply errors that mean "the server cannot serve now", not "the call is wrong".
const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|READONLY|CLUSTERDOWN|TRYAGAIN|NOREPLICAS|OOM)\b/;

/**
 * Sends commands on the backplane's command connection and turns every
 * failure caused by Redis being unreachable into `BackplaneUnavailableError`.
 * Reply errors that signal a wrong call are rethrown as they are.
 * @internal
 */
export class RedisCommandRunner {
  constructor(
    private readonly redis: RedisConnection,
    private readonly metrics: RedisBackplaneMetrics,
    private readonly isClosed: () => boolean,
  ) {}

  /** Runs a script by SHA, sending its source once when Redis lost its script cache (after a restart). */
  run(operation: string, s: Script, keys: string[], args: string[]): Promise<unknown> {
    return this.call(operation, async () => {
      try {
        return await this.redis.evalsha(s.sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (
          !(error instanceof ReplyError) ||
          !String((error as Error).message).startsWith('NOSCRIPT')
        )
          throw error;
        return this.redis.eval(s.lua, keys.length, ...keys, ...args);
      }
    });
  }

  /**
   * @throws BackplaneUnavailableError at once while the connection is not ready, or when the call
   *   fails for a connection or transient reason; Error when the backplane is closed.
   */
  async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    if (this.isClosed()) throw new Error('RedisBackplane is closed; create a new one');
    if (this.redis.status !== 'ready') {
      this.metrics.onRedisError?.('command');
      throw new BackplaneUnavailableError(
        `Redis is unreachable (${this.redis.status}); ${operation} was not performed, retry later`,
      );
    }
    try {
      return await send();
    } catch (error) {
      this.metrics.onRedisError?.('command');
      if (error instanceof ReplyError && !TRANSIENT_REPLY.test(String((error as Error).message)))
        throw error;
      throw new BackplaneUnavailableError(
        `Redis ${operation} failed (${(error as Error).message}); retry later`,
        { cause: error },
      );
    }
  }
}

/** Closes a connection politely when it is up, at once otherwise. Never throws. */
export async function quitConnection(redis: RedisConnection): Promise<void> {
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  // quit fails only when the socket is already gone; disconnect covers that case.
  await redis.quit().then(
    () => undefined,
    () => redis.disconnect(),
  );
}
