import { Writable } from 'node:stream';
import { expect } from 'vitest';

/**
 * The keys the shared redaction list must cover, written out here rather than read
 * from `node-shared/logger.ts`, so a key dropped from the list fails the tests.
 */
export const SENSITIVE_KEYS = [
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'apiKey',
  'keyHash',
  'secret',
  'jwt',
  'authorization',
  'cookie',
  'redisUrl',
] as const;

/** A pino destination that keeps every line it is given. */
export function captureLines(): { stream: Writable; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

/**
 * Logs one line holding every sensitive key at the top level, one level down and
 * in request headers, each with a distinct value, then asserts that the line was
 * written and that no value reached the output.
 */
export function expectEverySecretRedacted(
  log: {
    info(fields: object, message: string): void;
    flush?(): void;
  },
  text: () => string,
): void {
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const nested: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const secrets: string[] = [];
  for (const key of SENSITIVE_KEYS) {
    fields[key] = `top-${key}-value`;
    nested[key] = `nested-${key}-value`;
    secrets.push(`top-${key}-value`, `nested-${key}-value`);
  }
  fields.context = nested;
  fields.req = {
    headers: {
      authorization: 'Bearer header-authorization-value',
      cookie: 'session=header-cookie-value',
    },
  };
  fields.res = { headers: { 'set-cookie': 'session=header-set-cookie-value' } };
  secrets.push('header-authorization-value', 'header-cookie-value', 'header-set-cookie-value');
  log.info(fields, 'a line with every secret');
  log.flush?.();
  const out = text();
  expect(out).toContain('a line with every secret');
  for (const secret of secrets) expect(out, `${secret} leaked`).not.toContain(secret);
}
