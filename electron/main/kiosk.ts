import { powerSaveBlocker } from 'electron';
import type { WindowMode } from '../../protocol/bridge/windows';

/**
 * Wall displays must never dim or sleep while a board is up. One
 * `prevent-display-sleep` blocker is held while at least one kiosk window is
 * open, and released when the last one closes.
 */
export class KioskPower {
  readonly #windows = new Set<number>();
  #blockerId: number | null = null;

  /** A kiosk window (by BrowserWindow id) opened. */
  add(windowId: number): void {
    this.#windows.add(windowId);
    if (this.#blockerId === null) this.#blockerId = powerSaveBlocker.start('prevent-display-sleep');
  }

  /** A kiosk window closed or left kiosk mode. */
  remove(windowId: number): void {
    this.#windows.delete(windowId);
    if (this.#windows.size === 0 && this.#blockerId !== null) {
      powerSaveBlocker.stop(this.#blockerId);
      this.#blockerId = null;
    }
  }
}

/** BrowserWindow options for a window mode: kiosk windows are frameless, full screen and always on top of the desktop. */
export function modeWindowOptions(mode: WindowMode): Electron.BrowserWindowConstructorOptions {
  if (mode === 'kiosk')
    return { kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true };
  if (mode === 'fullscreen') return { fullscreen: true, autoHideMenuBar: true };
  return {};
}
