import { describe, expect, it } from 'vitest';
import { reduceAll } from '../board-reducer';
import { beirutBoard, sequence } from '../../../test-support/board-events';

describe('the metrics domain', () => {
  it('keeps the latest metrics', () => {
    const state = reduceAll(
      beirutBoard(),
      sequence([
        { type: 'metric', data: { name: 'checkout.p95_ms', value: 240 } },
        {
          type: 'metric',
          data: {
            name: 'checkout.p95_ms',
            value: 182,
            unit: 'ms',
            labels: { service: 'checkout' },
          },
        },
      ]),
    );
    expect(state.metrics['checkout.p95_ms']?.value).toBe(182);
    expect(state.metrics['checkout.p95_ms']?.labels).toEqual({ service: 'checkout' });
  });
});
