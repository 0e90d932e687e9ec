import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { choosePort } from './port-choice';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function occupy(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

describe('choosePort', () => {
  it('uses the preferred port when it is free', async () => {
    const port = await occupy();
    await new Promise((r) => servers.pop()!.close(r));
    expect(await choosePort(port, '127.0.0.1')).toEqual({ port, preferredWasFree: true });
  });

  it('falls back to a free port the OS assigns when the preferred one is taken, and that port is bindable', async () => {
    const taken = await occupy();
    const chosen = await choosePort(taken, '127.0.0.1');
    expect(chosen.preferredWasFree).toBe(false);
    expect(chosen.port).not.toBe(taken);
    const probe = createServer();
    servers.push(probe);
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(chosen.port, '127.0.0.1', () => resolve());
    });
  });

  it('throws when the address is not one of this machine', async () => {
    await expect(choosePort(8787, '203.0.113.7')).rejects.toThrow();
  });
});
