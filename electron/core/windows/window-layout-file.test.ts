import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAYOUT_FILE, loadWindowLayout, saveWindowLayout } from './window-layout-file';
import type { LogLine } from './window-layout-file';
import type { WindowLayout } from './window-layout';

let dir: string;
let lines: { level: string; message: string }[];
const log: LogLine = (level, message) => lines.push({ level, message });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layout-'));
  lines = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const layout: WindowLayout = {
  version: 1,
  windows: [
    {
      id: 'main',
      tenant: null,
      board: null,
      bounds: { x: 0, y: 0, width: 1200, height: 800 },
      displayId: 1,
      mode: 'normal',
    },
    {
      id: 'wall',
      tenant: 'harbor-eats',
      board: 'orders',
      bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
      displayId: 2,
      mode: 'kiosk',
      playlist: { boards: ['orders', 'overview'], intervalSec: 30 },
    },
  ],
};

describe('window layout file', () => {
  it('restores exactly what was saved', async () => {
    await saveWindowLayout(dir, layout);
    expect(await loadWindowLayout(dir, log)).toEqual(layout);
    expect(lines).toEqual([]);
  });

  it('leaves no temp files behind after saving', async () => {
    await saveWindowLayout(dir, layout);
    await saveWindowLayout(dir, { ...layout, windows: [] });
    expect(await readdir(dir)).toEqual([LAYOUT_FILE]);
  });

  it('gives an empty layout with no log line when there is no file yet', async () => {
    expect((await loadWindowLayout(dir, log)).windows).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('discards a truncated file with a warning instead of failing', async () => {
    await saveWindowLayout(dir, layout);
    const text = await readFile(join(dir, LAYOUT_FILE), 'utf8');
    await writeFile(join(dir, LAYOUT_FILE), text.slice(0, text.length / 2));
    expect((await loadWindowLayout(dir, log)).windows).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
  });

  it('discards well-formed JSON of the wrong shape (bad mode, negative size, other version) with a warning', async () => {
    for (const bad of [
      { version: 1, windows: [{ ...layout.windows[0], mode: 'maximised' }] },
      {
        version: 1,
        windows: [{ ...layout.windows[0], bounds: { x: 0, y: 0, width: -5, height: 10 } }],
      },
      { version: 99, windows: [] },
      [1, 2, 3],
    ]) {
      await writeFile(join(dir, LAYOUT_FILE), JSON.stringify(bad));
      expect((await loadWindowLayout(dir, log)).windows).toEqual([]);
    }
    expect(lines).toHaveLength(4);
  });

  it('refuses to save an invalid layout rather than writing a file it could not load', async () => {
    const bad = {
      version: 1,
      windows: [{ ...layout.windows[0], tenant: 'Not A Tenant' }],
    } as unknown as WindowLayout;
    await expect(saveWindowLayout(dir, bad)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
