import { describe, expect, it } from 'vitest';
import {
  InsecureHubUrlError,
  normalizeHubUrl,
  requireSecureHubTransport,
  wsUrlOf,
} from './hub-url';

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

describe('transport security of hub URLs', () => {
  it.each([
    'http://127.0.0.1:8787',
    'http://127.8.9.10:8787',
    'http://localhost:8787',
    'http://LOCALHOST:8787',
    'http://[::1]:8787',
    'https://hub.example',
    'https://10.0.0.5:8787',
  ])('allows %s without any policy', (hubUrl) => {
    expect(() =>
      requireSecureHubTransport(hubUrl, { allowInsecureRemoteHubs: false, ownAddresses: [] }),
    ).not.toThrow();
  });

  it.each([
    'http://hub.example:8787',
    'http://10.0.0.5:8787',
    'http://128.0.0.1:8787',
    'http://localhost.example.com',
    'http://[::2]:8787',
    'http://0.0.0.0:8787',
  ])('refuses plain http to the remote hub %s, naming https and the policy key', (hubUrl) => {
    expect(() =>
      requireSecureHubTransport(hubUrl, { allowInsecureRemoteHubs: false, ownAddresses: [] }),
    ).toThrow(InsecureHubUrlError);
    expect(() =>
      requireSecureHubTransport(hubUrl, { allowInsecureRemoteHubs: false, ownAddresses: [] }),
    ).toThrow(/https:\/\/.*allowInsecureRemoteHubs/s);
  });

  it("allows plain http to one of this computer's own addresses (the bundled hub bound to a LAN address)", () => {
    const policy = { allowInsecureRemoteHubs: false, ownAddresses: ['192.168.1.5', 'fe80::1'] };
    expect(() => requireSecureHubTransport('http://192.168.1.5:8787', policy)).not.toThrow();
    expect(() => requireSecureHubTransport('http://[fe80::1]:8787', policy)).not.toThrow();
    expect(() => requireSecureHubTransport('http://192.168.1.6:8787', policy)).toThrow(
      InsecureHubUrlError,
    );
  });

  it('allows plain http to a remote hub only when policy says allowInsecureRemoteHubs', () => {
    expect(() =>
      requireSecureHubTransport('http://hub.example:8787', { allowInsecureRemoteHubs: true }),
    ).not.toThrow();
  });
});
