import { startRedis, type RedisTestServer } from './redis-server';
import { startInProcessHub, type BackplaneKind, type InProcessHub } from './in-process-hub';

/** Both backplanes, for `describe.each`: the same scenario runs on each. @internal */
export const BACKPLANES: BackplaneKind[] = ['memory', 'redis'];

/**
 * Starts Redis when needed and an in-process hub on it; `stop()` tears both down.
 * @internal test support
 */
export async function hubOn(
  kind: BackplaneKind,
  env: Record<string, string> = {},
): Promise<{ hub: InProcessHub; redis?: RedisTestServer; stop(): Promise<void> }> {
  const redis = kind === 'redis' ? await startRedis() : undefined;
  try {
    const hub = await startInProcessHub({ backplane: kind, redisUrl: redis?.url, env });
    return {
      hub,
      redis,
      async stop() {
        await hub.close();
        await redis?.stop();
      },
    };
  } catch (error) {
    await redis?.stop();
    throw error;
  }
}
