/**
 * The sandboxed preload: implements protocol's HostBridge over IPC and exposes
 * it as `window.opsHost`. It exposes one narrow object with a method per
 * operation, never `ipcRenderer` itself, and only the payload of push events
 * (never the IpcRendererEvent, whose `sender` is the raw ipcRenderer).
 * Imports channel names, types and the board-update schema (pure protocol code and
 * zod), so the bundle stays small and free of Node-side code.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { BoardUpdate, BridgeResult, HostBridge } from '../../protocol/bridge';
import { receiveBoardUpdate } from '../../protocol/bridge/board-update-schema';
import type { LinkStatus } from '../../protocol/link/link-state';
import type { UpdateStatus } from '../../protocol/bridge/update-status';
import { InvokeChannel, PushChannel } from '../ipc/channel-names';
import type { BoardUpdatePush, IpcChannel, IpcReply, IpcResponse } from '../ipc/channels';

/** Invokes `channel` and unwraps the envelope; a `{code,message}` error becomes a rejected promise carrying both. */
async function call<C extends IpcChannel>(channel: C, request?: unknown): Promise<IpcResponse<C>> {
  const reply = (await ipcRenderer.invoke(channel, request)) as IpcReply<IpcResponse<C>>;
  if (reply.ok) return reply.value;
  throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
}

/** Invokes `channel` and keeps a failure as a value, for the bridge methods that return BridgeResult. */
async function callResult<C extends IpcChannel>(
  channel: C,
  request: unknown,
): Promise<BridgeResult<IpcResponse<C>>> {
  const reply = (await ipcRenderer.invoke(channel, request)) as IpcReply<IpcResponse<C>>;
  return reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error };
}

let nextSubscription = 0;

const bridge: HostBridge = {
  profiles: {
    list: () => call(InvokeChannel.profilesList),
    signIn: async (input) => {
      const result = await callResult(InvokeChannel.profilesSignIn, input);
      // The channel answers a BridgeResult itself; flatten the envelope around it.
      return result.ok ? result.value : result;
    },
    signOut: async (profileId) => {
      await call(InvokeChannel.profilesSignOut, { profileId });
    },
  },
  tenants: {
    list: () => call(InvokeChannel.tenantsList),
  },
  boards: {
    subscribe(tenant, onUpdate) {
      nextSubscription += 1;
      const subscriptionId = `b${nextSubscription}`;
      let active = true;
      const listener = (_event: IpcRendererEvent, push: BoardUpdatePush) => {
        // The one check of a board update in the renderer process, where it enters from main.
        if (active && push.subscriptionId === subscriptionId)
          onUpdate(receiveBoardUpdate(tenant, push.update));
      };
      ipcRenderer.on(PushChannel.boardUpdate, listener);
      const fail = (code: string, message: string) => {
        if (active) onUpdate({ kind: 'error', tenant, code, message } satisfies BoardUpdate);
      };
      ipcRenderer
        .invoke(InvokeChannel.boardsSubscribe, { subscriptionId, tenant })
        .then((reply: IpcReply<null>) => {
          if (!reply.ok) fail(reply.error.code, reply.error.message);
        })
        .catch((error: unknown) =>
          fail('internal', error instanceof Error ? error.message : String(error)),
        );
      return () => {
        if (!active) return;
        active = false;
        ipcRenderer.removeListener(PushChannel.boardUpdate, listener);
        ipcRenderer
          .invoke(InvokeChannel.boardsUnsubscribe, { subscriptionId })
          .catch((error: unknown) => {
            // The window may be closing; main releases its subscriptions then anyway.
            console.warn('opsHost: unsubscribe failed', error);
          });
      };
    },
  },
  link: {
    status: () => call(InvokeChannel.linkStatus),
    subscribe(onStatus) {
      const listener = (_event: IpcRendererEvent, status: LinkStatus) => onStatus(status);
      ipcRenderer.on(PushChannel.linkStatus, listener);
      return () => {
        ipcRenderer.removeListener(PushChannel.linkStatus, listener);
      };
    },
  },
  windows: {
    open: async (tenant, board, options) => {
      const result = await callResult(InvokeChannel.windowsOpen, { tenant, board, options });
      return result.ok ? { ok: true, value: undefined } : result;
    },
  },
  app: {
    info: () => call(InvokeChannel.appInfo),
  },
  hostedHub: {
    status: () => call(InvokeChannel.hostedHubStatus),
    start: (options) => callResult(InvokeChannel.hostedHubStart, options),
  },
  updates: {
    status: () => call(InvokeChannel.updatesStatus),
    subscribe(onStatus) {
      const listener = (_event: IpcRendererEvent, status: UpdateStatus) => onStatus(status);
      ipcRenderer.on(PushChannel.updateStatus, listener);
      return () => {
        ipcRenderer.removeListener(PushChannel.updateStatus, listener);
      };
    },
    check: () => call(InvokeChannel.updatesCheck),
    restartToUpdate: async () => {
      const result = await callResult(InvokeChannel.updatesRestart, undefined);
      return result.ok ? { ok: true, value: undefined } : result;
    },
  },
};

contextBridge.exposeInMainWorld('opsHost', bridge);
