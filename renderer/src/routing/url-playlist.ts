import { boardPlaylistSchema, type WindowPlaylist } from '../../../protocol/bridge/windows';
import { describePlaylistIssues, rotationSchema } from '../../../protocol/playlist';

/** Seconds per board when a wall URL gives a playlist but no `interval`. */
export const URL_DEFAULT_INTERVAL_SEC = 60;

export type UrlPlaylist =
  { ok: true; playlist: WindowPlaylist | null } | { ok: false; error: string };

/**
 * The playlist a wall URL gives: `steps=tenant:board,…` (across tenants) or
 * `playlist=board,…` / `boards=board,…` (the route's tenant), with `interval`.
 * Validated with the same schemas as the editor, the policy file and IPC; a
 * bad value is refused with the schema's message, never rewritten.
 */
export function parseUrlPlaylist(params: URLSearchParams): UrlPlaylist {
  const steps = params.get('steps');
  const boards = params.get('playlist') ?? params.get('boards');
  if (steps === null && boards === null) return { ok: true, playlist: null };
  const rawInterval = params.get('interval');
  const intervalSec = rawInterval === null ? URL_DEFAULT_INTERVAL_SEC : Number(rawInterval);
  const parsed =
    steps !== null
      ? rotationSchema.safeParse({ steps: splitList(steps).map(parseStep), intervalSec })
      : boardPlaylistSchema.safeParse({ boards: splitList(boards ?? ''), intervalSec });
  if (parsed.success) return { ok: true, playlist: parsed.data };
  return { ok: false, error: describePlaylistIssues(parsed.error) };
}

function splitList(list: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseStep(text: string): { tenant: string; board: string } {
  const colon = text.lastIndexOf(':');
  // No colon: the schema then reports the missing tenant for this step.
  return colon < 0
    ? { tenant: '', board: text }
    : { tenant: text.slice(0, colon), board: text.slice(colon + 1) };
}
