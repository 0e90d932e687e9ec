import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  isHubUrlAllowed,
  loadManagedPolicy,
  policyFilePath,
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

  it('falls back to defaults with one error line naming the field for a bad value', async () => {
    await writeFile(file, JSON.stringify({ version: 1, defaultHubUrl: 'ftp://ops.example.com' }));
    const loaded = await loadManagedPolicy(file, log);
    expect(loaded.source).toBe('defaults');
    expect(loaded.policy).toEqual(DEFAULT_POLICY);
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
      expect(loaded.source, text).toBe('defaults');
      expect(loaded.error, text).toBeTruthy();
    }
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(4);
  });

  it('reports a policy path that cannot be read (a folder) instead of crashing', async () => {
    const loaded = await loadManagedPolicy(dir, log);
    expect(loaded.source).toBe('defaults');
    expect(loaded.error).toMatch(/cannot read/);
  });
});

describe('isHubUrlAllowed', () => {
  const locked = { ...DEFAULT_POLICY, lockHubUrl: true, defaultHubUrl: 'https://ops.example.com' };

  it('allows any hub when not locked', () => {
    expect(isHubUrlAllowed(DEFAULT_POLICY, 'http://127.0.0.1:8787')).toBe(true);
  });

  it('allows only the default hub origin when locked', () => {
    expect(isHubUrlAllowed(locked, 'https://ops.example.com/')).toBe(true);
    expect(isHubUrlAllowed(locked, 'https://ops.example.com:8443')).toBe(false);
    expect(isHubUrlAllowed(locked, 'http://ops.example.com')).toBe(false);
    expect(isHubUrlAllowed(locked, 'not a url')).toBe(false);
  });
});

describe('policyFilePath', () => {
  it('uses the documented machine-wide location per platform, overridable by OPS_CONSOLE_POLICY_FILE', () => {
    expect(policyFilePath('linux', {})).toBe('/etc/ops-console/policy.json');
    expect(policyFilePath('darwin', {})).toBe(
      '/Library/Application Support/Ops Console/policy.json',
    );
    expect(policyFilePath('win32', { ProgramData: 'D:\\PD' })).toContain('Ops Console');
    expect(policyFilePath('linux', { OPS_CONSOLE_POLICY_FILE: '/tmp/p.json' })).toBe('/tmp/p.json');
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
