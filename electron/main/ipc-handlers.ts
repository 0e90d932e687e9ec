import {
  BrowserWindow,
  ipcMain,
  Notification,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import type { AppInfo } from '../../protocol/bridge/host-bridge';
import type { ConsoleSession } from '../core/console-session';
import type { CoreLogger } from '../core/core-logger';
import { isHubUrlAllowed, type ManagedPolicy } from '../core/policy/managed-policy';
import { tenantOfWindowUrl } from '../core/windows/window-route';
import {
  BoardSubscriptionChannel,
  OperationChannel,
  SubscriptionChannel,
} from '../ipc/channel-names';
import type { BoardUpdatePush, IpcChannel } from '../ipc/channels';
import { dispatchInvoke, type IpcHandler } from '../ipc/ipc-dispatch';
import { SubscriptionRegistry } from '../ipc/subscription-registry';
import type { UpdateService } from '../core/updates/update-service';
import type { HostedHub } from './hosted-hub';
import type { WindowManager } from './window-manager';

export interface IpcHandlerDeps {
  session: ConsoleSession;
  windows: () => WindowManager;
  hostedHub: HostedHub;
  updates: UpdateService;
  policy: ManagedPolicy;
  /** Why IT's policy file was rejected (the restrictive fallback then applies); shown at sign-in. */
  policyProblem?: string;
  appInfo: AppInfo;
  isTrustedSender(url: string | undefined): boolean;
  log: CoreLogger;
}

/** Thrown to the renderer as `{code, message}`. */
function wireError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/**
 * Wires every invoke channel to the session, window manager and bundled hub.
 * Each request goes through `dispatchInvoke`: sender check against our
 * origin, zod validation, and errors returned as `{code, message}`.
 * @returns `releaseContents`, to call when a window's page goes away, and
 *   `broadcastLinkStatus`, to call when any profile's link status changes.
 */
export function registerIpcHandlers(deps: IpcHandlerDeps): {
  releaseContents(contents: WebContents): void;
  broadcastLinkStatus(): void;
} {
  const { session, log } = deps;
  const subscriptions = new SubscriptionRegistry<number>((error, subscriptionId) =>
    log.error({ err: error, subscriptionId }, 'releasing a board subscription failed'),
  );
  const dispatchDeps = {
    isTrustedSender: deps.isTrustedSender,
    log: (line: { channel: string; code: string; message: string; error?: unknown }) =>
      log.warn(
        { channel: line.channel, code: line.code, err: line.error },
        `IPC request failed: ${line.message}`,
      ),
  };

  function handle<C extends IpcChannel>(
    channel: C,
    handler: (
      request: Parameters<IpcHandler<C>>[0],
      event: IpcMainInvokeEvent,
    ) => ReturnType<IpcHandler<C>>,
  ): void {
    ipcMain.handle(channel, (event, request: unknown) =>
      // senderFrame is null when the frame navigated away or was destroyed: the check then fails closed.
      dispatchInvoke(
        channel,
        event.senderFrame?.url,
        request,
        (valid) => handler(valid, event),
        dispatchDeps,
      ),
    );
  }

  handle(OperationChannel['profiles.list'], () => session.listProfiles());
  handle(OperationChannel['profiles.signIn'], async ([input]) => {
    if (!isHubUrlAllowed(deps.policy, input.hubUrl)) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message:
            deps.policyProblem !== undefined
              ? `Signing in is blocked because your IT policy file could not be used: ${deps.policyProblem}. Ask IT to fix it.`
              : `Your IT policy allows signing in only to ${deps.policy.defaultHubUrl}.`,
        },
      };
    }
    return session.signIn(input);
  });
  handle(OperationChannel['profiles.signOut'], async ([profileId]) => {
    await session.signOut(profileId);
  });
  handle(OperationChannel['tenants.list'], async () => session.tenants());
  // Validated like every request (trusted sender, the action schema); the session never queues it.
  handle(OperationChannel['actions.perform'], ([request]) => session.performAction(request));
  handle(BoardSubscriptionChannel.start, ({ subscriptionId, args: [tenant] }, event) => {
    const contents = event.sender;
    let release: () => void;
    try {
      release = session.subscribeBoard(tenant, (update) => {
        if (contents.isDestroyed()) return;
        contents.send(BoardSubscriptionChannel.push, {
          subscriptionId,
          update,
        } satisfies BoardUpdatePush);
      });
    } catch (error) {
      // The session throws TypeError with a readable message when no profile can show the tenant.
      if (error instanceof TypeError) throw wireError('forbidden', error.message);
      throw error;
    }
    subscriptions.add(contents.id, subscriptionId, release);
  });
  handle(BoardSubscriptionChannel.stop, ({ subscriptionId }, event) => {
    subscriptions.remove(event.sender.id, subscriptionId);
  });
  // A window showing a tenant sees the link of the profile that owns it; the
  // tenant picker sees the worst link across profiles.
  const linkStatusFor = (contents: WebContents) => {
    const tenant = tenantOfWindowUrl(contents.getURL());
    return tenant ? session.linkStatusForTenant(tenant) : session.linkStatus();
  };
  handle(OperationChannel['link.status'], (_request, event) => linkStatusFor(event.sender));
  handle(OperationChannel['link.retryNow'], () => session.retryNow());
  handle(OperationChannel['windows.open'], ([tenant, board, options]) => {
    if (!session.tenants().some((t) => t.id === tenant))
      throw wireError(
        'forbidden',
        `You have no access to ${tenant}; sign in with a profile that has it.`,
      );
    deps.windows().openBoard(tenant, board, options);
    return { ok: true, value: undefined };
  });
  handle(OperationChannel['app.info'], () => deps.appInfo);
  handle(OperationChannel['hostedHub.status'], () => deps.hostedHub.status());
  handle(OperationChannel['hostedHub.start'], async ([{ demo, bindAddress }]) => {
    const started = await deps.hostedHub.start({ demo, bindAddress });
    // Sign in to our own hub with its admin credential; the password stays in main.
    const signedIn = await session.signIn({
      hubUrl: started.hubUrl,
      username: started.admin.username,
      password: started.admin.password,
      displayName: 'This PC',
    });
    if (!signedIn.ok) return { ok: true, value: { ...started.status, error: signedIn.error } };
    return { ok: true, value: started.status };
  });

  handle(OperationChannel['updates.status'], () => deps.updates.status());
  handle(OperationChannel['updates.check'], () => deps.updates.check());
  handle(OperationChannel['updates.restartToUpdate'], () => {
    const result = deps.updates.restartToUpdate();
    return result.ok ? { ok: true, value: undefined } : { ok: false, error: result.error };
  });
  // Every window showing a tenant asks for the same alert; the first one is shown.
  const shownNotifications = new RecentTags(500);
  handle(OperationChannel['desktop.notify'], ([notice]) => {
    if (!Notification.isSupported()) return 'unsupported';
    if (!shownNotifications.add(notice.tag)) return 'duplicate';
    new Notification({ title: notice.title, body: notice.body }).show();
    return 'shown';
  });

  deps.updates.onStatus((status) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
      window.webContents.send(SubscriptionChannel['updates.subscribe'].push, status);
    }
  });

  return {
    releaseContents: (contents) => {
      const released = subscriptions.removeOwner(contents.id);
      if (released > 0)
        log.debug({ contents: contents.id, released }, 'released board subscriptions of a window');
    },
    broadcastLinkStatus: () => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
        window.webContents.send(
          SubscriptionChannel['link.subscribe'].push,
          linkStatusFor(window.webContents),
        );
      }
    },
  };
}

/** The last `limit` notification tags, oldest forgotten first. */
class RecentTags {
  private readonly tags = new Set<string>();
  constructor(private readonly limit: number) {}

  /** Remembers `tag`; false when it was already there. */
  add(tag: string): boolean {
    if (this.tags.has(tag)) return false;
    this.tags.add(tag);
    if (this.tags.size > this.limit) {
      const oldest = this.tags.values().next().value;
      if (oldest !== undefined) this.tags.delete(oldest);
    }
    return true;
  }
}
