/**
 * The sandboxed preload: implements protocol's HostBridge over IPC and exposes
 * it as `window.opsHost`. It exposes one narrow object with a method per
 * operation, never `ipcRenderer` itself, and only the payload of push events
 * (never the IpcRendererEvent, whose `sender` is the raw ipcRenderer).
 * Imports only channel names and types, so the bundle stays tiny and free of
 * zod and Node-side code; main validates every request against the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type {
  BridgeArgs,
  BridgeOperationName,
  BridgeOperationResult,
  BridgePush,
  BridgeResult,
  FallibleOperationName,
  HostBridge,
} from '../../protocol/bridge';
import {
  BoardSubscriptionChannel,
  OperationChannel,
  SubscriptionChannel,
} from '../ipc/channel-names';
import type { Code } from '../../protocol/codes';
import type { BoardUpdatePush, IpcReply } from '../ipc/channels';

type PlainOperationName = Exclude<BridgeOperationName, FallibleOperationName>;

async function invoke<K extends BridgeOperationName>(
  name: K,
  args: BridgeArgs<K>,
): Promise<IpcReply<BridgeOperationResult<K>>> {
  return (await ipcRenderer.invoke(OperationChannel[name], args)) as IpcReply<
    BridgeOperationResult<K>
  >;
}

/** A method for operation `name`: a `{code,message}` failure becomes a rejected promise carrying both. */
function call<K extends PlainOperationName>(name: K) {
  return async (...args: BridgeArgs<K>): Promise<BridgeOperationResult<K>> => {
    const reply = await invoke(name, args);
    if (reply.ok) return reply.value;
    throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  };
}

/** A method for an operation that answers a BridgeResult: a failure of the call itself is folded into it. */
function callFallible<K extends FallibleOperationName>(name: K) {
  return async (...args: BridgeArgs<K>): Promise<BridgeOperationResult<K>> => {
    const reply = await invoke(name, args);
    if (reply.ok) return reply.value;
    // Every fallible result is a BridgeResult, whose failure arm is exactly this.
    return {
      ok: false,
      error: reply.error,
    } satisfies BridgeResult<never> as BridgeOperationResult<K>;
  };
}

/** A subscription to a value main broadcasts to every window on `channel`. */
function broadcast<K extends 'link.subscribe' | 'updates.subscribe'>(name: K) {
  const channel = SubscriptionChannel[name].push;
  return (onPush: (push: BridgePush<K>) => void): (() => void) => {
    const listener = (_event: IpcRendererEvent, push: BridgePush<K>) => onPush(push);
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  };
}

let nextSubscription = 0;

const subscribeBoard: HostBridge['boards']['subscribe'] = (tenant, onUpdate) => {
  nextSubscription += 1;
  const subscriptionId = `b${nextSubscription}`;
  let active = true;
  const listener = (_event: IpcRendererEvent, push: BoardUpdatePush) => {
    if (active && push.subscriptionId === subscriptionId) onUpdate(push.update);
  };
  ipcRenderer.on(BoardSubscriptionChannel.push, listener);
  const fail = (code: Code, message: string) => {
    if (active) onUpdate({ kind: 'error', tenant, code, message });
  };
  ipcRenderer
    .invoke(BoardSubscriptionChannel.start, {
      subscriptionId,
      args: [tenant] satisfies BridgeArgs<'boards.subscribe'>,
    })
    .then((reply: IpcReply<void>) => {
      if (!reply.ok) fail(reply.error.code, reply.error.message);
    })
    .catch((error: unknown) =>
      fail('internal', error instanceof Error ? error.message : String(error)),
    );
  return () => {
    if (!active) return;
    active = false;
    ipcRenderer.removeListener(BoardSubscriptionChannel.push, listener);
    ipcRenderer
      .invoke(BoardSubscriptionChannel.stop, { subscriptionId })
      .catch((error: unknown) => {
        // The window may be closing; main releases its subscriptions then anyway.
        console.warn('opsHost: unsubscribe failed', error);
      });
  };
};

const bridge: HostBridge = {
  profiles: {
    list: call('profiles.list'),
    signIn: callFallible('profiles.signIn'),
    signOut: call('profiles.signOut'),
  },
  tenants: { list: call('tenants.list') },
  boards: { subscribe: subscribeBoard },
  link: {
    status: call('link.status'),
    retryNow: call('link.retryNow'),
    subscribe: broadcast('link.subscribe'),
  },
  windows: { open: callFallible('windows.open') },
  app: { info: call('app.info') },
  hostedHub: { status: call('hostedHub.status'), start: callFallible('hostedHub.start') },
  updates: {
    status: call('updates.status'),
    subscribe: broadcast('updates.subscribe'),
    check: call('updates.check'),
    restartToUpdate: callFallible('updates.restartToUpdate'),
  },
  actions: { perform: callFallible('actions.perform') },
  desktop: { notify: call('desktop.notify') },
};

contextBridge.exposeInMainWorld('opsHost', bridge);
