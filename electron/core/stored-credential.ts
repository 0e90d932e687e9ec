import { z } from 'zod';

/**
 * What the keychain entry of a profile holds. Since issue 8 it is the newest
 * refresh token, in a small versioned JSON envelope; the password is used once at
 * sign-in and never stored. An entry that is not such an envelope was written by an
 * older console, which stored the password itself: it is used once, for a password
 * grant, and then replaced by the refresh token that grant returns.
 */
export type StoredCredential =
  { kind: 'refresh'; refreshToken: string } | { kind: 'legacy-password'; password: string };

const envelopeSchema = z.strictObject({
  v: z.literal(1),
  refreshToken: z.string().min(16).max(4096),
});

/** The keychain value for a refresh token. */
export function encodeRefreshCredential(refreshToken: string): string {
  return JSON.stringify({ v: 1, refreshToken });
}

/** Reads a keychain value: a refresh token envelope, or else a password an older console stored. */
export function decodeStoredCredential(secret: string): StoredCredential {
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch {
    return { kind: 'legacy-password', password: secret };
  }
  const parsed = envelopeSchema.safeParse(json);
  return parsed.success
    ? { kind: 'refresh', refreshToken: parsed.data.refreshToken }
    : { kind: 'legacy-password', password: secret };
}
