import type pino from 'pino';
import { createLogger as createNodeLogger, type Logger } from '../../node-shared/logger';

/**
 * The hub's structured logger (`"name":"ops-hub"`), with the redaction list every
 * process shares (see `node-shared/logger.ts`).
 * @throws Error when `level` is not a pino level.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return createNodeLogger({ app: 'ops-hub', level, destination });
}

/** The path of a request URL without its query string, which may hold `access_token`. */
export function safePath(url: string | undefined): string {
  if (!url) return '/';
  const cut = url.indexOf('?');
  return cut === -1 ? url : url.slice(0, cut);
}
