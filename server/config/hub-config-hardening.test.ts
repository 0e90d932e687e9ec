import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadHubConfig } from './hub-config';

const platform = { platform: 'linux' as const, homeDir: '/home/op', env: {} };

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadHubConfig(env, platform);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('hub configuration: limits against hostile clients', () => {
  it('has the documented defaults', () => {
    const config = loadHubConfig({}, platform);
    expect(config.limits).toMatchObject({
      loginRatePerMinute: 60,
      loginUserRatePerMinute: 600,
      loginConcurrency: 1,
      loginQueue: 16,
      maxSockets: 20_000,
      fdReserve: 128,
      maxSocketsPerAddress: 1000,
      idleSocketTimeoutMs: 10_000,
      maxConnectionsPerSubject: 1000,
      metricsMaxTenants: 100,
    });
    expect(config.allowedHosts).toEqual([]);
    expect(config.metricsToken).toBeUndefined();
  });

  it('reads the host allow-list and the metrics token', () => {
    const config = loadHubConfig(
      {
        HUB_ALLOWED_HOSTS: 'Ops.Example.com, wall.local',
        HUB_METRICS_TOKEN: 'scrape-me-0123456789',
        HUB_IDLE_SOCKET_TIMEOUT: '2s',
      },
      platform,
    );
    expect(config.allowedHosts).toEqual(['ops.example.com', 'wall.local']);
    expect(config.metricsToken).toBe('scrape-me-0123456789');
    expect(config.limits.idleSocketTimeoutMs).toBe(2000);
  });

  it('refuses bad values, naming the variable and never echoing the metrics token', () => {
    expect(errorOf({ HUB_ALLOWED_HOSTS: 'https://ops.example.com' }).variable).toBe(
      'HUB_ALLOWED_HOSTS',
    );
    const short = errorOf({ HUB_METRICS_TOKEN: 'short-secret' });
    expect(short.variable).toBe('HUB_METRICS_TOKEN');
    expect(short.message).not.toContain('short-secret');
    // scrypt must leave the libuv pool (4 threads by default) a thread for fsync.
    expect(errorOf({ HUB_LOGIN_CONCURRENCY: '4' }).variable).toBe('HUB_LOGIN_CONCURRENCY');
    expect(
      loadHubConfig({ HUB_LOGIN_CONCURRENCY: '4', UV_THREADPOOL_SIZE: '8' }, platform).limits
        .loginConcurrency,
    ).toBe(4);
    expect(errorOf({ HUB_FD_RESERVE: '3' }).variable).toBe('HUB_FD_RESERVE');
  });
});
