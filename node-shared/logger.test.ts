import { describe, expect, it } from 'vitest';
import { captureLines, expectEverySecretRedacted } from '../test-support/secret-log-probe';
import { createLogger } from './logger';

describe('shared logger', () => {
  it('redacts every sensitive key at the top level, one level down and in request headers', () => {
    const { stream, text } = captureLines();
    expectEverySecretRedacted(
      createLogger({ app: 'probe', level: 'info', destination: stream }),
      text,
    );
  });

  it('names the program on every line and keeps fields that are not secrets', () => {
    const { stream, text } = captureLines();
    createLogger({ app: 'ops-probe', level: 'info', destination: stream }).info(
      { tenant: 'cedar-group', seq: 42 },
      'hello',
    );
    const line = JSON.parse(text()) as Record<string, unknown>;
    expect(line).toMatchObject({ name: 'ops-probe', tenant: 'cedar-group', seq: 42, msg: 'hello' });
  });

  it('refuses a level pino does not know', () => {
    expect(() => createLogger({ app: 'probe', level: 'loud' })).toThrow(/loud/);
  });
});
