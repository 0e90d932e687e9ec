import { describe, it } from 'vitest';
import { captureLines, expectEverySecretRedacted } from '../../test-support/secret-log-probe';
import { createCoreLogger } from './core-logger';

describe('console logger', () => {
  it('redacts every key the hub logger redacts, authorization and refresh_token included', () => {
    const { stream, text } = captureLines();
    expectEverySecretRedacted(createCoreLogger('info', stream), text);
  });
});
