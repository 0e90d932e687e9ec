import { contentTypeFor, resolveAppAsset } from './app-asset-path';

export interface AssetAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/**
 * The answer of our `app://` protocol for one request: the file with its type
 * and the CSP and hardening headers, or a 404 that reveals nothing about the
 * disk. Plain Node so it can be tested without Electron.
 * @param readFile injectable reader; a read error other than "not found" is rethrown.
 */
export async function appAssetResponse(
  rootDir: string,
  requestUrl: string,
  host: string,
  csp: string,
  readFile: (file: string) => Promise<Uint8Array>,
): Promise<AssetAnswer> {
  const security = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const notFound: AssetAnswer = {
    status: 404,
    headers: { ...security, 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  };
  const file = resolveAppAsset(rootDir, requestUrl, host);
  if (!file) return notFound;
  try {
    const body = await readFile(file);
    return { status: 200, headers: { ...security, 'Content-Type': contentTypeFor(file) }, body };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return notFound;
    throw error;
  }
}
