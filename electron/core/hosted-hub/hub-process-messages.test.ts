import { describe, expect, it } from 'vitest';
import { localHubUrl, parseHubChildMessage } from './hub-process-messages';

describe('parseHubChildMessage', () => {
  it('accepts a ready message', () => {
    const ready = {
      type: 'ready',
      url: 'http://127.0.0.1:8787',
      port: 8787,
      backplane: 'memory',
      demo: true,
    };
    expect(parseHubChildMessage(ready)).toEqual(ready);
  });

  it('accepts a failure report', () => {
    expect(
      parseHubChildMessage({
        type: 'failed',
        code: 'config',
        message: 'HUB_PORT: expected an integer',
      }),
    ).toMatchObject({ type: 'failed', code: 'config' });
  });

  it('turns anything else into a bad_message failure instead of throwing', () => {
    for (const raw of [null, 'ready', { type: 'ready', port: 'x' }, { type: 'other' }]) {
      expect(parseHubChildMessage(raw)).toMatchObject({ type: 'failed', code: 'bad_message' });
    }
  });
});

describe('localHubUrl', () => {
  it('reaches a hub bound to every interface over loopback', () => {
    expect(localHubUrl(8787, '0.0.0.0')).toBe('http://127.0.0.1:8787');
    expect(localHubUrl(8787, '::')).toBe('http://[::1]:8787');
  });

  it('uses a specific bound address as is, bracketing IPv6', () => {
    expect(localHubUrl(9000, '192.168.1.20')).toBe('http://192.168.1.20:9000');
    expect(localHubUrl(9000, '::1')).toBe('http://[::1]:9000');
  });
});
