import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { createTokenMinter, createTokenVerifier } from './jwt';
import { REFRESH_AUDIENCE, createRefreshTokens } from './refresh-token';

const secret = 'a-test-secret-that-is-long-enough-32+';
const t0 = Date.UTC(2026, 0, 1);

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('refresh tokens', () => {
  const refresh = createRefreshTokens({ secret, now: () => t0 });

  it('verifies a refresh token it minted and returns whose account it is for', async () => {
    const { token, expiresIn } = await refresh.mint({
      sub: 'ana',
      userCreatedAt: 42,
      ttlMs: 12 * 3_600_000,
    });
    expect(expiresIn).toBe(12 * 3600);
    await expect(refresh.verify(token)).resolves.toEqual({
      sub: 'ana',
      userCreatedAt: 42,
      exp: t0 / 1000 + 12 * 3600,
    });
  });

  it('mints a different token each time, even within the same second', async () => {
    const a = await refresh.mint({ sub: 'ana', userCreatedAt: 1, ttlMs: 60_000 });
    const b = await refresh.mint({ sub: 'ana', userCreatedAt: 1, ttlMs: 60_000 });
    expect(a.token).not.toBe(b.token);
  });

  it('refuses an expired refresh token', async () => {
    const { token } = await refresh.mint({ sub: 'ana', userCreatedAt: 1, ttlMs: 3000 });
    const later = createRefreshTokens({ secret, now: () => t0 + 3001 });
    expect(await reasonOf(later.verify(token))).toBe('expired');
  });

  it('refuses an access token minted with the hub secret as a refresh token', async () => {
    const access = await createTokenMinter({ secret, now: () => t0 }).mint({
      sub: 'ana',
      tenants: ['cedar-group'],
      scope: 'read',
      ttlMs: 60_000,
    });
    expect(await reasonOf(refresh.verify(access.token))).toBe('bad_signature');
  });

  it('refuses a token with refresh claims signed with the plain hub secret instead of the refresh key', async () => {
    const forged = await new SignJWT({ token_use: 'refresh', user_created_at: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ana')
      .setAudience(REFRESH_AUDIENCE)
      .setExpirationTime(t0 / 1000 + 60)
      .sign(new TextEncoder().encode(secret));
    expect(await reasonOf(refresh.verify(forged))).toBe('bad_signature');
  });

  it('is never accepted by the access token verifier, whether signed with the refresh key or the hub secret', async () => {
    const verifier = createTokenVerifier({ secret, now: () => t0 });
    const { token } = await refresh.mint({ sub: 'ana', userCreatedAt: 1, ttlMs: 60_000 });
    expect(await reasonOf(verifier.verify(token))).toBe('bad_signature');
    // Even a refresh-shaped token signed with the access key is refused by its token_use.
    const refreshShaped = await new SignJWT({
      tenants: ['cedar-group'],
      scope: 'read',
      token_use: 'refresh',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ana')
      .setAudience(REFRESH_AUDIENCE)
      .setExpirationTime(t0 / 1000 + 60)
      .sign(new TextEncoder().encode(secret));
    expect(await reasonOf(verifier.verify(refreshShaped))).toBe('bad_claims');
  });

  it('checks the issuer when the hub has one', async () => {
    const strict = createRefreshTokens({ secret, issuer: 'ops-hub', now: () => t0 });
    const { token } = await refresh.mint({ sub: 'ana', userCreatedAt: 1, ttlMs: 60_000 });
    expect(await reasonOf(strict.verify(token))).toBe('bad_claims');
    const own = await strict.mint({ sub: 'ana', userCreatedAt: 1, ttlMs: 60_000 });
    await expect(strict.verify(own.token)).resolves.toMatchObject({ sub: 'ana' });
  });

  it('refuses a short secret and text that is not a JWT', async () => {
    expect(() => createRefreshTokens({ secret: 'short' })).toThrow(/32 bytes/);
    expect(await reasonOf(refresh.verify('not-a-jwt'))).toBe('malformed');
  });
});
