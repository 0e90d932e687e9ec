import { describe, expect, test } from 'vitest';
import { HeldToken } from './held-token';

describe('the browser host token', () => {
  test('a held token with time left is handed out for a reconnect with its remaining lifetime', async () => {
    let now = 1_000_000;
    const token = new HeldToken(() => now);
    token.set('jwt', 900, now);
    now += 100_000;
    expect(await token.source('reconnect')).toEqual({ ok: true, token: 'jwt', expiresInSec: 800 });
  });

  test('an in-band renewal is unavailable because the browser keeps no password', async () => {
    const token = new HeldToken(() => 0);
    token.set('jwt', 900, 0);
    expect(await token.source('inband')).toMatchObject({ ok: false, code: 'unavailable' });
  });

  test('an expired or absent token asks for sign-in (unauthorized)', async () => {
    let now = 0;
    const token = new HeldToken(() => now);
    expect(await token.source('initial')).toMatchObject({ ok: false, code: 'unauthorized' });
    token.set('jwt', 10, now);
    now = 9_000;
    expect(token.present()).toBe(false);
    expect(await token.source('reconnect')).toMatchObject({ ok: false, code: 'unauthorized' });
  });
});
