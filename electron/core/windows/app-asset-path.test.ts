import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppAsset } from './app-asset-path';

const root = resolve('/opt/ops-console/out/renderer');

describe('resolveAppAsset', () => {
  it('serves index.html for the root and files inside the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://console/', 'console')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://console/index.html?tenant=cedar-group', 'console')).toBe(
      join(root, 'index.html'),
    );
    expect(resolveAppAsset(root, 'app://console/assets/index-abc.js', 'console')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it('keeps dot segments inside the folder (the URL parser folds `..` and `%2e%2e` away)', () => {
    expect(resolveAppAsset(root, 'app://console/../../etc/passwd', 'console')).toBe(
      join(root, 'etc', 'passwd'),
    );
    expect(resolveAppAsset(root, 'app://console/%2e%2e/%2e%2e/etc/passwd', 'console')).toBe(
      join(root, 'etc', 'passwd'),
    );
  });

  it('refuses encoded paths that would escape the folder, however they are spelled', () => {
    for (const url of [
      'app://console/assets/%2E%2E%2F%2E%2E%2Fsecret',
      'app://console/..%5c..%5cwindows%5cwin.ini',
      'app://console/a%00.html',
      'app://console/%E0%A4%A',
    ]) {
      expect(resolveAppAsset(root, url, 'console'), url).toBeNull();
    }
  });

  it('refuses other hosts on the scheme', () => {
    expect(resolveAppAsset(root, 'app://other/index.html', 'console')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('maps known types and never guesses unknown ones as HTML', () => {
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/blob.bin')).toBe('application/octet-stream');
  });
});
