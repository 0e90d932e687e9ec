import pino, { type Logger } from 'pino';

/**
 * The hub's structured logger. Paths that could carry secrets are redacted as a
 * second line of defence; the first is never logging them (request logs use the
 * path without its query string).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: 'ops-hub',
      level,
      redact: {
        paths: [
          'password',
          'token',
          'secret',
          'apiKey',
          'authorization',
          '*.password',
          '*.token',
          '*.secret',
          '*.apiKey',
          '*.authorization',
          'req.headers.authorization',
          'headers.authorization',
          '*.headers.authorization',
          'access_token',
          '*.access_token',
          'refresh_token',
          '*.refresh_token',
          'refreshToken',
          '*.refreshToken',
          'passwordHash',
          '*.passwordHash',
          'keyHash',
          '*.keyHash',
          'redisUrl',
          '*.redisUrl',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** The path of a request URL without its query string, which may hold `access_token`. */
export function safePath(url: string | undefined): string {
  if (!url) return '/';
  const cut = url.indexOf('?');
  return cut === -1 ? url : url.slice(0, cut);
}
