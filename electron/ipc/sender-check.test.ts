import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSenderUrl, trustedOrigins } from './sender-check';

describe('isTrustedSenderUrl', () => {
  const packaged = trustedOrigins({ isPackaged: true, devServerUrl: 'http://localhost:5173' });

  it('accepts our app://console documents', () => {
    expect(isTrustedSenderUrl('app://console/index.html?tenant=cedar-group', packaged)).toBe(true);
  });

  it('rejects other hosts on our scheme, other schemes, and opaque or missing URLs', () => {
    for (const url of [
      'app://evil/index.html',
      'file:///tmp/index.html',
      'https://console/',
      'about:blank',
      'data:text/html,x',
      'null',
      '',
      undefined,
      null,
    ]) {
      expect(isTrustedSenderUrl(url, packaged), String(url)).toBe(false);
    }
  });

  it('rejects URLs that carry credentials', () => {
    expect(isTrustedSenderUrl('app://user:pw@console/index.html', packaged)).toBe(false);
  });

  it('ignores the dev server when packaged, and trusts only its exact host and port when not', () => {
    expect(packaged).toEqual([APP_ORIGIN]);
    expect(isTrustedSenderUrl('http://localhost:5173/', packaged)).toBe(false);
    const dev = trustedOrigins({ isPackaged: false, devServerUrl: 'http://localhost:5173' });
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/index.html', dev)).toBe(false);
    expect(isTrustedSenderUrl('https://localhost:5173/index.html', dev)).toBe(false);
  });

  it('refuses a dev server URL that is not loopback', () => {
    expect(() =>
      trustedOrigins({ isPackaged: false, devServerUrl: 'http://example.com:5173' }),
    ).toThrow(/loopback/);
  });
});
