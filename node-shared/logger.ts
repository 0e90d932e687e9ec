import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Field names that hold credentials or could reveal them. Every process logs
 * through {@link createLogger}, so the hub and the console redact the same fields.
 */
const SENSITIVE_FIELDS = [
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'apiKey',
  'keyHash',
  'secret',
  'clientSecret',
  'client_secret',
  'jwt',
  'jwtSecret',
  'authorization',
  'cookie',
  'redisUrl',
] as const;

/**
 * The paths pino blanks out: each sensitive field at the top level and one level
 * down (pino has no recursive wildcard), plus the HTTP headers that carry
 * credentials wherever a request or response object is logged.
 */
export const REDACTED_PATHS: readonly string[] = [
  ...SENSITIVE_FIELDS,
  ...SENSITIVE_FIELDS.map((field) => `*.${field}`),
  // `*.authorization` covers `headers.authorization`; a request's headers sit one level deeper.
  '*.headers.authorization',
  '*.headers.cookie',
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

/** What {@link createLogger} needs. */
export interface LoggerOptions {
  /** The program's name, written as `name` on every line (`ops-hub`, `ops-console`). */
  app: string;
  /** A pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  level: string;
  /** Where JSON lines go; default stdout. */
  destination?: DestinationStream;
}

/**
 * A pino JSON logger with the shared redaction list. Redaction is the second line
 * of defence; the first is never logging secrets (request logs use the path
 * without its query string, URLs go through `redactUrl`).
 * @throws Error from pino when `level` is not a pino level.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: options.app,
      level: options.level,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    options.destination,
  );
}
