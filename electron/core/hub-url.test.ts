import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';
import { normalizeHubUrl, wsUrlOf } from './hub-url';

describe('hub url', () => {
  it('normalises http(s) base URLs and derives the WebSocket endpoint', () => {
    expect(normalizeHubUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(normalizeHubUrl(' https://hub.example/ops// ')).toBe('https://hub.example/ops');
    expect(wsUrlOf('http://127.0.0.1:8787')).toBe('ws://127.0.0.1:8787/v1/ws');
    expect(wsUrlOf('https://hub.example/ops')).toBe('wss://hub.example/ops/v1/ws');
  });

  it.each([
    ['ws://h', /http:\/\/ or https:\/\//],
    ['nonsense', /base URL/],
    ['http://user:pw@h', /credentials/],
    ['http://h/?access_token=x', /query/],
  ])('rejects %s', (input, message) => {
    expect(() => normalizeHubUrl(input)).toThrow(message);
  });
});

describe('data dir', () => {
  it('uses OPS_CONSOLE_DATA_DIR, else the platform default', () => {
    expect(resolveDataDir({ OPS_CONSOLE_DATA_DIR: '/x' }, 'linux', '/home/a')).toBe('/x');
    expect(resolveDataDir({}, 'linux', '/home/a')).toBe('/home/a/.local/share/ops-console');
    expect(resolveDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/a')).toBe('/xdg/ops-console');
    expect(resolveDataDir({}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/ops-console',
    );
  });
});
