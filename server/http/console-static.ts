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

/** A Host header that is a plain `name[:port]` or `[v6]:port`: nothing that could end a CSP directive. */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Strict CSP for the console: its own scripts and styles only, fetch to this
 * same origin, WebSockets only to this hub (the host the browser loaded the page
 * from, over ws or wss, so TLS-terminating proxies work), no framing. Some
 * browsers do not let 'self' cover ws:/wss:, hence the explicit origins; a bare
 * `ws: wss:` would let a compromised page talk to any host. A Host header that
 * is not a plain host[:port] gets 'self' alone.
 */
export function consoleCsp(host: string | undefined): string {
  const hub = host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'${hub}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

const SECURITY_HEADERS = {
  ...BASE_HEADERS,
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
    'Content-Security-Policy': consoleCsp(req.headers.host),
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
