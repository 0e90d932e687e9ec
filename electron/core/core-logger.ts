import pino from 'pino';
import { createLogger, type Logger } from '../../node-shared/logger';

export type CoreLogger = Logger;

/**
 * The console's JSON logger (`"name":"ops-console"`) on stderr, as stdout belongs
 * to CLI output; redaction is the list every process shares (see `node-shared/logger.ts`).
 * @throws Error when `level` is not a pino level.
 */
export function createCoreLogger(
  level = process.env.OPS_CONSOLE_LOG_LEVEL ?? 'info',
  destination: pino.DestinationStream = pino.destination(2),
): CoreLogger {
  return createLogger({ app: 'ops-console', level, destination });
}
