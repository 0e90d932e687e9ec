import { randomUUID } from 'node:crypto';
import { BrowserWindow, screen, type WebContents } from 'electron';
import type { BoardKind, OpenWindowOptions } from '../../protocol/bridge/host-bridge';
import type { Rotation } from '../../protocol/playlist';
import type { CoreLogger } from '../core/core-logger';
import { pickDisplay } from '../core/host/display-choice';
import {
  CrashRecovery,
  describeRecovery,
  type RendererTrouble,
} from '../core/windows/crash-recovery';
import {
  placeLayout,
  placeWindow,
  type DisplayInfo,
  type Rect,
  type WindowEntry,
  type WindowLayout,
} from '../core/windows/window-layout';
import { loadWindowLayout, saveWindowLayout } from '../core/windows/window-layout-file';
import { windowHash } from '../core/windows/window-route';
import { KioskPower, modeWindowOptions } from './kiosk';

export interface WindowManagerOptions {
  dataDir: string;
  /** Absolute path of the built preload (CommonJS, for the sandbox). */
  preloadPath: string;
  /** `app://console/index.html`, or the electron-vite dev server URL. */
  rendererUrl: string;
  log: CoreLogger;
  /** Told when a window's page is replaced (reload, crash, close), so its IPC subscriptions are released. */
  onContentsReset(contents: WebContents): void;
  /** Policy `startup.displayIndex`: the display of the first window when no layout is saved. */
  startDisplayIndex?: number;
  /** Policy `startup.maxRendererReloadsPerHour`: cap on automatic reloads per window. */
  maxReloadsPerHour?: number;
}

interface ManagedWindow {
  window: BrowserWindow;
  entry: WindowEntry;
  recovery: CrashRecovery;
  pendingReload?: NodeJS.Timeout;
}

const DEFAULT_SIZE = { width: 1280, height: 800 };
const SAVE_DELAY_MS = 1000;

function displays(): DisplayInfo[] {
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea }));
}

/**
 * Creates and tracks console windows: secure web preferences, the saved
 * layout (restored at start, saved on every move and close), kiosk power
 * blocking, and reload of crashed or hung renderers with backoff.
 */
export class WindowManager {
  readonly #windows = new Map<string, ManagedWindow>();
  readonly #kioskPower = new KioskPower();
  #saveTimer: NodeJS.Timeout | undefined;
  #quitting = false;

  constructor(private readonly options: WindowManagerOptions) {}

  /** Reopens the saved windows, moved onto displays that exist; one main window when none was saved. */
  async restore(): Promise<void> {
    const saved = await loadWindowLayout(this.options.dataDir, (level, message, detail) =>
      this.options.log[level](detail ?? {}, message),
    );
    const primary = screen.getPrimaryDisplay();
    const layout = placeLayout(saved, displays(), primary.id);
    if (layout.windows.length === 0) {
      const entry = this.#newEntry({ id: 'main', tenant: null, board: null, mode: 'normal' });
      const index = this.options.startDisplayIndex;
      if (index === undefined) {
        this.#create(entry);
        return;
      }
      const display = pickDisplay(screen.getAllDisplays(), primary.id, index);
      this.#create({
        ...entry,
        displayId: display.id,
        bounds: { ...DEFAULT_SIZE, x: display.workArea.x, y: display.workArea.y },
      });
      return;
    }
    for (const entry of layout.windows) this.#create(entry);
  }

  /** Opens a window on a board (from `windows.open`), on the display of the focused window. */
  openBoard(tenant: string, board: BoardKind, options: OpenWindowOptions = {}): void {
    this.#create(
      this.#newEntry({
        id: randomUUID().slice(0, 8),
        tenant,
        board,
        mode: options.mode ?? 'normal',
        playlist: options.playlist,
      }),
    );
  }

  /**
   * Opens (or reuses) the wall-display window required by policy on display
   * number `displayIndex` (0 = primary, then left to right), rotating through
   * `rotation`'s steps (which may cross tenants).
   */
  openKiosk(rotation: Rotation, displayIndex: number): void {
    const [first] = rotation.steps;
    if (!first) return;
    const id = `kiosk-${first.tenant}`;
    const existing = [...this.#windows.values()].find(
      (w) => w.entry.mode === 'kiosk' && w.entry.id === id,
    );
    if (existing) return;
    const display = pickDisplay(
      screen.getAllDisplays(),
      screen.getPrimaryDisplay().id,
      displayIndex,
    );
    this.#create({
      id,
      tenant: first.tenant,
      board: first.board,
      mode: 'kiosk',
      playlist: rotation.steps.length > 1 ? rotation : undefined,
      displayId: display.id,
      bounds: display.bounds,
    });
  }

  /** Brings the first window forward (second-instance launch, tray click); opens one if none. */
  focus(): void {
    const first = this.#windows.values().next().value;
    if (!first) {
      this.#create(this.#newEntry({ id: 'main', tenant: null, board: null, mode: 'normal' }));
      return;
    }
    if (first.window.isMinimized()) first.window.restore();
    first.window.show();
    first.window.focus();
  }

  /** From now on closing windows does not remove them from the saved layout. */
  markQuitting(): void {
    this.#quitting = true;
  }

  /** Writes the layout now (on quit). */
  async saveNow(): Promise<void> {
    clearTimeout(this.#saveTimer);
    await saveWindowLayout(this.options.dataDir, this.#layout());
  }

  #newEntry(base: Pick<WindowEntry, 'id' | 'tenant' | 'board' | 'mode' | 'playlist'>): WindowEntry {
    const focused = BrowserWindow.getFocusedWindow();
    const anchor: Rect = focused
      ? focused.getNormalBounds()
      : { ...screen.getPrimaryDisplay().workArea, ...DEFAULT_SIZE };
    const display = screen.getDisplayMatching(anchor);
    // Cascade new windows so they do not sit exactly on top of the one that opened them.
    const bounds = {
      x: anchor.x + (focused ? 32 : 0),
      y: anchor.y + (focused ? 32 : 0),
      ...DEFAULT_SIZE,
    };
    return placeWindow(
      { ...base, bounds, displayId: display.id },
      displays(),
      screen.getPrimaryDisplay().id,
    );
  }

  #create(entry: WindowEntry): BrowserWindow {
    const window = new BrowserWindow({
      ...entry.bounds,
      minWidth: 480,
      minHeight: 320,
      show: false,
      title: 'Ops Console',
      backgroundColor: '#0b0f14',
      ...modeWindowOptions(entry.mode),
      webPreferences: {
        preload: this.options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        // Middle-click would open links in new windows; those are denied anyway, this removes the event.
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        // Wall displays keep updating while another window covers them.
        backgroundThrottling: entry.mode !== 'kiosk',
      },
    });
    const managed: ManagedWindow = {
      window,
      entry,
      recovery: new CrashRecovery(
        this.options.maxReloadsPerHour ? { maxPerHour: this.options.maxReloadsPerHour } : {},
      ),
    };
    this.#windows.set(entry.id, managed);
    if (entry.mode === 'kiosk') this.#kioskPower.add(window.id);
    window.once('ready-to-show', () => window.show());
    window.on('moved', () => this.#track(managed));
    window.on('resized', () => this.#track(managed));
    window.on('close', () => this.#onClose(managed));
    this.#watchRenderer(managed);
    void this.#load(managed);
    return window;
  }

  async #load(managed: ManagedWindow): Promise<void> {
    try {
      await managed.window.loadURL(`${this.options.rendererUrl}${windowHash(managed.entry)}`);
    } catch (error) {
      // A crash during load is handled by render-process-gone; this is the log line for everything else.
      this.options.log.error(
        { err: error, window: managed.entry.id },
        'console window failed to load',
      );
    }
  }

  #watchRenderer(managed: ManagedWindow): void {
    const contents = managed.window.webContents;
    const windowId = managed.entry.id;
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) this.options.onContentsReset(contents);
    });
    contents.on('destroyed', () => this.options.onContentsReset(contents));
    const recover = (trouble: RendererTrouble) => {
      const decision = managed.recovery.onTrouble(trouble, Date.now());
      const line = describeRecovery(trouble, decision);
      this.options.log.warn({ window: windowId, tenant: managed.entry.tenant }, line);
      if (decision.action !== 'reload' || managed.pendingReload) return;
      managed.pendingReload = setTimeout(() => {
        managed.pendingReload = undefined;
        if (managed.window.isDestroyed()) return;
        if (trouble.kind === 'unresponsive') managed.window.webContents.forcefullyCrashRenderer();
        void this.#load(managed);
      }, decision.delayMs);
    };
    contents.on('render-process-gone', (_event, details) => {
      this.options.onContentsReset(contents);
      recover({ kind: 'gone', reason: details.reason, exitCode: details.exitCode });
    });
    managed.window.on('unresponsive', () => recover({ kind: 'unresponsive' }));
    managed.window.on('responsive', () => {
      // It recovered by itself within the grace period: no reload needed.
      clearTimeout(managed.pendingReload);
      managed.pendingReload = undefined;
    });
  }

  #track(managed: ManagedWindow): void {
    if (managed.window.isDestroyed() || managed.window.isFullScreen() || managed.window.isKiosk())
      return;
    const bounds = managed.window.getNormalBounds();
    managed.entry = { ...managed.entry, bounds, displayId: screen.getDisplayMatching(bounds).id };
    this.#scheduleSave();
  }

  #onClose(managed: ManagedWindow): void {
    clearTimeout(managed.pendingReload);
    this.#kioskPower.remove(managed.window.id);
    // While quitting, windows stay in the layout (saved by the quit handler) so they all come back.
    if (this.#quitting) return;
    if (this.#windows.size === 1) {
      // The last window closing quits the app (except on macOS): save it first so it comes back.
      void this.saveNow().catch((error: unknown) =>
        this.options.log.error({ err: error }, 'could not save the window layout'),
      );
      this.#windows.delete(managed.entry.id);
      return;
    }
    this.#windows.delete(managed.entry.id);
    this.#scheduleSave();
  }

  #layout(): WindowLayout {
    return { version: 1, windows: [...this.#windows.values()].map((w) => w.entry) };
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      saveWindowLayout(this.options.dataDir, this.#layout()).catch((error: unknown) =>
        this.options.log.error({ err: error }, 'could not save the window layout'),
      );
    }, SAVE_DELAY_MS);
  }
}
