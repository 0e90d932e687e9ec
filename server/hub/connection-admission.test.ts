import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionAdmission, type AdmissionLimits } from './connection-admission';

const limits: AdmissionLimits = {
  maxSockets: 1000,
  fdReserve: 16,
  maxSocketsPerAddress: 1000,
  idleSocketTimeoutMs: 60_000,
  maxConnectionsPerSubject: 2,
};

describe('ConnectionAdmission', () => {
  let server: Server | undefined;
  const sockets: Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    const open = server;
    server = undefined;
    if (!open) return;
    open.closeAllConnections();
    await new Promise((resolve) => open.close(resolve));
  });

  async function serve(admission: ConnectionAdmission): Promise<number> {
    server = createServer((_req, res) => res.end('ok'));
    admission.attach(server);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  const silent = (port: number, localAddress = '127.0.0.1') =>
    new Promise<Socket>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, localAddress });
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.once('connect', () => resolve(socket));
    });
  const closed = (socket: Socket) =>
    new Promise<boolean>((resolve) => {
      if (socket.closed) return resolve(true);
      socket.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 2000);
    });
  const get = (port: number) =>
    new Promise<number>((resolve, reject) => {
      request({ port, host: '127.0.0.1', agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
        .on('error', reject)
        .end();
    });

  it('keeps the socket cap below the descriptor limit', () => {
    const admission = new ConnectionAdmission(limits, pino({ level: 'silent' }), () => {}, 100);
    expect(admission.effectiveMaxSockets).toBe(84);
  });

  it('at the global cap closes the oldest socket that sent nothing, so a request still gets through', async () => {
    const refused: string[] = [];
    const admission = new ConnectionAdmission(
      limits,
      pino({ level: 'silent' }),
      (r) => refused.push(r),
      16 + 3,
    );
    const port = await serve(admission);
    const first = await silent(port, '127.0.0.2');
    await silent(port, '127.0.0.3');
    await silent(port, '127.0.0.4');
    expect(await get(port)).toBe(200);
    expect(await closed(first)).toBe(true);
    expect(refused).toContain('global');
  });

  it('closes sockets past the per-address cap at accept', async () => {
    const admission = new ConnectionAdmission(
      { ...limits, maxSocketsPerAddress: 2 },
      pino({ level: 'silent' }),
      () => {},
      null,
    );
    const port = await serve(admission);
    const held = [await silent(port, '127.0.0.5'), await silent(port, '127.0.0.5')];
    const third = await silent(port, '127.0.0.5');
    expect(await closed(third)).toBe(true);
    expect(held.every((s) => !s.closed)).toBe(true);
    expect(await get(port)).toBe(200);
  });

  it('hands out per-subject slots up to the cap and takes them back on release', () => {
    const admission = new ConnectionAdmission(limits, pino({ level: 'silent' }), () => {}, null);
    const a = admission.admitSubject('wall');
    const b = admission.admitSubject('wall');
    expect(admission.admitSubject('wall')).toBeNull();
    expect(admission.admitSubject('other')).not.toBeNull();
    a?.();
    a?.();
    expect(admission.admitSubject('wall')).not.toBeNull();
    expect(admission.admitSubject('wall')).toBeNull();
    b?.();
  });
});
