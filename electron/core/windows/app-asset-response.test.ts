import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appAssetResponse } from './app-asset-response';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'renderer-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Ops Console</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, '..', `secret-${root.slice(-6)}.txt`), 'secret');
});
afterEach(async () => {
  await rm(join(root, '..', `secret-${root.slice(-6)}.txt`), { force: true });
  await rm(root, { recursive: true, force: true });
});

describe('appAssetResponse', () => {
  it('serves index.html with the CSP and nosniff', async () => {
    const answer = await appAssetResponse(
      root,
      'app://console/',
      'console',
      "default-src 'none'",
      (f) => readFile(f),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toMatch(/^text\/html/);
    expect(answer.headers['Content-Security-Policy']).toBe("default-src 'none'");
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(Buffer.from(answer.body).toString()).toContain('Ops Console');
  });

  it('serves scripts as JavaScript', async () => {
    const answer = await appAssetResponse(
      root,
      'app://console/assets/app.js',
      'console',
      'x',
      (f) => readFile(f),
    );
    expect(answer.headers['Content-Type']).toMatch(/^text\/javascript/);
  });

  it('answers 404 for missing files, folders and files outside the renderer folder', async () => {
    for (const url of [
      'app://console/nope.js',
      'app://console/assets',
      `app://console/..%2Fsecret-${root.slice(-6)}.txt`,
    ]) {
      const answer = await appAssetResponse(root, url, 'console', 'x', (f) => readFile(f));
      expect(answer.status, url).toBe(404);
      expect(answer.headers['Content-Security-Policy']).toBe('x');
    }
  });

  it('rethrows unexpected read errors instead of hiding them as 404', async () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    await expect(
      appAssetResponse(root, 'app://console/', 'console', 'x', () => Promise.reject(denied)),
    ).rejects.toBe(denied);
  });
});
