import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  isHubUrlAllowed,
  isPolicyOverrideIgnored,
  loadManagedPolicy,
  policyFilePath,
  RESTRICTIVE_POLICY,
} from './managed-policy';
import type { PolicyLog } from './managed-policy';

let dir: string;
let file: string;
let lines: { level: string; message: string }[];
const log: PolicyLog = (level, message) => lines.push({ level, message });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-'));
  file = join(dir, 'policy.json');
  lines = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadManagedPolicy', () => {
  it('uses the defaults silently when no policy is deployed', async () => {
    const loaded = await loadManagedPolicy(file, log);
    expect(loaded).toEqual({ policy: DEFAULT_POLICY, source: 'defaults', file });
    expect(lines).toEqual([]);
  });

  it('reads a full policy and fills in kiosk defaults', async () => {
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        defaultHubUrl: 'https://ops.example.com',
        lockHubUrl: true,
        allowHostedHub: false,
        kiosk: { tenant: 'harbor-eats', boards: ['orders', 'overview'] },
      }),
    );
    const loaded = await loadManagedPolicy(file, log);
    expect(loaded.source).toBe('file');
    expect(loaded.policy).toEqual({
      version: 1,
      defaultHubUrl: 'https://ops.example.com',
      lockHubUrl: true,
      allowHostedHub: false,
      allowInsecureRemoteHubs: false,
      kiosk: {
        tenant: 'harbor-eats',
        boards: ['orders', 'overview'],
        intervalSec: 30,
        displayIndex: 0,
      },
    });
  });

  it('accepts the shipped example policy', async () => {
    const loaded = await loadManagedPolicy(
      join(import.meta.dirname, '../../../resources/policy/policy.example.json'),
      log,
    );
    expect(loaded.source).toBe('file');
    expect(loaded.error).toBeUndefined();
  });

  it('falls back to the most restrictive policy with one error line naming the field for a bad value', async () => {
    await writeFile(file, JSON.stringify({ version: 1, defaultHubUrl: 'ftp://ops.example.com' }));
    const loaded = await loadManagedPolicy(file, log);
    expect(loaded.source).toBe('restricted');
    expect(loaded.policy).toEqual(RESTRICTIVE_POLICY);
    expect(loaded.error).toContain('defaultHubUrl');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('error');
    expect(lines[0]?.message).toContain('defaultHubUrl');
    expect(lines[0]?.message).toContain(file);
  });

  it('rejects a lock without a hub to lock to, an unknown key, a bad board and invalid JSON', async () => {
    for (const text of [
      JSON.stringify({ version: 1, lockHubUrl: true }),
      JSON.stringify({ version: 1, lockHubURL: true }),
      JSON.stringify({ version: 1, kiosk: { tenant: 'harbor-eats', boards: ['kitchen-sink'] } }),
      '{ "version": 1, ',
    ]) {
      await writeFile(file, text);
      const loaded = await loadManagedPolicy(file, log);
      expect(loaded.source, text).toBe('restricted');
      expect(loaded.policy, text).toBe(RESTRICTIVE_POLICY);
      expect(loaded.error, text).toBeTruthy();
    }
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(4);
  });

  it('reports a policy path that cannot be read (a folder) instead of crashing, and restricts', async () => {
    const loaded = await loadManagedPolicy(dir, log);
    expect(loaded.source).toBe('restricted');
    expect(loaded.policy).toBe(RESTRICTIVE_POLICY);
    expect(loaded.error).toMatch(/cannot read/);
  });

  it('turns off sign-in to every hub, the hosted hub and updates when the file is broken', async () => {
    await writeFile(file, '{ "version": 1, "allowHostedHub": tru');
    const { policy, error } = await loadManagedPolicy(file, log);
    expect(error).toMatch(/not valid JSON/);
    expect(isHubUrlAllowed(policy, 'https://ops.example.com')).toBe(false);
    expect(isHubUrlAllowed(policy, 'http://127.0.0.1:8787')).toBe(false);
    expect(policy.allowHostedHub).toBe(false);
    expect(policy.updates?.enabled).toBe(false);
    expect(policy.kiosk).toBeUndefined();
    expect(lines.at(-1)?.message).toMatch(/most restrictive/);
  });

  it('reads the updates and startup blocks with their defaults', async () => {
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        updates: { channel: 'beta', feedUrl: 'https://updates.example.com/ops-console/' },
        startup: { launchAtLogin: true, displayIndex: 1 },
      }),
    );
    const { policy, source } = await loadManagedPolicy(file, log);
    expect(source).toBe('file');
    expect(policy.updates).toEqual({
      enabled: true,
      channel: 'beta',
      feedUrl: 'https://updates.example.com/ops-console/',
    });
    expect(policy.startup).toEqual({
      launchAtLogin: true,
      displayIndex: 1,
      maxRendererReloadsPerHour: 12,
    });
  });

  it('rejects an http or credential-carrying update feed, and restricts', async () => {
    for (const feedUrl of [
      'http://updates.example.com/',
      'https://user:pw@updates.example.com/',
      'https://updates.example.com/?token=x',
    ]) {
      await writeFile(file, JSON.stringify({ version: 1, updates: { feedUrl } }));
      const loaded = await loadManagedPolicy(file, log);
      expect(loaded.source, feedUrl).toBe('restricted');
      expect(loaded.error, feedUrl).toContain('updates.feedUrl');
    }
  });
});

describe('isHubUrlAllowed', () => {
  const locked = { ...DEFAULT_POLICY, lockHubUrl: true, defaultHubUrl: 'https://ops.example.com' };

  it('allows any hub when not locked', () => {
    expect(isHubUrlAllowed(DEFAULT_POLICY, 'http://127.0.0.1:8787')).toBe(true);
  });

  it('allows no hub at all when locked without a default (the restrictive fallback)', () => {
    expect(isHubUrlAllowed(RESTRICTIVE_POLICY, 'https://ops.example.com')).toBe(false);
  });

  it('allows only the default hub origin when locked', () => {
    expect(isHubUrlAllowed(locked, 'https://ops.example.com/')).toBe(true);
    expect(isHubUrlAllowed(locked, 'https://ops.example.com:8443')).toBe(false);
    expect(isHubUrlAllowed(locked, 'http://ops.example.com')).toBe(false);
    expect(isHubUrlAllowed(locked, 'not a url')).toBe(false);
  });
});

describe('policyFilePath', () => {
  it('uses the documented machine-wide location per platform, overridable by OPS_CONSOLE_POLICY_FILE in development', () => {
    expect(policyFilePath('linux', {}, false)).toBe('/etc/ops-console/policy.json');
    expect(policyFilePath('darwin', {}, false)).toBe(
      '/Library/Application Support/Ops Console/policy.json',
    );
    expect(policyFilePath('win32', { ProgramData: 'D:\\PD' }, false)).toContain('Ops Console');
    expect(policyFilePath('linux', { OPS_CONSOLE_POLICY_FILE: '/tmp/p.json' }, false)).toBe(
      '/tmp/p.json',
    );
    expect(isPolicyOverrideIgnored({ OPS_CONSOLE_POLICY_FILE: '/tmp/p.json' }, false)).toBe(false);
  });

  it("ignores OPS_CONSOLE_POLICY_FILE in packaged builds, so only IT's file applies", () => {
    const env = { OPS_CONSOLE_POLICY_FILE: '/tmp/p.json' };
    expect(policyFilePath('linux', env, true)).toBe('/etc/ops-console/policy.json');
    expect(policyFilePath('darwin', env, true)).toBe(
      '/Library/Application Support/Ops Console/policy.json',
    );
    expect(policyFilePath('win32', { ...env, ProgramData: 'D:\\PD' }, true)).not.toContain(
      'p.json',
    );
    expect(isPolicyOverrideIgnored(env, true)).toBe(true);
    expect(isPolicyOverrideIgnored({}, true)).toBe(false);
  });
});

describe('policy.schema.json', () => {
  it('matches the schema the loader enforces (regenerate with the command in docs/deployment.md)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { policyJsonSchema } = await import('./managed-policy');
    const shipped = JSON.parse(
      await readFile(
        join(import.meta.dirname, '../../../resources/policy/policy.schema.json'),
        'utf8',
      ),
    ) as unknown;
    expect(shipped).toEqual(policyJsonSchema());
  });
});
