import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_FIT_SCALE, useFitScale } from './use-fit-scale';

/**
 * jsdom has no layout, so the element's geometry is modelled: the box is
 * `data-box` px tall and its content `data-content` px at scale 1, shrinking
 * with `--fit-scale` as the em-based CSS makes it do in a browser.
 */
const originals = {
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
  scrollHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollHeight'),
};
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Number(this.dataset.box ?? 0);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const scale = Number(this.style.getPropertyValue('--fit-scale') || 1);
      return Math.ceil(Number(this.dataset.content ?? 0) * scale);
    },
  });
});
afterEach(() => {
  cleanup();
  for (const [key, descriptor] of Object.entries(originals))
    if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
});

function Floor({ wall, box, content }: { wall: boolean; box: number; content: number }) {
  const ref = useFitScale<HTMLDivElement>(wall);
  return <div ref={ref} data-testid="floor" data-box={box} data-content={content} />;
}

function scaleOf(container: HTMLElement): number | null {
  const value = container
    .querySelector<HTMLElement>('[data-testid="floor"]')
    ?.style.getPropertyValue('--fit-scale');
  return value ? Number(value) : null;
}

describe('useFitScale', () => {
  it('leaves a board that fits at full size', () => {
    const { container } = render(<Floor wall box={900} content={700} />);
    expect(scaleOf(container)).toBe(1);
  });

  it('shrinks a board that is too tall until its content fits the box, within a pixel of type', () => {
    const { container } = render(<Floor wall box={900} content={1500} />);
    const scale = scaleOf(container)!;
    expect(Math.ceil(1500 * scale)).toBeLessThanOrEqual(900);
    expect(scale).toBeGreaterThan(0.6 - 1 / 64);
  });

  it('stops at the smallest readable size rather than shrinking a huge floor to nothing', () => {
    const { container } = render(<Floor wall box={500} content={5000} />);
    expect(scaleOf(container)).toBe(MIN_FIT_SCALE);
  });

  it('does nothing off the wall, and removes the scale when the wall is left', () => {
    const { container, rerender } = render(<Floor wall box={900} content={1500} />);
    expect(scaleOf(container)).not.toBeNull();
    rerender(<Floor wall={false} box={900} content={1500} />);
    expect(scaleOf(container)).toBeNull();
  });
});
