import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskRotation } from './kiosk-policy';
import { loadManagedPolicy, RESTRICTIVE_POLICY, type PolicyLog } from './managed-policy';

let dir: string;
let file: string;
let lines: { level: string; message: string }[];
const log: PolicyLog = (level, message) => lines.push({ level, message });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-policy-'));
  file = join(dir, 'policy.json');
  lines = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const acrossTenants = {
  name: 'Lobby TV',
  steps: [
    { tenant: 'cedar-group', board: 'orders' },
    { tenant: 'harbor-eats', board: 'overview' },
  ],
  intervalSec: 20,
};

describe('policy playlists', () => {
  it('reads playlists from the policy file and lets the kiosk open one by name across tenants', async () => {
    await writeFile(
      file,
      JSON.stringify({ version: 1, playlists: [acrossTenants], kiosk: { playlist: 'Lobby TV' } }),
    );
    const loaded = await loadManagedPolicy(file, log);
    expect(loaded.source).toBe('file');
    expect(loaded.policy.playlists).toEqual([acrossTenants]);
    const kiosk = loaded.policy.kiosk;
    expect(kiosk?.displayIndex).toBe(0);
    expect(kiosk && kioskRotation(kiosk, loaded.policy.playlists)).toEqual({
      steps: acrossTenants.steps,
      intervalSec: 20,
    });
  });

  it('still turns a one-tenant kiosk block into steps of that tenant', async () => {
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        kiosk: { tenant: 'harbor-eats', boards: ['orders', 'floor'], intervalSec: 5 },
      }),
    );
    const { policy } = await loadManagedPolicy(file, log);
    expect(policy.kiosk && kioskRotation(policy.kiosk)).toEqual({
      steps: [
        { tenant: 'harbor-eats', board: 'orders' },
        { tenant: 'harbor-eats', board: 'floor' },
      ],
      intervalSec: 5,
    });
  });

  it('refuses, with the field named, an interval outside 5..3600 s, a kiosk naming a missing playlist, duplicate names and a mixed kiosk block', async () => {
    const cases: [unknown, string][] = [
      [
        { version: 1, playlists: [{ ...acrossTenants, intervalSec: 4 }] },
        'playlists.0.intervalSec',
      ],
      [{ version: 1, playlists: [{ ...acrossTenants, intervalSec: 3601 }] }, 'at most 3600 s'],
      [
        { version: 1, kiosk: { tenant: 'harbor-eats', boards: ['orders'], intervalSec: 2 } },
        'at least 5 s',
      ],
      [{ version: 1, playlists: [acrossTenants], kiosk: { playlist: 'Lobby' } }, 'kiosk.playlist'],
      [{ version: 1, playlists: [acrossTenants, acrossTenants] }, 'names must be unique'],
      [
        {
          version: 1,
          playlists: [acrossTenants],
          kiosk: { playlist: 'Lobby TV', tenant: 'harbor-eats' },
        },
        'either `playlist`',
      ],
      [{ version: 1, playlists: [{ ...acrossTenants, steps: [] }] }, 'at least one board'],
    ];
    for (const [policy, expected] of cases) {
      await writeFile(file, JSON.stringify(policy));
      const loaded = await loadManagedPolicy(file, log);
      expect(loaded.policy, expected).toBe(RESTRICTIVE_POLICY);
      expect(loaded.error, expected).toContain(expected);
    }
    expect(lines.filter((line) => line.level === 'error')).toHaveLength(cases.length);
  });
});
