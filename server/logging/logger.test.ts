import { describe, expect, it } from 'vitest';
import { captureLines, expectEverySecretRedacted } from '../../test-support/secret-log-probe';
import { createLogger, safePath } from './logger';

function capture() {
  const { stream, text } = captureLines();
  return { logger: createLogger('info', stream), text };
}

describe('hub logger', () => {
  it('redacts every key of the shared list: password, tokens, authorization, cookie, secret, jwt…', () => {
    const { stream, text } = captureLines();
    expectEverySecretRedacted(createLogger('info', stream), text);
  });

  it('redacts tokens, passwords, API keys, hashes and Redis URLs at the top level and one level down', () => {
    const { logger, text } = capture();
    logger.info(
      {
        token: 'eyJ.secret-token.sig',
        access_token: 'eyJ.access.sig',
        password: 'hunter2-password',
        apiKey: 'opsk_secret-api-key',
        redisUrl: 'redis://:redis-password@127.0.0.1:6379',
        user: { passwordHash: 'scrypt$hash-value', token: 'nested-token-value' },
        response: { access_token: 'nested-access-token' },
        req: { headers: { authorization: 'Bearer header-token' } },
      },
      'event with secrets',
    );
    const out = text();
    expect(out).toContain('event with secrets');
    for (const secret of [
      'secret-token',
      'eyJ.access.sig',
      'hunter2-password',
      'secret-api-key',
      'redis-password',
      'hash-value',
      'nested-token-value',
      'nested-access-token',
      'header-token',
    ])
      expect(out).not.toContain(secret);
  });

  it('redacts refresh tokens, as the token endpoint body (refreshToken) and answer (refresh_token) name them', () => {
    const { logger, text } = capture();
    logger.info(
      {
        refreshToken: 'rt-top-body',
        refresh_token: 'rt-top-answer',
        body: { refreshToken: 'rt-nested-body' },
        response: { refresh_token: 'rt-nested-answer' },
      },
      'refresh grant',
    );
    const out = text();
    expect(out).toContain('refresh grant');
    expect(out).not.toMatch(/rt-(top|nested)-/);
  });

  it('drops the query string, which may carry access_token, from logged paths', () => {
    expect(safePath('/v1/ws?access_token=eyJ.abc.def')).toBe('/v1/ws');
    expect(safePath('/healthz')).toBe('/healthz');
    expect(safePath(undefined)).toBe('/');
  });
});
