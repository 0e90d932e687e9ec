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
