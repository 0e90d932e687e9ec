import { describe, expect, it } from 'vitest';
import { PasswordCheckBusyError, PasswordCheckQueue } from './password-check-queue';

function deferred(): { promise: Promise<string>; resolve: (value: string) => void } {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PasswordCheckQueue', () => {
  it('runs at most `concurrency` checks at once and refuses at once past `maxWaiting`', async () => {
    const queue = new PasswordCheckQueue(1, 2);
    const gates = [deferred(), deferred(), deferred()];
    let running = 0;
    let peak = 0;
    const run = (i: number) =>
      queue.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        const value = await gates[i]!.promise;
        running -= 1;
        return value;
      });
    const results = [run(0), run(1), run(2)];
    await expect(queue.run(async () => 'never')).rejects.toBeInstanceOf(PasswordCheckBusyError);
    gates.forEach((gate, i) => gate.resolve(`done-${i}`));
    expect(await Promise.all(results)).toEqual(['done-0', 'done-1', 'done-2']);
    expect(peak).toBe(1);
    expect(await queue.run(async () => 'free again')).toBe('free again');
  });

  it('frees the slot when a check throws', async () => {
    const queue = new PasswordCheckQueue(1, 0);
    await expect(
      queue.run(async () => {
        throw new Error('store down');
      }),
    ).rejects.toThrow('store down');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
