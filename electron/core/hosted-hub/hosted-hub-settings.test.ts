import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_HOSTED_HUB_SETTINGS,
  HOSTED_HUB_SETTINGS_FILE,
  loadHostedHubSettings,
  saveHostedHubSettings,
} from './hosted-hub-settings';

let dir: string;
let lines: string[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hosted-'));
  lines = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hosted hub settings', () => {
  it('defaults to a private loopback hub on 8787 with the demo', async () => {
    const settings = await loadHostedHubSettings(dir, (l) => lines.push(l));
    expect(settings).toEqual(DEFAULT_HOSTED_HUB_SETTINGS);
    expect(settings.bindAddress).toBe('127.0.0.1');
    expect(lines).toEqual([]);
  });

  it('keeps the address and port across restarts', async () => {
    await saveHostedHubSettings(dir, {
      ...DEFAULT_HOSTED_HUB_SETTINGS,
      bindAddress: '0.0.0.0',
      port: 9123,
      autoStart: true,
    });
    expect(await loadHostedHubSettings(dir, (l) => lines.push(l))).toMatchObject({
      bindAddress: '0.0.0.0',
      port: 9123,
      autoStart: true,
    });
  });

  it('replaces a damaged file by the defaults with a log line', async () => {
    await writeFile(join(dir, HOSTED_HUB_SETTINGS_FILE), '{"version":1,"port":99999}');
    expect(await loadHostedHubSettings(dir, (l) => lines.push(l))).toEqual(
      DEFAULT_HOSTED_HUB_SETTINGS,
    );
    await writeFile(join(dir, HOSTED_HUB_SETTINGS_FILE), 'not json');
    expect(await loadHostedHubSettings(dir, (l) => lines.push(l))).toEqual(
      DEFAULT_HOSTED_HUB_SETTINGS,
    );
    expect(lines).toHaveLength(2);
  });
});
