import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Creates the data directory (mode 0700) if needed. */
export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * Reads the generated HS256 secret from `<dataDir>/jwt-secret`, creating it (mode 0600,
 * 48 random bytes as base64url) on first use. Used only when neither HUB_JWT_SECRET nor
 * HUB_JWKS_URL is set, so `npm run hub` works with no configuration.
 * @returns the secret and whether it was created now.
 */
export function loadOrCreateJwtSecret(dataDir: string): { secret: string; created: boolean } {
  ensureDataDir(dataDir);
  const file = join(dataDir, JWT_SECRET_FILE);
  try {
    const secret = readFileSync(file, 'utf8').trim();
    if (Buffer.byteLength(secret) >= 32) return { secret, created: false };
    throw new Error(`${file} holds fewer than 32 bytes; delete it to generate a new secret`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  // 'wx' fails if another process created the file meanwhile; then read theirs.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { secret: readFileSync(file, 'utf8').trim(), created: false };
    throw error;
  }
  chmodSync(file, 0o600);
  return { secret, created: true };
}
