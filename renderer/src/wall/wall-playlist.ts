import type { WindowPlaylist } from '../../../protocol/bridge/windows';
import type { NamedPlaylist, PlaylistStep, Rotation } from '../../../protocol/playlist';

/** A route's playlist as steps: a one-tenant board list runs on the route's tenant. */
export function toRotation(playlist: WindowPlaylist, tenant: string): Rotation {
  if ('steps' in playlist) return playlist;
  return {
    steps: playlist.boards.map((board) => ({ tenant, board })),
    intervalSec: playlist.intervalSec,
  };
}

/** The index of `current` in the rotation, or -1 when the wall shows a board that is not in it. */
export function indexOfStep(rotation: Rotation, current: PlaylistStep): number {
  return rotation.steps.findIndex(
    (step) => step.tenant === current.tenant && step.board === current.board,
  );
}

/**
 * The playlist `#/wall?playlist=<name>` opens: IT's (managed policy) wins over
 * one saved on this device with the same name, since IT's cannot be edited here.
 */
export function findNamedPlaylist(
  name: string,
  saved: readonly NamedPlaylist[],
  managed: readonly NamedPlaylist[],
): NamedPlaylist | undefined {
  return (
    managed.find((playlist) => playlist.name === name) ??
    saved.find((playlist) => playlist.name === name)
  );
}
