import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BRIDGE_OPERATION_NAMES,
  BRIDGE_SUBSCRIPTION_NAMES,
  PASSWORD_MAX_LENGTH,
} from '../../protocol/bridge';
import type { BoardUpdate, HostBridge } from '../../protocol/bridge';
import {
  BoardSubscriptionChannel,
  OperationChannel,
  SubscriptionChannel,
} from '../ipc/channel-names';
import type { IpcChannel } from '../ipc/channels';
import { dispatchInvoke } from '../ipc/ipc-dispatch';

/**
 * Drives the real preload against the real main-side dispatcher: only
 * Electron's transport is replaced (invoke → `dispatchInvoke` with a
 * structured clone, as IPC does; `on` → a listener list main can push to).
 * This proves that what the preload sends for every method passes the
 * channel's contract, and how replies and pushes come back.
 */

type Listener = (event: unknown, payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const requests: { channel: string; request: unknown }[] = [];
let exposed: HostBridge | undefined;

const profile = {
  id: 'p1',
  hubUrl: 'https://hub.example',
  username: 'ana',
  displayName: 'Ana',
  tenants: ['cedar-group'],
  signedIn: true,
};
const status = { state: 'live', since: 1, reason: 'welcome' } as const;
const update = { state: 'idle', reason: 'current', currentVersion: '1.0.0' } as const;

/** Main's answers, per channel: the simplest valid value, or a typed failure. */
const handlers = new Map<string, (request: never) => unknown>([
  [OperationChannel['profiles.list'], () => [profile]],
  [OperationChannel['profiles.signIn'], () => ({ ok: true, value: profile })],
  [OperationChannel['profiles.signOut'], () => undefined],
  [
    OperationChannel['tenants.list'],
    () => [{ id: 'cedar-group', name: 'Cedar', profileId: 'p1', canOperate: true }],
  ],
  [
    OperationChannel['actions.perform'],
    ([request]: [{ id: string; target: string }]) =>
      request.target === 'gone'
        ? { ok: false, error: { code: 'not_found', message: 'That ticket is no longer open.' } }
        : { ok: true, value: { id: request.id, seq: 8, duplicate: false } },
  ],
  [OperationChannel['link.status'], () => status],
  [
    OperationChannel['windows.open'],
    ([tenant]: [string]) => {
      if (tenant !== 'cedar-group')
        throw Object.assign(new Error(`You have no access to ${tenant}.`), { code: 'forbidden' });
      return { ok: true, value: undefined };
    },
  ],
  [
    OperationChannel['app.info'],
    () => ({
      name: 'Ops Console',
      version: '1.0.0',
      host: 'electron',
      platform: 'linux',
      canHostHub: true,
      canOpenWindows: true,
    }),
  ],
  [OperationChannel['hostedHub.status'], () => ({ running: false })],
  [
    OperationChannel['hostedHub.start'],
    () => ({ ok: true, value: { running: true, url: 'http://127.0.0.1:8420', demo: true } }),
  ],
  [OperationChannel['updates.status'], () => update],
  [
    OperationChannel['updates.check'],
    () => {
      throw Object.assign(new Error('The update feed could not be reached.'), {
        code: 'feed_unreachable',
      });
    },
  ],
  [
    OperationChannel['updates.restartToUpdate'],
    () => ({ ok: false, error: { code: 'not_ready', message: 'No update is waiting.' } }),
  ],
  [OperationChannel['desktop.notify'], () => 'duplicate'],
  [BoardSubscriptionChannel.start, () => undefined],
  [BoardSubscriptionChannel.stop, () => undefined],
]);

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: HostBridge) => {
      if (key === 'opsHost') exposed = api;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, request: unknown) => {
      requests.push({ channel, request });
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return dispatchInvoke(
        channel as IpcChannel,
        'app://console/',
        structuredClone(request),
        handler as never,
        { isTrustedSender: () => true, log: () => undefined },
      );
    },
    on: (channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    },
  },
}));

function push(channel: string, payload: unknown): void {
  for (const listener of listeners.get(channel) ?? []) listener({}, payload);
}

async function bridge(): Promise<HostBridge> {
  if (!exposed) throw new Error('the preload did not expose opsHost');
  return exposed;
}

beforeAll(async () => {
  await import('./index');
});

describe('the preload over the IPC contract', () => {
  it('exposes exactly the operations and subscriptions of HostBridge', async () => {
    const host = await bridge();
    const methods = Object.entries(host).flatMap(([area, group]) =>
      Object.keys(group as object).map((method) => `${area}.${method}`),
    );
    expect(methods.sort()).toEqual(
      [...BRIDGE_OPERATION_NAMES, ...BRIDGE_SUBSCRIPTION_NAMES].sort(),
    );
  });

  it('sends every operation in a shape its channel accepts, and unwraps the answer', async () => {
    const host = await bridge();
    expect(await host.profiles.list()).toEqual([profile]);
    expect(
      await host.profiles.signIn({
        hubUrl: 'https://hub.example',
        username: 'ana',
        password: 'pw',
      }),
    ).toEqual({ ok: true, value: profile });
    await expect(host.profiles.signOut('p1')).resolves.toBeUndefined();
    expect(await host.tenants.list()).toEqual([
      { id: 'cedar-group', name: 'Cedar', profileId: 'p1', canOperate: true },
    ]);
    expect(await host.link.status()).toEqual(status);
    expect(await host.windows.open('cedar-group', 'orders')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(
      await host.windows.open('cedar-group', 'floor', {
        mode: 'kiosk',
        playlist: { boards: ['floor', 'orders'], intervalSec: 30 },
      }),
    ).toEqual({ ok: true, value: undefined });
    expect((await host.app.info()).host).toBe('electron');
    expect(await host.hostedHub.status()).toEqual({ running: false });
    expect(await host.hostedHub.start({ demo: true })).toMatchObject({ ok: true });
    expect(await host.updates.status()).toEqual(update);
    expect(requests.find((r) => r.channel === OperationChannel['windows.open'])?.request).toEqual([
      'cedar-group',
      'orders',
    ]);
  });

  it('folds every failure of an operation that answers a BridgeResult into that result', async () => {
    const host = await bridge();
    expect(await host.windows.open('harbor-eats', 'orders')).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'You have no access to harbor-eats.' },
    });
    expect(await host.updates.restartToUpdate()).toEqual({
      ok: false,
      error: { code: 'not_ready', message: 'No update is waiting.' },
    });
    const tooLong = await host.profiles.signIn({
      hubUrl: 'https://hub.example',
      username: 'ana',
      password: 'p'.repeat(PASSWORD_MAX_LENGTH + 1),
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!tooLong.ok) expect(tooLong.error.message).toContain('password');
  });

  it('sends a desktop notification through its channel and rejects one without a title before IPC', async () => {
    const host = await bridge();
    const notice = { title: 'Critical alert', body: 'Terminal offline', tag: 'cedar-group:a-1' };
    expect(await host.desktop.notify(notice)).toBe('duplicate');
    expect(requests.find((r) => r.channel === OperationChannel['desktop.notify'])?.request).toEqual(
      [notice],
    );
    await expect(host.desktop.notify({ ...notice, title: '' })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('sends an operator action through its channel and folds refusals and bad input into the result', async () => {
    const host = await bridge();
    const bump = {
      id: 'act-00000001',
      tenant: 'cedar-group',
      action: 'order.bump',
      target: 'o-1',
    } as const;
    expect(await host.actions.perform(bump)).toEqual({
      ok: true,
      value: { id: 'act-00000001', seq: 8, duplicate: false },
    });
    expect(
      requests.find((r) => r.channel === OperationChannel['actions.perform'])?.request,
    ).toEqual([bump]);
    expect(await host.actions.perform({ ...bump, target: 'gone' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That ticket is no longer open.' },
    });
    expect(await host.actions.perform({ ...bump, action: 'order.clear' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('rejects a plain operation that fails with an Error carrying the code', async () => {
    const host = await bridge();
    await expect(host.updates.check()).rejects.toMatchObject({
      code: 'feed_unreachable',
      message: 'The update feed could not be reached.',
    });
  });

  it('delivers board pushes to their own subscription only, and releases it once on unsubscribe', async () => {
    const host = await bridge();
    const seen: BoardUpdate[] = [];
    const off = host.boards.subscribe('cedar-group', (value) => seen.push(value));
    await vi.waitFor(() =>
      expect(requests.some((r) => r.channel === BoardSubscriptionChannel.start)).toBe(true),
    );
    const start = requests.filter((r) => r.channel === BoardSubscriptionChannel.start).at(-1);
    const { subscriptionId } = start?.request as { subscriptionId: string };
    expect(start?.request).toEqual({ subscriptionId, args: ['cedar-group'] });
    const error = {
      kind: 'error',
      tenant: 'cedar-group',
      code: 'unavailable',
      message: 'later',
    } as const;
    push(BoardSubscriptionChannel.push, { subscriptionId: 'other', update: error });
    push(BoardSubscriptionChannel.push, { subscriptionId, update: error });
    expect(seen).toEqual([error]);
    off();
    off();
    push(BoardSubscriptionChannel.push, { subscriptionId, update: error });
    expect(seen).toHaveLength(1);
    expect(requests.filter((r) => r.channel === BoardSubscriptionChannel.stop)).toEqual([
      { channel: BoardSubscriptionChannel.stop, request: { subscriptionId } },
    ]);
  });

  it('passes link and update broadcasts to subscribers until they unsubscribe', async () => {
    const host = await bridge();
    const links: unknown[] = [];
    const updates: unknown[] = [];
    const offLink = host.link.subscribe((value) => links.push(value));
    const offUpdates = host.updates.subscribe((value) => updates.push(value));
    push(SubscriptionChannel['link.subscribe'].push, status);
    push(SubscriptionChannel['updates.subscribe'].push, update);
    offLink();
    offUpdates();
    push(SubscriptionChannel['link.subscribe'].push, status);
    push(SubscriptionChannel['updates.subscribe'].push, update);
    expect(links).toEqual([status]);
    expect(updates).toEqual([update]);
  });
});
