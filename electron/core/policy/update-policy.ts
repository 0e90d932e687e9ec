import { z } from 'zod';

/**
 * The `updates` block of the managed policy: whether the console may update
 * itself, and from where. Absent means "as built": the feed URL and channel
 * the release engineer configured at build time (app-update.yml), if any.
 */

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** An https base URL of a generic update feed (the folder holding latest.yml), no credentials in it. */
export const updateFeedUrlSchema = z
  .url({ protocol: /^https$/ })
  .max(2048)
  .refine((url) => {
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '' && parsed.search === '';
  }, 'must be an https URL of the update folder, such as https://updates.example.com/ops-console/, with no user name, password or query');

export const updatePolicySchema = z.strictObject({
  /** False: the console never contacts an update feed; IT deploys every version itself. */
  enabled: z.boolean().default(true),
  /** Pins the channel; users cannot change it. */
  channel: z.enum(UPDATE_CHANNELS).optional(),
  /** Pins the feed; replaces the URL built into the app. */
  feedUrl: updateFeedUrlSchema.optional(),
});

export type UpdatePolicy = z.output<typeof updatePolicySchema>;
