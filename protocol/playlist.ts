import { z } from 'zod';
import { tenantIdSchema } from './ids';
import { boardKindSchema } from './bridge/tenants';

/**
 * Wall-display playlists: an ordered list of `{tenant, board}` steps shown one
 * after the other, each for `intervalSec`. One schema for every way a playlist
 * arrives (URL, the Settings editor, the policy file, IPC), so every door has
 * the same limits and the same messages.
 */

/** The one interval range: 5 s lets a board be read before it turns; an hour is the longest a rotation is still a rotation. */
export const PLAYLIST_INTERVAL_MIN_SEC = 5;
export const PLAYLIST_INTERVAL_MAX_SEC = 3600;
export const PLAYLIST_INTERVAL_DEFAULT_SEC = 30;
/** Enough for every board of eight groups; a longer rotation is not watched to its end. */
export const PLAYLIST_MAX_STEPS = 48;
export const PLAYLIST_NAME_MAX_LENGTH = 60;
/** Saved playlists per device, and per policy file. */
export const PLAYLISTS_MAX = 50;

export const playlistIntervalSchema = z
  .number({ error: 'interval must be a number of seconds' })
  .int('interval must be a whole number of seconds')
  .min(
    PLAYLIST_INTERVAL_MIN_SEC,
    `interval must be at least ${PLAYLIST_INTERVAL_MIN_SEC} s so a board can be read before it turns`,
  )
  .max(
    PLAYLIST_INTERVAL_MAX_SEC,
    `interval must be at most ${PLAYLIST_INTERVAL_MAX_SEC} s (1 hour)`,
  );

/** One board of one tenant (restaurant group). */
export const playlistStepSchema = z.strictObject({
  tenant: tenantIdSchema,
  board: boardKindSchema,
});
export type PlaylistStep = z.infer<typeof playlistStepSchema>;

export const playlistStepsSchema = z
  .array(playlistStepSchema)
  .min(1, 'a playlist needs at least one board')
  .max(PLAYLIST_MAX_STEPS, `a playlist has at most ${PLAYLIST_MAX_STEPS} steps`);

/** A playlist as it runs: the steps and the time each one stays up. */
export const rotationSchema = z.strictObject({
  steps: playlistStepsSchema,
  intervalSec: playlistIntervalSchema,
});
export type Rotation = z.infer<typeof rotationSchema>;

export const playlistNameSchema = z
  .string()
  .trim()
  .min(1, 'a playlist needs a name')
  .max(
    PLAYLIST_NAME_MAX_LENGTH,
    `a playlist name has at most ${PLAYLIST_NAME_MAX_LENGTH} characters`,
  );

/** A saved playlist (Settings or the policy file), opened on the wall as `#/wall?playlist=<name>`. */
export const namedPlaylistSchema = z.strictObject({
  name: playlistNameSchema,
  steps: playlistStepsSchema,
  intervalSec: playlistIntervalSchema,
});
export type NamedPlaylist = z.infer<typeof namedPlaylistSchema>;

/** A list of saved playlists: names are unique, since the URL opens a playlist by name. */
export const namedPlaylistsSchema = z
  .array(namedPlaylistSchema)
  .max(PLAYLISTS_MAX, `at most ${PLAYLISTS_MAX} playlists`)
  .superRefine((playlists, ctx) => {
    const seen = new Set<string>();
    playlists.forEach((playlist, index) => {
      if (seen.has(playlist.name))
        ctx.addIssue({
          code: 'custom',
          message: `two playlists are named "${playlist.name}"; names must be unique`,
          path: [index, 'name'],
        });
      seen.add(playlist.name);
    });
  });

/** The index after `index`, wrapping to the first step. */
export function nextStep(playlist: Pick<Rotation, 'steps'>, index: number): number {
  const count = playlist.steps.length;
  if (count === 0)
    throw new Error('nextStep: the playlist has no steps; validate it with rotationSchema first');
  return (((index + 1) % count) + count) % count;
}

/**
 * The index of the step showing at `now` for a rotation that started at
 * `startedAt` (both epoch ms). Before the start it shows the first step.
 */
export function stepAt(playlist: Rotation, startedAt: number, now: number): number {
  const count = playlist.steps.length;
  if (count === 0)
    throw new Error('stepAt: the playlist has no steps; validate it with rotationSchema first');
  const elapsed = Math.max(0, now - startedAt);
  return Math.floor(elapsed / (playlist.intervalSec * 1000)) % count;
}

/** One line per problem (`steps.0.board: …`), for a message on screen or in a log. */
export function describePlaylistIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
