import { Menu, Tray, nativeImage } from 'electron';
import type { HostedHubStatus } from '../../protocol/bridge/host-bridge';

export interface TrayActions {
  show(): void;
  quit(): void;
}

/**
 * The tray (notification area / menu bar) icon: shows the console, says
 * whether this PC hosts a hub and where, and quits. Wall displays run without
 * a visible window frame, so this is the way back to the app.
 */
export class ConsoleTray {
  readonly #tray: Tray;

  constructor(
    iconPath: string,
    private readonly actions: TrayActions,
  ) {
    const icon = nativeImage.createFromPath(iconPath);
    this.#tray = new Tray(
      icon.isEmpty() ? nativeImage.createEmpty() : icon.resize({ width: 16, height: 16 }),
    );
    this.#tray.setToolTip('Ops Console');
    this.#tray.on('click', () => actions.show());
    this.update({ running: false });
  }

  /** Rebuilds the menu for the bundled hub's status. */
  update(hub: HostedHubStatus): void {
    const hubLine = hub.running
      ? `Hosting a hub at ${hub.url ?? '…'}${hub.demo ? ' (demo)' : ''}`
      : hub.error
        ? `Hub stopped: ${hub.error.message}`
        : 'Not hosting a hub';
    this.#tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Show Ops Console', click: () => this.actions.show() },
        { type: 'separator' },
        { label: hubLine, enabled: false },
        { type: 'separator' },
        { label: 'Quit Ops Console', click: () => this.actions.quit() },
      ]),
    );
  }

  destroy(): void {
    this.#tray.destroy();
  }
}
