import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { BASE_HEADERS, sendError } from './http-reply';

/** Path prefix the browser console is served under. */
export const CONSOLE_PATH = '/console';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Strict CSP for the console: its own scripts and styles only, WebSocket and fetch
 * to this same origin, no framing. `ws:`/`wss:` of 'self' are implied by 'self' in
 * current browsers; they are listed for older ones.
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  ...BASE_HEADERS,
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Serves the built renderer (`out/renderer` by default) under /console. Paths are
 * resolved inside the folder only; unknown paths without an extension fall back to
 * index.html so client-side routes work.
 */
export async function serveConsole(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  rootDir: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendError(res, 405, 'bad_request', 'the console is read-only', {
      headers: { Allow: 'GET, HEAD' },
    });
  const root = resolve(rootDir);
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) {
    return sendError(
      res,
      404,
      'not_found',
      `the browser console is not built: run the renderer build (npm run build) to create ${rootDir}`,
    );
  }
  if (path === CONSOLE_PATH) {
    res.writeHead(301, { ...BASE_HEADERS, Location: `${CONSOLE_PATH}/` });
    res.end();
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(path.slice(CONSOLE_PATH.length + 1)) || 'index.html';
  } catch {
    return sendError(res, 400, 'bad_request', 'malformed path');
  }
  let file = resolve(join(root, relative));
  if (file !== root && !file.startsWith(root + sep))
    return sendError(res, 404, 'not_found', 'no such file');
  let info = await stat(file).catch(() => null);
  if (!info?.isFile() && extname(relative) === '') {
    file = join(root, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return sendError(res, 404, 'not_found', 'no such file');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
