import { describe, expect, it } from 'vitest';
import { DEFAULT_HOSTED_HUB_SETTINGS } from './hosted-hub-settings';
import { buildHubProcessLaunch } from './hub-process-launch';
import type { HubLaunchInput } from './hub-process-launch';

const input: HubLaunchInput = {
  settings: DEFAULT_HOSTED_HUB_SETTINGS,
  port: 8787,
  hubDataDir: '/data/ops-console/hosted-hub',
  consoleDir: '/opt/ops-console/resources/app.asar/out/renderer',
  admin: { username: 'admin', password: 's3cret-admin-pw' },
  baseEnv: {
    PATH: '/usr/bin',
    HOME: '/home/ana',
    OPS_CONSOLE_SECRET: 'x',
    REDIS_URL: 'redis://:pw@elsewhere:6379',
    HUB_JWT_SECRET: 'y'.repeat(40),
  },
};

describe('buildHubProcessLaunch', () => {
  it('configures the hub through its documented HUB_* variables, on the embedded backplane with the demo by default', () => {
    const launch = buildHubProcessLaunch(input);
    expect(launch.args).toEqual(['--demo']);
    expect(launch.env).toMatchObject({
      HUB_HOST: '127.0.0.1',
      HUB_PORT: '8787',
      HUB_DATA_DIR: '/data/ops-console/hosted-hub',
      HUB_CONSOLE_DIR: input.consoleDir,
    });
    expect(launch.env.REDIS_URL).toBeUndefined();
  });

  it('keeps the admin password out of argv and env (it goes over the message port) and copies no unrelated variables (not even a REDIS_URL of the console)', () => {
    const launch = buildHubProcessLaunch(input);
    expect(launch.args.join(' ')).not.toContain('s3cret-admin-pw');
    expect(JSON.stringify(launch.env)).not.toContain('s3cret-admin-pw');
    expect(launch.env.HUB_ADMIN_PASSWORD).toBeUndefined();
    expect(launch.secrets.admin).toEqual({ username: 'admin', password: 's3cret-admin-pw' });
    expect(launch.env.OPS_CONSOLE_SECRET).toBeUndefined();
    expect(launch.env.HUB_JWT_SECRET).toBeUndefined();
    expect(launch.env.PATH).toBe('/usr/bin');
  });

  it('uses Redis only when chosen, with the given URL passed as a secret (it may carry a password), and no demo when turned off', () => {
    const launch = buildHubProcessLaunch({
      ...input,
      settings: { ...DEFAULT_HOSTED_HUB_SETTINGS, useRedis: true, demo: false },
      redisUrl: 'redis://:pw@127.0.0.1:6379',
    });
    expect(launch.env.REDIS_URL).toBeUndefined();
    expect(launch.secrets.redisUrl).toBe('redis://:pw@127.0.0.1:6379');
    expect(launch.args).toEqual([]);
  });

  it('names the fix when Redis is chosen but no URL is given', () => {
    expect(() =>
      buildHubProcessLaunch({
        ...input,
        settings: { ...DEFAULT_HOSTED_HUB_SETTINGS, useRedis: true },
      }),
    ).toThrow(/REDIS_URL/);
  });

  it('binds an IPv6 address without brackets, as the hub expects', () => {
    expect(
      buildHubProcessLaunch({
        ...input,
        settings: { ...DEFAULT_HOSTED_HUB_SETTINGS, bindAddress: '[::1]' },
      }).env.HUB_HOST,
    ).toBe('::1');
  });
});
