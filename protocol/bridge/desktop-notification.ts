import { z } from 'zod';

/**
 * `desktop.notify`: a system notification shown by the host (Electron
 * `Notification`, or the browser's Notifications API where the user allowed it),
 * so an operator hears about a critical alert while the console is minimised.
 */

/** What the renderer asks the host to show. `tag` identifies the alert, so a host shows it once. */
export const desktopNotificationSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  /** Stable per alert (e.g. `<tenant>:<alert id>`); a host that already showed this tag shows nothing. */
  tag: z.string().min(1).max(300),
});
export type DesktopNotification = z.infer<typeof desktopNotificationSchema>;

/**
 * What became of it: `shown`; `duplicate` (this tag was shown already, e.g. by
 * another window); `denied` (the user or the OS does not allow notifications);
 * `unsupported` (the host cannot show them).
 */
export const NOTIFY_OUTCOMES = ['shown', 'duplicate', 'denied', 'unsupported'] as const;
export const notifyOutcomeSchema = z.enum(NOTIFY_OUTCOMES);
export type NotifyOutcome = z.infer<typeof notifyOutcomeSchema>;
