import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { createTokenMinter, createTokenVerifier } from './jwt';

const secret = 'a-test-secret-that-is-long-enough-32+';
const other = 'another-secret-that-is-long-enough-32';
const t0 = Date.UTC(2026, 0, 1);
const key = (s: string) => new TextEncoder().encode(s);

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error.reason;
    throw error;
  }
  return 'accepted';
}

function signed(claims: Record<string, unknown>, alg = 'HS256', signWith = secret) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setSubject('ops')
    .setIssuedAt(t0 / 1000)
    .setExpirationTime(t0 / 1000 + 60)
    .sign(key(signWith));
}

describe('JWT verification', () => {
  const verifier = createTokenVerifier({ secret, now: () => t0 });

  it('accepts a token minted by the hub and returns its claims', async () => {
    const minter = createTokenMinter({ secret, now: () => t0 });
    const { token, exp, expiresIn } = await minter.mint({
      sub: 'svc',
      tenants: ['cedar-group'],
      scope: 'publish',
      ttlMs: 3000,
    });
    expect(expiresIn).toBe(3);
    expect(exp).toBe(t0 / 1000 + 3);
    await expect(verifier.verify(token)).resolves.toMatchObject({
      sub: 'svc',
      tenants: ['cedar-group'],
      scope: 'publish',
      exp,
    });
  });

  it('refuses a missing token, a non-JWT and a bad signature', async () => {
    expect(await reasonOf(verifier.verify(undefined))).toBe('missing');
    expect(await reasonOf(verifier.verify('not-a-jwt'))).toBe('malformed');
    expect(
      await reasonOf(verifier.verify(await signed({ tenants: [], scope: 'read' }, 'HS256', other))),
    ).toBe('bad_signature');
  });

  it('refuses alg none and algorithms the hub was not configured for', async () => {
    const none = new UnsecuredJWT({ tenants: ['a'], scope: 'read' })
      .setSubject('ops')
      .setExpirationTime(t0 / 1000 + 60)
      .encode();
    expect(await reasonOf(verifier.verify(none))).not.toBe('accepted');
    expect(
      await reasonOf(
        verifier.verify(await signed({ tenants: ['a'], scope: 'read' }, 'HS512', secret + secret)),
      ),
    ).toBe('algorithm');
  });

  it('refuses an expired token', async () => {
    const later = createTokenVerifier({ secret, now: () => t0 + 61_000 });
    expect(await reasonOf(later.verify(await signed({ tenants: ['a'], scope: 'read' })))).toBe(
      'expired',
    );
  });

  it('refuses tokens without valid hub claims', async () => {
    expect(await reasonOf(verifier.verify(await signed({ scope: 'read' })))).toBe('bad_claims');
    expect(
      await reasonOf(verifier.verify(await signed({ tenants: ['Not A Tenant'], scope: 'read' }))),
    ).toBe('bad_claims');
  });

  it('accepts tokens minted by the hub (token_use access) and refuses any other token_use', async () => {
    const minted = await createTokenMinter({ secret, now: () => t0 }).mint({
      sub: 'svc',
      tenants: ['a'],
      scope: 'read',
      ttlMs: 60_000,
    });
    await expect(verifier.verify(minted.token)).resolves.toMatchObject({ sub: 'svc' });
    for (const use of ['refresh', 'id', 42])
      expect(
        await reasonOf(
          verifier.verify(await signed({ tenants: ['a'], scope: 'read', token_use: use })),
        ),
      ).toBe('bad_claims');
  });

  it('checks issuer and audience when configured', async () => {
    const strict = createTokenVerifier({
      secret,
      issuer: 'ops-hub',
      audience: 'ops',
      now: () => t0,
    });
    const minted = createTokenMinter({ secret, issuer: 'ops-hub', audience: 'ops', now: () => t0 });
    const good = await minted.mint({ sub: 's', tenants: ['a'], scope: 'read', ttlMs: 60_000 });
    await expect(strict.verify(good.token)).resolves.toMatchObject({ sub: 's' });
    expect(await reasonOf(strict.verify(await signed({ tenants: ['a'], scope: 'read' })))).toBe(
      'bad_claims',
    );
  });

  it('requires exactly one key source and a 32-byte secret', () => {
    expect(() => createTokenVerifier({})).toThrow(TypeError);
    expect(() => createTokenVerifier({ secret: 'short' })).toThrow(/32 bytes/);
    expect(() => createTokenVerifier({ secret, jwksUrl: 'https://id.example.com/jwks' })).toThrow(
      TypeError,
    );
  });
});
