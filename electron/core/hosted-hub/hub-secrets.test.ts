import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseHubChildMessage } from './hub-process-messages';
import {
  HubSecretsError,
  receiveHubSecrets,
  serveHubSecrets,
  type HubMessagePort,
} from './hub-secrets';

/** Two connected in-memory ports, delivering asynchronously as a real channel does. */
function channel(): { main: HubMessagePort; hub: HubMessagePort } {
  const toMain = new EventEmitter();
  const toHub = new EventEmitter();
  const end = (inbox: EventEmitter, outbox: EventEmitter): HubMessagePort => ({
    postMessage: (message) =>
      void setImmediate(() => outbox.emit('message', structuredClone(message))),
    onMessage: (listener) => {
      inbox.on('message', listener);
      return () => void inbox.off('message', listener);
    },
  });
  return { main: end(toMain, toHub), hub: end(toHub, toMain) };
}

const SECRETS = { admin: { username: 'admin', password: 'pw-over-the-port' } };

describe('hub secrets over the message port', () => {
  it('the hub asks, main answers, and the hub gets exactly the secrets', async () => {
    const { main, hub } = channel();
    serveHubSecrets(main, { ...SECRETS, redisUrl: 'redis://:pw@127.0.0.1:6379' });
    await expect(receiveHubSecrets(hub, 1000)).resolves.toEqual({
      ...SECRETS,
      redisUrl: 'redis://:pw@127.0.0.1:6379',
    });
  });

  it('main ignores everything but the request, and the readiness parser accepts the request', async () => {
    const { main, hub } = channel();
    const seen: unknown[] = [];
    hub.onMessage((data) => seen.push(data));
    serveHubSecrets(main, SECRETS);
    hub.postMessage({ type: 'ready', url: 'x', port: 1, backplane: 'memory', demo: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    expect(parseHubChildMessage({ type: 'awaiting_secrets' })).toEqual({
      type: 'awaiting_secrets',
    });
  });

  it('fails with a clear error when no secrets arrive in time', async () => {
    const { hub } = channel();
    await expect(receiveHubSecrets(hub, 50)).rejects.toThrow(
      new HubSecretsError('the console sent the hub no secrets within 0.05 s'),
    );
  });

  it('refuses malformed secrets, naming the field and never the value', async () => {
    const { main, hub } = channel();
    main.onMessage(() =>
      main.postMessage({ type: 'secrets', admin: { username: 'admin', password: '' } }),
    );
    const error = await receiveHubSecrets(hub, 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSecretsError);
    expect((error as Error).message).toMatch(/malformed secrets \(admin\.password\)/);
  });
});
