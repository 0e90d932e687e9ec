import type {
  AppInfo,
  BoardKind,
  BridgeResult,
  DesktopNotification,
  NotifyOutcome,
  HostBridge,
  OpenWindowOptions,
  UpdateStatus,
} from '../../../protocol';

/** The operations the browser host answers in the page (`'page'` in worker-protocol's routes): none needs the hub session. */
export type PageOperations = Pick<
  HostBridge,
  'windows' | 'app' | 'hostedHub' | 'updates' | 'desktop'
>;

export interface PageOperationsOptions {
  /** How the link runs, for `app.info().platform`. */
  linkMode: 'shared-worker' | 'in-page';
  /** Opens a URL in a new tab; false when the browser blocked it. */
  openTab: (url: string) => boolean;
}

/**
 * Windows are tabs at a board's hash route; the browser reports what it is,
 * cannot host a hub and never updates itself (the hub serves its build).
 */
export function createPageOperations(options: PageOperationsOptions): PageOperations {
  const { openTab } = options;
  const version = import.meta.env.VITE_APP_VERSION ?? '0.1.0';
  return {
    windows: {
      async open(
        tenant: string,
        board: BoardKind,
        openOptions?: OpenWindowOptions,
      ): Promise<BridgeResult<void>> {
        const wall =
          openOptions?.mode === 'kiosk' ||
          openOptions?.mode === 'fullscreen' ||
          openOptions?.playlist !== undefined;
        const url = `${location.pathname}${location.search}${boardHash(tenant, board, wall)}`;
        if (!openTab(url))
          return {
            ok: false,
            error: {
              code: 'popup_blocked',
              message: 'The browser blocked the new tab; allow pop-ups for this console.',
            },
          };
        return { ok: true, value: undefined };
      },
    },
    app: {
      async info(): Promise<AppInfo> {
        return {
          name: 'Ops Console',
          version,
          host: 'browser',
          platform: `browser (${options.linkMode} link)`,
          canHostHub: false,
          canOpenWindows: false,
        };
      },
    },
    hostedHub: {
      async status() {
        return { running: false };
      },
      async start() {
        return {
          ok: false,
          error: {
            code: 'unsupported',
            message:
              'A browser cannot host a hub. Use the desktop app, or run `npm run hub` on a machine.',
          },
        };
      },
    },
    updates: browserUpdates(version),
    desktop: { notify: showBrowserNotification },
  };
}

/**
 * A system notification through the Notifications API, only where the user
 * allows it: permission is asked once, never again after a refusal. The tag
 * makes the browser replace rather than repeat a notification other tabs
 * showed for the same alert.
 */
async function showBrowserNotification(notice: DesktopNotification): Promise<NotifyOutcome> {
  if (typeof Notification === 'undefined') return 'unsupported';
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  new Notification(notice.title, { body: notice.body, tag: notice.tag });
  return 'shown';
}

/** The browser console never updates itself: the hub serves whatever build it has. */
function browserUpdates(version: string): HostBridge['updates'] {
  const status: UpdateStatus = {
    state: 'not-applicable',
    reason: 'browser',
    currentVersion: version,
  };
  return {
    status: async () => status,
    subscribe: () => () => {},
    check: async () => status,
    restartToUpdate: async () => ({
      ok: false,
      error: { code: 'unsupported', message: 'The browser console is updated with its hub.' },
    }),
  };
}

/** The hash route of a board: `#/t/<tenant>/<board>`, with `?wall=1` for wall mode. */
export function boardHash(tenant: string, board: BoardKind, wall = false): string {
  return `#/t/${encodeURIComponent(tenant)}/${board}${wall ? '?wall=1' : ''}`;
}
