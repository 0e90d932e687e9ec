import { useEffect, useState } from 'react';
import { nextStep, type PlaylistStep, type Rotation } from '../../../protocol/playlist';
import { indexOfStep } from './wall-playlist';

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

/**
 * Rotates through `rotation.steps` (tenant and board) every `intervalSec`,
 * starting after the step on screen; from a board not in the rotation it goes
 * to the first step.
 */
export function usePlaylistRotation(
  enabled: boolean,
  rotation: Rotation | null,
  current: PlaylistStep,
  onStep: (step: PlaylistStep) => void,
): void {
  // The rotation is rebuilt from the URL on every render; key the effect on its content.
  const key = rotation ? JSON.stringify(rotation) : '';
  const { tenant, board } = current;
  useEffect(() => {
    const playlist = key ? (JSON.parse(key) as Rotation) : null;
    if (!enabled || !playlist || playlist.steps.length < 2) return;
    const timer = setTimeout(() => {
      const next = playlist.steps[nextStep(playlist, indexOfStep(playlist, { tenant, board }))];
      if (next) onStep(next);
    }, playlist.intervalSec * 1000);
    return () => clearTimeout(timer);
  }, [enabled, key, tenant, board, onStep]);
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
