import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Sparkline, sparklinePath } from './sparkline';

describe('sparkline', () => {
  it('draws a path and an end dot from a single five-minute bucket', () => {
    const { container } = render(<Sparkline values={[7]} />);
    const path = container.querySelector('svg path');
    expect(path?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+H[\d.]+$/);
    expect(container.querySelector('svg circle')).not.toBeNull();
  });

  it('draws one segment per step between buckets, highest value at the top', () => {
    const { line } = sparklinePath([0, 10, 5]);
    expect(line.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    const ys = [...line.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((match) => Number(match[1]));
    expect(ys[1]).toBeLessThan(ys[2]!);
    expect(ys[2]).toBeLessThan(ys[0]!);
  });

  it('draws nothing before the first bucket', () => {
    const { container } = render(<Sparkline values={[]} />);
    expect(container.querySelector('svg path')).toBeNull();
  });
});

describe('sparkline with a partial current bucket', () => {
  it('draws complete buckets solid and the current one as a separate dashed segment', () => {
    const { container } = render(<Sparkline values={[4, 6, 8]} partial={1} />);
    const solid = container.querySelector('path.sparkline__line');
    const partial = container.querySelector('path.sparkline__partial');
    expect(solid?.getAttribute('d')?.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    expect(partial?.getAttribute('stroke-dasharray')).toBe('3 3');
    expect(partial?.getAttribute('d')?.match(/[ML]/g)).toEqual(['M', 'L']);
    expect(container.querySelector('svg')?.getAttribute('data-points')).toBe('4');
  });

  it('keeps the solid line rising when the current bucket has only just started', () => {
    const { line, partialLine } = sparklinePath([4, 6, 8], 1);
    const ys = [...line.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((match) => Number(match[1]));
    // Up the screen is a smaller y: every complete step rises.
    expect(ys[1]).toBeLessThan(ys[0]!);
    expect(ys[2]).toBeLessThan(ys[1]!);
    expect(partialLine.startsWith(`M${line.split('L').at(-1)}`)).toBe(true);
  });

  it('draws only a dashed flat line in the first five minutes', () => {
    const { container } = render(<Sparkline values={[]} partial={3} />);
    expect(container.querySelector('path.sparkline__line')).toBeNull();
    expect(container.querySelector('path.sparkline__partial')?.getAttribute('d')).toMatch(/H/);
  });
});
