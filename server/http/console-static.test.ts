import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConsole } from './console-static';

/** GETs `path` with a chosen Host header (fetch would not let us set one). */
function get(port: number, path: string, host: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers as Record<string, string>));
    });
    req.on('error', reject);
    req.end();
  });
}

function connectSrc(csp: string | undefined): string | undefined {
  return csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('connect-src '))
    ?.slice('connect-src '.length);
}

describe('the CSP the hub sends with /console', () => {
  let dir: string;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    server = createServer((req, res) => void serveConsole(req, res, req.url ?? '/', dir));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("lets the console connect to its own hub's origin only, never to any ws:/wss: host", async () => {
    const headers = await get(port, '/console/', `127.0.0.1:${port}`);
    const csp = headers['content-security-policy'];
    expect(connectSrc(csp)).toBe(`'self' ws://127.0.0.1:${port} wss://127.0.0.1:${port}`);
    expect(csp).not.toMatch(/(^|\s)wss?:(\s|;|$)/);
  });

  it('names the host the browser used, with or without a port', async () => {
    const headers = await get(port, '/console/index.html', 'ops.example.com');
    expect(connectSrc(headers['content-security-policy'])).toBe(
      "'self' ws://ops.example.com wss://ops.example.com",
    );
    const v6 = await get(port, '/console/', `[::1]:${port}`);
    expect(connectSrc(v6['content-security-policy'])).toBe(
      `'self' ws://[::1]:${port} wss://[::1]:${port}`,
    );
  });

  it("falls back to 'self' alone when the Host header is not a plain host[:port], so it cannot inject directives", async () => {
    const headers = await get(port, '/console/', 'evil.example; connect-src *');
    const csp = headers['content-security-policy'];
    expect(connectSrc(csp)).toBe("'self'");
    expect(csp).not.toContain('evil');
  });
});
