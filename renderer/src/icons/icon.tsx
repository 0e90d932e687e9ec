import type { ReactElement } from 'react';

/**
 * The console's icons as inline SVG, drawn with `currentColor`, so they render
 * the same on a kiosk with no emoji or symbol font and take the colour of the
 * text beside them. Replace every emoji and symbol character with one of these.
 */

/** Strokes are round and 2.5 units wide in a 24-unit box, thick enough to read across a room. */
const SHAPES = {
  check: <path d="M4.5 12.5l5 5L19.5 7" />,
  cross: <path d="M6 6l12 12M18 6L6 18" />,
  warning: (
    <>
      <path d="M12 3.5L2.5 20h19z" />
      <path d="M12 10v4.5M12 17.5v.01" />
    </>
  ),
  up: <path d="M12 5l8 13H4z" fill="currentColor" />,
  stop: (
    <>
      <path d="M8.3 2.5h7.4l5.8 5.8v7.4l-5.8 5.8H8.3l-5.8-5.8V8.3z" />
      <path d="M7.5 12h9" />
    </>
  ),
  dot: <circle cx="12" cy="12" r="6" fill="currentColor" />,
  ring: <circle cx="12" cy="12" r="6" />,
  refresh: (
    <>
      <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3" />
      <path d="M19.5 4v4h-4" />
    </>
  ),
  offline: (
    <>
      <path d="M3 12a9 9 0 0 1 3-6.7M21 12a9 9 0 0 0-3-6.7M7.5 15a6 6 0 0 1 0-6M16.5 15a6 6 0 0 0 0-6" />
      <path d="M4 20L20 4" />
    </>
  ),
  lock: (
    <>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7.5a4 4 0 0 1 8 0V11" />
    </>
  ),
  pending: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 3.5V12h8.5" fill="none" />
      <path d="M12 3.5a8.5 8.5 0 0 1 8.5 8.5H12z" fill="currentColor" />
    </>
  ),
  undo: <path d="M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />,
  external: (
    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7v5l3.5 2" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof SHAPES;

export const ICON_NAMES = Object.keys(SHAPES) as IconName[];

export interface IconProps {
  name: IconName;
  /**
   * What the icon means, for assistive tech, when no text beside it says so.
   * Leave it out when the word is already there: the icon is then aria-hidden.
   */
  label?: string;
  className?: string;
}

/** One icon, 1em square, sitting on the text baseline. */
export function Icon({ name, label, className }: IconProps) {
  return (
    <svg
      className={`icon icon--${name}${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      data-icon={name}
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {SHAPES[name]}
    </svg>
  );
}
