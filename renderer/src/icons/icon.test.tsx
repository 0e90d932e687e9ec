import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Icon, ICON_NAMES } from './icon';

/**
 * Emoji, dingbats, arrows and geometric shapes that need a symbol font to render.
 * The prose arrow → (U+2192) is left out: it only appears in comments.
 */
const SYMBOL =
  /[\u2190\u2191\u2193-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2900-\u2bff\u{1f000}-\u{1faff}]/u;

/** Every renderer source file (tests and the demo fixtures aside), as text. */
const SOURCES = import.meta.glob<string>(
  ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../fixtures/**'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

describe('icons', () => {
  it('renders every icon as an aria-hidden inline SVG in the text colour', () => {
    for (const name of ICON_NAMES) {
      const { container } = render(<Icon name={name} />);
      const svg = container.querySelector('svg');
      expect(svg?.getAttribute('aria-hidden')).toBe('true');
      expect(svg?.getAttribute('stroke')).toBe('currentColor');
      expect(svg?.childElementCount).toBeGreaterThan(0);
    }
  });

  it('gives an icon that carries meaning on its own an accessible name', () => {
    const { getByRole } = render(<Icon name="lock" label="Sign-in needed" />);
    expect(getByRole('img', { name: 'Sign-in needed' })).toBeTruthy();
  });

  it('leaves no emoji or symbol character in the renderer sources outside the demo fixtures', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(40);
    const offenders = Object.entries(SOURCES)
      .filter(([, text]) => SYMBOL.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
