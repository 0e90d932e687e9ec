import { describe, expect, it } from 'vitest';
import {
  credentialAccount,
  openCredentialStore,
  parseCredentialAccount,
  SESSION_ONLY_WARNING,
  SessionOnlyCredentialStore,
} from './credential-store';

describe('credential store', () => {
  it('names accounts <hub-url>#<username> and parses them back', () => {
    expect(credentialAccount('http://h:8787', 'ann')).toBe('http://h:8787#ann');
    expect(parseCredentialAccount('http://h:8787#ann')).toEqual({
      hubUrl: 'http://h:8787',
      username: 'ann',
    });
    expect(parseCredentialAccount('no-hash')).toBeNull();
  });

  it('falls back to session-only with a warning when the keychain cannot be opened', async () => {
    const warnings: Array<{ object: object; message: string }> = [];
    const store = await openCredentialStore(
      { warn: (object, message) => void warnings.push({ object, message }) },
      async () => {
        throw new Error('org.freedesktop.secrets was not provided');
      },
    );
    expect(store.kind).toBe('session-only');
    expect(store.sessionOnlyWarning).toContain(SESSION_ONLY_WARNING);
    expect(store.sessionOnlyWarning).toContain('org.freedesktop.secrets');
    expect(warnings).toEqual([
      {
        object: { reason: 'org.freedesktop.secrets was not provided' },
        message: SESSION_ONLY_WARNING,
      },
    ]);
  });

  it('session-only keeps secrets in memory per hub and user', async () => {
    const store = new SessionOnlyCredentialStore();
    await store.set('http://a', 'ann', 's1');
    await store.set('http://b', 'bob', 's2');
    expect(await store.get('http://a', 'ann')).toBe('s1');
    expect(await store.list('http://b')).toEqual([{ hubUrl: 'http://b', username: 'bob' }]);
    expect(await store.delete('http://a', 'ann')).toBe(true);
    expect(await store.get('http://a', 'ann')).toBeNull();
  });
});
