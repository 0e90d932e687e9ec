import pino, { type Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear, so a password, API key or token
 * handed to a log call by mistake never reaches the output.
 */
export const REDACTED_PATHS = [
  'password',
  'apiKey',
  'token',
  'access_token',
  'secret',
  '*.password',
  '*.apiKey',
  '*.token',
  '*.access_token',
  '*.secret',
];

export type CoreLogger = Logger;

/** A JSON logger on stderr (stdout belongs to CLI output). */
export function createCoreLogger(
  level = process.env.OPS_CONSOLE_LOG_LEVEL ?? 'info',
  destination: pino.DestinationStream = pino.destination(2),
): CoreLogger {
  return pino(
    {
      level,
      base: { app: 'ops-console' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
