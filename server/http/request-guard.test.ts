import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createHostCheck, createMetricsAccess } from './request-guard';

const req = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('createHostCheck', () => {
  const check = createHostCheck(['ops.example.com'], 'FrontDesk-PC');

  it('allows local names, IP literals and listed names, with or without a port', () => {
    for (const host of [
      'localhost:8787',
      'LOCALHOST',
      'kiosk.localhost',
      '127.0.0.1:8787',
      '10.1.2.3',
      '[::1]:8787',
      'ops.example.com',
      'OPS.example.com.:443',
      'frontdesk-pc:8787',
      'frontdesk-pc.local',
    ])
      expect(check(req({ host })), host).toBe(true);
  });

  it('refuses a rebound name, a missing Host and garbage', () => {
    for (const host of ['attacker.example', 'ops.example.com.attacker.example', '', 'a b'])
      expect(check(req(host ? { host } : {})), host).toBe(false);
  });

  it('allows every Host with *', () => {
    expect(createHostCheck(['*'])(req({ host: 'anything.example' }))).toBe(true);
  });
});

describe('createMetricsAccess', () => {
  it('without a token answers loopback clients only', () => {
    const access = createMetricsAccess(undefined);
    expect(access(req({}, '127.0.0.1'))).toBe('ok');
    expect(access(req({}, '::ffff:127.0.0.1'))).toBe('ok');
    expect(access(req({}, '192.168.1.20'))).toBe('forbidden');
  });

  it('with a token wants exactly that bearer, from any address', () => {
    const access = createMetricsAccess('a-metrics-token-of-some-length');
    expect(
      access(req({ authorization: 'Bearer a-metrics-token-of-some-length' }, '10.0.0.1')),
    ).toBe('ok');
    expect(access(req({ authorization: 'Bearer wrong' }))).toBe('unauthorized');
    expect(access(req({}))).toBe('unauthorized');
  });
});
