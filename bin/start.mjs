#!/usr/bin/env node
// `npm start`: the desktop app on the embedded default (bundled hub + demo).
// Where Electron cannot run (no binary and no way to download it, or no display),
// it says why and starts the same embedded default headless: hub + demo + browser console.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    // require('electron') throws when its postinstall skipped or failed the download.
    return null;
  }
}

function ensureElectron() {
  if (electronBinary()) return { ok: true };
  console.log('ops-console: the Electron binary is not installed yet; downloading it once…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    env,
    stdio: 'inherit',
    timeout: 300_000,
  });
  if (result.status === 0 && electronBinary()) return { ok: true };
  return { ok: false, reason: 'the Electron binary could not be downloaded on this machine' };
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = hasDisplay()
  ? ensureElectron()
  : { ok: false, reason: 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)' };
if (electron.ok) {
  run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'preview']);
} else {
  console.log(`ops-console: cannot start the desktop app: ${electron.reason}.`);
  console.log(
    'ops-console: starting the same embedded default headless instead: hub + demo + browser console.',
  );
  run(process.execPath, [join(root, 'bin/console.mjs')]);
}
