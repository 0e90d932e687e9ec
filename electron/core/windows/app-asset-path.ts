import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/**
 * Maps a request on our `app://console/...` protocol to a file inside the
 * built renderer folder. Anything that would escape the folder (`..`, encoded
 * `%2e%2e`, absolute paths, backslashes, NUL) resolves to null, and the
 * protocol handler answers 404.
 * @param rootDir absolute path of out/renderer.
 * @param requestUrl the full request URL.
 * @returns the absolute file path, or null when the request is not allowed.
 */
export function resolveAppAsset(
  rootDir: string,
  requestUrl: string,
  expectedHost: string,
): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== expectedHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const relativePath = normalize(pathname.replace(/^\/+/, ''));
  if (isAbsolute(relativePath)) return null;
  const root = resolve(rootDir);
  const file = resolve(root, relativePath);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..'))
    return null;
  return file;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type for a served file; unknown types are sent as opaque bytes so they are never sniffed as HTML. */
export function contentTypeFor(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
