import { sep } from 'node:path';

/**
 * How this copy of the app was installed, which decides who may install
 * updates. A per-machine install (MSI, NSIS /allusers, pkg into a root-owned
 * /Applications, deb, rpm) needs admin rights to replace, so the app never
 * tries to update it silently (electron-builder #3470, #8354): IT does.
 */
export type InstallKind = 'per-user' | 'per-machine' | 'development';

export interface InstallFacts {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** `process.execPath` of the app. */
  execPath: string;
  env: Partial<Record<string, string | undefined>>;
  /** macOS: whether the user can write the .app bundle (Squirrel.Mac replaces it in place). */
  appBundleWritable?: boolean;
}

/** Classifies the install from where it lives; pure. */
export function detectInstallKind(facts: InstallFacts): InstallKind {
  if (!facts.isPackaged) return 'development';
  if (facts.platform === 'win32') {
    const exe = facts.execPath.toLowerCase();
    const machineRoots = [
      facts.env.ProgramFiles,
      facts.env['ProgramFiles(x86)'],
      facts.env.ProgramW6432,
      'C:\\Program Files',
    ]
      .filter((root): root is string => Boolean(root))
      .map((root) => (root.endsWith('\\') ? root : `${root}\\`).toLowerCase());
    return machineRoots.some((root) => exe.startsWith(root)) ? 'per-machine' : 'per-user';
  }
  if (facts.platform === 'darwin') return facts.appBundleWritable ? 'per-user' : 'per-machine';
  // Linux: only an AppImage replaces itself; deb and rpm belong to the system package manager.
  if (facts.env.APPIMAGE && facts.env.APPIMAGE.startsWith(sep)) return 'per-user';
  return 'per-machine';
}
