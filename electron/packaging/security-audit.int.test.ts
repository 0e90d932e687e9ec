import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDITED_SOURCES, auditSources } from './security-audit';

/** Electronegativity, as CI runs it, over the real tree and over a window that turns the guards off. */

const root = resolve(import.meta.dirname, '../..');
let electronVersion: string;
let fixture: string;

beforeAll(async () => {
  electronVersion = (
    JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  fixture = await mkdtemp(join(tmpdir(), 'audit-fixture-'));
});
afterAll(async () => {
  await rm(fixture, { recursive: true, force: true });
});

describe('security audit (Electronegativity)', () => {
  it('passes over electron/ and the renderer: nothing HIGH, no guarded rule, every file parsed', async () => {
    const result = await auditSources(root, AUDITED_SOURCES, electronVersion);
    expect(result.unparsed).toEqual([]);
    expect(result.findings.filter((finding) => finding.fails)).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('fails when a window turns off sandbox or contextIsolation, even where the rule is rated MEDIUM', async () => {
    await writeFile(
      join(fixture, 'main.js'),
      [
        "const { BrowserWindow } = require('electron');",
        'const win = new BrowserWindow({',
        "  webPreferences: { preload: 'preload.js', sandbox: false, contextIsolation: false },",
        '});',
        "win.loadURL('app://console/index.html');",
        '',
      ].join('\n'),
    );
    const result = await auditSources(fixture, ['main.js'], electronVersion);
    const failing = result.findings
      .filter((finding) => finding.fails)
      .map((finding) => finding.rule);
    expect(failing).toContain('SANDBOX_JS_CHECK');
    expect(failing).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(result.passed).toBe(false);
  });
});
