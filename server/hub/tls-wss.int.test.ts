import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPath } from '../../protocol/http-api';
import { connectTestClient } from '../../test-support/ws-test-client';
import { startInProcessHub, type InProcessHub } from '../../test-support/in-process-hub';

const ROOT = resolve(import.meta.dirname, '../..');

/** POST over https trusting `ca`; returns status and parsed body. */
function postTls(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  ca: Buffer,
): Promise<{ status: number; body: unknown }> {
  const text = JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method: 'POST', ca, headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', fail);
    req.end(text);
  });
}

describe('TLS with HUB_TLS_CERT and HUB_TLS_KEY', () => {
  let dir: string;
  let cert: Buffer;
  let hub: InProcessHub;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ops-hub-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'));
    hub = await startInProcessHub({
      backplane: 'memory',
      env: { HUB_TLS_CERT: join(dir, 'cert.pem'), HUB_TLS_KEY: join(dir, 'key.pem') },
    });
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves wss and https: a subscriber receives an event ingested over https', async () => {
    expect(hub.wsUrl).toMatch(/^wss:\/\//);
    expect(hub.url).toMatch(/^https:\/\//);
    const client = await connectTestClient(hub.wsUrl, {
      token: await hub.mintToken({ tenants: ['cedar-group'] }),
      ca: cert,
    });
    try {
      client.send({ type: 'subscribe', tenant: 'cedar-group' });
      await client.waitFor((f) => f.type === 'snapshot');
      const answer = await postTls(
        hub.url + ingestPath('cedar-group'),
        { type: 'alert', data: { severity: 'info', message: 'over TLS' } },
        {
          Authorization: `Bearer ${await hub.mintToken({ tenants: ['cedar-group'], scope: 'publish' })}`,
        },
        cert,
      );
      expect(answer.status).toBe(200);
      const seq = (answer.body as { lastSeq: number }).lastSeq;
      const event = await client.waitFor((f) => f.type === 'event' && f.seq === seq);
      expect(event).toMatchObject({ event: { data: { message: 'over TLS' } } });
    } finally {
      await client.close();
    }
  });

  it('refuses a client that does not trust the certificate', async () => {
    await expect(
      connectTestClient(hub.wsUrl, { token: await hub.mintToken({ tenants: ['cedar-group'] }) }),
    ).rejects.toThrow(/self-signed|certificate/i);
  });

  it('fails at start with exit code 2 naming HUB_TLS_CERT or HUB_TLS_KEY for an unreadable or bad file', () => {
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate\n');
    const serve = (cert: string, key: string) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'ops-hub.mjs'), 'serve'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: {
          ...process.env,
          REDIS_URL: '',
          HUB_PORT: '0',
          HUB_DATA_DIR: join(dir, 'data'),
          HUB_JWT_SECRET: 'x'.repeat(32),
          HUB_TLS_CERT: cert,
          HUB_TLS_KEY: key,
        },
      });
    const missing = serve(join(dir, 'missing.pem'), join(dir, 'key.pem'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('HUB_TLS_CERT');
    const missingKey = serve(join(dir, 'cert.pem'), join(dir, 'missing-key.pem'));
    expect(missingKey.status).toBe(2);
    expect(missingKey.stderr).toContain('HUB_TLS_KEY');
    const bad = serve(garbage, join(dir, 'key.pem'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('HUB_TLS_CERT');
  });
});
