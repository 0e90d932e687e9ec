import { useEffect, useState } from 'react';
import type { BoardKind } from '../../../protocol/bridge/host-bridge';
import type { Playlist } from '../stores/prefs-store';

/**
 * Wall-display behaviour: playlist rotation, burn-in protection and the hidden
 * ways out. Ways out: press Ctrl+Shift+W, hold Escape for 2 s, or press and
 * hold anywhere (mouse or touch) for 2 s.
 */

export const WALL_EXIT_HOLD_MS = 2000;
/** Burn-in protection: move the whole board a few pixels every 3 minutes. */
export const BURN_IN_SHIFT_MS = 3 * 60_000;
export const BURN_IN_OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [3, 1],
  [-2, 3],
  [-3, -2],
  [2, -3],
];

/** Rotates through `playlist.boards` every `intervalSec`, starting after the current board. */
export function usePlaylistRotation(
  enabled: boolean,
  playlist: Playlist | null,
  board: BoardKind,
  onBoard: (board: BoardKind) => void,
): void {
  // The playlist is rebuilt from the URL on every render; key the effect on its content.
  const key = (playlist?.boards ?? []).join(',');
  const intervalMs = (playlist?.intervalSec ?? 60) * 1000;
  useEffect(() => {
    const boards = key ? (key.split(',') as BoardKind[]) : [];
    if (!enabled || boards.length < 2) return;
    const timer = setTimeout(() => {
      const index = boards.indexOf(board);
      onBoard(boards[(index + 1) % boards.length] as BoardKind);
    }, intervalMs);
    return () => clearTimeout(timer);
  }, [enabled, key, intervalMs, board, onBoard]);
}

/** The current burn-in offset in px, stepping every BURN_IN_SHIFT_MS while enabled. */
export function useBurnInShift(enabled: boolean): readonly [number, number] {
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (!enabled) {
      setStep(0);
      return;
    }
    const timer = setInterval(
      () => setStep((current) => (current + 1) % BURN_IN_OFFSETS.length),
      BURN_IN_SHIFT_MS,
    );
    return () => clearInterval(timer);
  }, [enabled]);
  return BURN_IN_OFFSETS[step] ?? [0, 0];
}

/** Calls `onExit` on Ctrl+Shift+W, a 2 s Escape hold, or a 2 s press-and-hold anywhere. */
export function useWallExit(enabled: boolean, onExit: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    let hold: ReturnType<typeof setTimeout> | null = null;
    const cancel = () => {
      if (hold !== null) clearTimeout(hold);
      hold = null;
    };
    const start = () => {
      cancel();
      hold = setTimeout(onExit, WALL_EXIT_HOLD_MS);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 'w') {
        event.preventDefault();
        onExit();
      } else if (event.key === 'Escape' && !event.repeat) start();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancel();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('pointerdown', start);
    window.addEventListener('pointerup', cancel);
    window.addEventListener('pointercancel', cancel);
    return () => {
      cancel();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('pointerdown', start);
      window.removeEventListener('pointerup', cancel);
      window.removeEventListener('pointercancel', cancel);
    };
  }, [enabled, onExit]);
}
