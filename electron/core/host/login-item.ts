import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Start at login, for wall boxes that must come back by themselves after a
 * power cut. Windows and macOS use Electron's login items; Linux has none, so
 * the console writes (or removes) an XDG autostart entry, which GNOME, KDE,
 * Xfce and most session managers honour.
 * https://specifications.freedesktop.org/autostart-spec/latest/
 */

export type LoginItemPlan =
  | { kind: 'login-item'; openAtLogin: boolean }
  | { kind: 'xdg-autostart'; file: string; content: string | null }
  /** Development runs never register themselves. */
  | { kind: 'none'; why: string };

export interface LoginItemInput {
  enabled: boolean;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** `process.execPath`. */
  execPath: string;
  env: Partial<Record<string, string | undefined>>;
}

/** Decides how to (un)register start at login; pure. */
export function loginItemPlan(input: LoginItemInput): LoginItemPlan {
  if (!input.isPackaged)
    return { kind: 'none', why: 'development runs are never registered to start at login' };
  if (input.platform !== 'linux') return { kind: 'login-item', openAtLogin: input.enabled };
  const configHome = input.env.XDG_CONFIG_HOME || join(input.env.HOME ?? homedir(), '.config');
  // An AppImage's execPath is inside a temporary mount; the stable path is $APPIMAGE.
  const exec = input.env.APPIMAGE || input.execPath;
  return {
    kind: 'xdg-autostart',
    file: join(configHome, 'autostart', 'ops-console.desktop'),
    content: input.enabled ? xdgAutostartEntry(exec) : null,
  };
}

/** The text of the autostart .desktop entry that runs `exec`. */
export function xdgAutostartEntry(exec: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Ops Console',
    'Comment=Live operations console (started at login by IT policy)',
    `Exec=${quoteExecArgument(exec)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Quotes one Exec argument as the Desktop Entry spec requires: in double
 * quotes with `"`, `` ` ``, `$` and `\` backslash-escaped and `%` doubled;
 * then the string-value escape doubles every backslash again (so a literal
 * backslash is written as four).
 * @throws TypeError for a line break, which no .desktop value can hold.
 */
export function quoteExecArgument(argument: string): string {
  if (/[\n\r]/.test(argument))
    throw new TypeError('quoteExecArgument: a path with a line break cannot go in a .desktop file');
  const quoted = `"${argument.replace(/[\\"`$]/g, (char) => `\\${char}`).replace(/%/g, '%%')}"`;
  return quoted.replace(/\\/g, '\\\\');
}

/** Writes or removes the entry of an `xdg-autostart` plan. @throws the fs error. */
export async function applyXdgAutostart(file: string, content: string | null): Promise<void> {
  if (content === null) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content, { mode: 0o644 });
}
