/**
 * How this device tells the operator about a new critical alert. Stored with
 * the other UI preferences (prefs-store.ts, key `alerts`).
 */
export interface AlertPrefs {
  /** A system notification through the host (`desktop.notify`). */
  notify: boolean;
  /** A short beep on a desktop window. */
  sound: boolean;
  /** The beep on wall displays too; off by default (a TV in a dining room should not beep). */
  soundOnWall: boolean;
}

export const DEFAULT_ALERT_PREFS: AlertPrefs = { notify: true, sound: true, soundOnWall: false };

/** Alert preferences from storage: each flag a boolean, or its default. */
export function sanitizeAlertPrefs(value: unknown): AlertPrefs {
  const raw = typeof value === 'object' && value !== null ? (value as Partial<AlertPrefs>) : {};
  const flag = (key: keyof AlertPrefs) =>
    typeof raw[key] === 'boolean' ? raw[key] : DEFAULT_ALERT_PREFS[key];
  return { notify: flag('notify'), sound: flag('sound'), soundOnWall: flag('soundOnWall') };
}

/** Whether a new critical alert beeps in this window: on the wall only when allowed there too. */
export function shouldBeep(prefs: AlertPrefs, wall: boolean): boolean {
  return prefs.sound && (!wall || prefs.soundOnWall);
}
