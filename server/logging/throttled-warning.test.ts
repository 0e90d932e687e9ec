import { describe, expect, it } from 'vitest';
import { ThrottledWarning } from './throttled-warning';

describe('ThrottledWarning', () => {
  it('writes one line per interval and counts the repeats it held back', () => {
    let now = 1_000;
    const lines: Array<{ fields: object; message: string }> = [];
    const warning = new ThrottledWarning(
      { warn: ((fields: object, message: string) => lines.push({ fields, message })) as never },
      'ingest refused: backplane unavailable',
      5_000,
      () => now,
    );
    for (let i = 0; i < 100; i++) {
      warning.warn({ tenant: 't1', reason: 'connection is closed' });
      now += 100;
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      fields: { tenant: 't1', reason: 'connection is closed', repeatsSinceLastLine: 0 },
      message: 'ingest refused: backplane unavailable',
    });
    expect(lines[1]?.fields).toMatchObject({ repeatsSinceLastLine: 49 });
  });
});
