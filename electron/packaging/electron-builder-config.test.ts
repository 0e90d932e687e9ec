import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The packaging configuration as electron-builder itself resolves it (its own
 * loader, then its own schema validation), so a typo in electron-builder.yml
 * fails here and not on the release runner.
 */

const root = resolve(import.meta.dirname, '../..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
});

/** Every target name configured for one platform block. */
function targetsOf(block: unknown): string[] {
  const target = (block as { target?: unknown } | undefined)?.target;
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry) =>
    typeof entry === 'string' ? entry : (entry as { target: string }).target,
  );
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation (app-builder-lib validateConfiguration)", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  }, 60_000);

  it('is really checked by that validation: an unknown key is rejected', async () => {
    const broken = { ...config, macc: { target: 'zip' } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/macc/);
  }, 60_000);

  it('flips every fuse the security checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    // onlyLoadAppFromAsar and asar integrity need the app packed into an asar.
    expect(config.asar).not.toBe(false);
  });

  it('builds zip next to dmg and pkg on macOS (Squirrel.Mac updates from the zip)', () => {
    expect(targetsOf(config.mac)).toEqual(['dmg', 'pkg', 'zip']);
  });

  it('builds an rpm depending on libsecret next to the deb and AppImage on Linux', () => {
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.rpm?.depends).toContain('libsecret');
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it('keeps the per-machine MSI with its fixed upgradeCode and the NSIS installer that accepts /allusers', () => {
    expect(targetsOf(config.win)).toEqual(['nsis', 'msi']);
    expect(config.msi?.perMachine).toBe(true);
    expect(config.msi?.upgradeCode).toBe('6f1b6a52-8c1e-4d0a-9a57-0b7f3c1d2e41');
    // perMachine false + allowElevation is what makes `/allusers` available in the NSIS installer.
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.allowElevation).toBe(true);
    expect(config.nsis?.oneClick).toBe(false);
  });

  it('publishes to a generic feed whose URL comes from the environment, never hard-coded', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.OPS_CONSOLE_UPDATE_FEED}' });
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });
});

/** Relative imports of a TypeScript file, resolved to files. */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    const base = resolve(dirname(file), match[1] ?? '');
    const candidate = [`${base}.ts`, join(base, 'index.ts'), base].find(
      (path) => existsSync(path) && path.endsWith('.ts'),
    );
    if (candidate) found.push(candidate);
  }
  return found;
}

describe('runAsNode can stay off', () => {
  it('no module reachable from the main, hub or preload entry forks a child process or sets ELECTRON_RUN_AS_NODE', () => {
    const entries = [
      'electron/main/index.ts',
      'electron/main/hub-process-entry.ts',
      'electron/preload/index.ts',
    ];
    const seen = new Set<string>();
    const queue = entries.map((entry) => join(root, entry));
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...localImports(file));
    }
    expect(seen.size).toBeGreaterThan(40);
    const offenders = [...seen].filter((file) =>
      /ELECTRON_RUN_AS_NODE|['"](node:)?child_process['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('runs the bundled hub in a utilityProcess', () => {
    const hostedHub = readFileSync(join(root, 'electron/main/hosted-hub.ts'), 'utf8');
    expect(hostedHub).toMatch(/utilityProcess\.fork\(/);
  });
});
