import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hash';

const params = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the original password and rejects any other', async () => {
    const hash = await hashPassword('s3cret ünïcode', params);
    expect(await verifyPassword('s3cret ünïcode', hash)).toBe(true);
    expect(await verifyPassword('s3cret unicode', hash)).toBe(false);
  });

  it('salts every hash so equal passwords hash differently', async () => {
    expect(await hashPassword('same', params)).not.toBe(await hashPassword('same', params));
  });

  it('rejects malformed hashes and parameters that would make verification hang', async () => {
    const hash = await hashPassword('pw', params);
    expect(await verifyPassword('pw', 'plain')).toBe(false);
    expect(await verifyPassword('pw', hash.replace('N=1024', 'N=1000'))).toBe(false);
    expect(await verifyPassword('pw', hash.replace('N=1024', 'N=4194304'))).toBe(false);
  });

  it('answers false for an unknown user after doing the same hashing work', async () => {
    expect(await verifyAgainstDummy('anything', params)).toBe(false);
  });
});
