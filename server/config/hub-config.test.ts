import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { parseDurationMs } from './duration';
import { loadHubConfig } from './hub-config';

const platform = { platform: 'linux' as const, homeDir: '/home/op', env: {} };
const secret = 'x'.repeat(32);

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadHubConfig(env, platform);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('duration parsing', () => {
  it('reads bare numbers as seconds and suffixed forms in their unit', () => {
    expect(parseDurationMs('900')).toBe(900_000);
    expect(parseDurationMs('15m')).toBe(900_000);
    expect(parseDurationMs('3s')).toBe(3000);
    expect(parseDurationMs('250ms')).toBe(250);
    expect(parseDurationMs('1h')).toBe(3_600_000);
    expect(parseDurationMs('1.5s')).toBe(1500);
  });

  it('rejects text that is not a duration', () => {
    for (const text of ['', 'abc', '-3s', '3 minutes', '15M', '1e3'])
      expect(parseDurationMs(text)).toBeNull();
  });
});

describe('hub configuration', () => {
  it('uses the documented defaults with no environment', () => {
    const config = loadHubConfig({}, platform);
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/home/op/.local/share/ops-hub',
      redisUrl: undefined,
      tokenTtlMs: 900_000,
      refreshTtlMs: 12 * 3_600_000,
      replayMaxEvents: 10_000,
      replayMaxAgeMs: 300_000,
      heartbeatMs: 30_000,
      appHeartbeatMs: 5000,
      shutdownTimeoutMs: 10_000,
      allowedOrigins: [],
    });
    expect(config.limits.maxPayloadBytes).toBe(65_536);
  });

  it('reads every variable it documents', () => {
    const config = loadHubConfig(
      {
        HUB_PORT: '0',
        HUB_HOST: '0.0.0.0',
        HUB_DATA_DIR: '/srv/hub',
        REDIS_URL: 'redis://:pw@10.0.0.5:6379/2',
        HUB_JWT_SECRET: secret,
        HUB_JWT_ISSUER: 'ops',
        HUB_JWT_AUDIENCE: 'hub',
        HUB_TOKEN_TTL: '3s',
        HUB_REFRESH_TTL: '8h',
        HUB_ALLOWED_ORIGINS: 'https://ops.example.com, http://localhost:5173',
        HUB_REPLAY_MAX_EVENTS: '500',
        HUB_REPLAY_MAX_AGE: '2m',
        HUB_HEARTBEAT_MS: '1000',
        HUB_APP_HEARTBEAT_MS: '2500',
        HUB_SHUTDOWN_TIMEOUT: '5s',
        HUB_IP_CONNECT_RATE: '0',
      },
      platform,
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/srv/hub',
      redisUrl: 'redis://:pw@10.0.0.5:6379/2',
      jwt: { secret, issuer: 'ops', audience: 'hub', jwksUrl: undefined },
      tokenTtlMs: 3000,
      refreshTtlMs: 8 * 3_600_000,
      allowedOrigins: ['https://ops.example.com', 'http://localhost:5173'],
      replayMaxEvents: 500,
      replayMaxAgeMs: 120_000,
      heartbeatMs: 1000,
      appHeartbeatMs: 2500,
      shutdownTimeoutMs: 5000,
    });
    expect(config.limits.ipConnectRate).toBe(0);
  });

  it('names the variable of a bad value', () => {
    expect(errorOf({ HUB_PORT: '70000' }).variable).toBe('HUB_PORT');
    expect(errorOf({ HUB_PORT: 'eighty' }).variable).toBe('HUB_PORT');
    expect(errorOf({ HUB_TOKEN_TTL: 'soon' }).variable).toBe('HUB_TOKEN_TTL');
    expect(errorOf({ HUB_TOKEN_TTL: '500ms' }).variable).toBe('HUB_TOKEN_TTL');
    expect(errorOf({ HUB_REPLAY_MAX_AGE: '0' }).variable).toBe('HUB_REPLAY_MAX_AGE');
    expect(errorOf({ HUB_APP_HEARTBEAT_MS: '50' }).variable).toBe('HUB_APP_HEARTBEAT_MS');
    expect(errorOf({ HUB_APP_HEARTBEAT_MS: '60001' }).variable).toBe('HUB_APP_HEARTBEAT_MS');
    expect(errorOf({ REDIS_URL: 'http://localhost:6379' }).variable).toBe('REDIS_URL');
    expect(errorOf({ HUB_ALLOWED_ORIGINS: 'https://ok.example, not an origin' }).variable).toBe(
      'HUB_ALLOWED_ORIGINS',
    );
    expect(errorOf({ HUB_ALLOWED_ORIGINS: 'https://ok.example/path' }).variable).toBe(
      'HUB_ALLOWED_ORIGINS',
    );
    expect(errorOf({ HUB_TLS_CERT: '/c.pem' }).variable).toBe('HUB_TLS_KEY');
    expect(errorOf({ HUB_LOG_LEVEL: 'loud' }).variable).toBe('HUB_LOG_LEVEL');
  });

  it('refuses a refresh token lifetime that is not a duration or is shorter than the access token lifetime', () => {
    expect(errorOf({ HUB_REFRESH_TTL: 'all day' }).variable).toBe('HUB_REFRESH_TTL');
    expect(errorOf({ HUB_REFRESH_TTL: '500ms' }).variable).toBe('HUB_REFRESH_TTL');
    const shorter = errorOf({ HUB_TOKEN_TTL: '15m', HUB_REFRESH_TTL: '10m' });
    expect(shorter.variable).toBe('HUB_REFRESH_TTL');
    expect(shorter.message).toContain('HUB_TOKEN_TTL');
    expect(
      loadHubConfig({ HUB_TOKEN_TTL: '3s', HUB_REFRESH_TTL: '3s' }, platform).refreshTtlMs,
    ).toBe(3000);
  });

  it('refuses timer durations past what setTimeout can wait, which would fire at once', () => {
    expect(errorOf({ HUB_SHUTDOWN_TIMEOUT: '30d' }).variable).toBe('HUB_SHUTDOWN_TIMEOUT');
    expect(errorOf({ HUB_CHECKPOINT_INTERVAL: '25d' }).variable).toBe('HUB_CHECKPOINT_INTERVAL');
    expect(loadHubConfig({ HUB_SHUTDOWN_TIMEOUT: '1d' }).shutdownTimeoutMs).toBe(86_400_000);
  });

  it('refuses a JWT secret shorter than 32 bytes without echoing it', () => {
    const error = errorOf({ HUB_JWT_SECRET: 'short-secret-value' });
    expect(error.variable).toBe('HUB_JWT_SECRET');
    expect(error.message).not.toContain('short-secret-value');
  });

  it('counts the secret length in UTF-8 bytes, not characters', () => {
    // 11 Arabic letters are 22 bytes; 16 of them are 32 bytes.
    expect(errorOf({ HUB_JWT_SECRET: 'ب'.repeat(11) }).variable).toBe('HUB_JWT_SECRET');
    expect(loadHubConfig({ HUB_JWT_SECRET: 'ب'.repeat(16) }, platform).jwt.secret).toBe(
      'ب'.repeat(16),
    );
  });

  it('refuses both HUB_JWT_SECRET and HUB_JWKS_URL', () => {
    expect(
      errorOf({ HUB_JWT_SECRET: secret, HUB_JWKS_URL: 'https://id.example.com/jwks.json' })
        .variable,
    ).toBe('HUB_JWKS_URL');
  });

  it('does not echo a Redis URL that may hold a password', () => {
    const error = errorOf({ REDIS_URL: 'mysql://user:hunter2@db' });
    expect(error.message).not.toContain('hunter2');
  });

  it('picks the platform data dir when HUB_DATA_DIR is unset', () => {
    expect(loadHubConfig({}, { platform: 'darwin', homeDir: '/Users/op', env: {} }).dataDir).toBe(
      '/Users/op/Library/Application Support/ops-hub',
    );
    expect(
      loadHubConfig({}, { platform: 'linux', homeDir: '/home/op', env: { XDG_DATA_HOME: '/data' } })
        .dataDir,
    ).toBe('/data/ops-hub');
    expect(
      loadHubConfig({}, { platform: 'linux', homeDir: '/home/op', env: { XDG_DATA_HOME: '' } })
        .dataDir,
    ).toBe('/home/op/.local/share/ops-hub');
  });
});
