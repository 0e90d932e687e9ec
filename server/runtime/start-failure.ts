import { isCode, type Code } from '../../protocol/codes';
import { ConfigError } from '../config/config-error';

/** Why a hub could not start, as a code a supervisor can act on and a message for a person. */
export interface StartFailure {
  /** `config`, `port_in_use`, `bad_address`, another code of the table, or `hub_failed`. */
  code: Code;
  message: string;
}

/** Classifies an error thrown by `startHubRuntime` or `configFromFlags`. */
export function describeStartFailure(error: unknown): StartFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigError) return { code: 'config', message };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return { code: 'port_in_use', message };
  if (code === 'EADDRNOTAVAIL') return { code: 'bad_address', message };
  return { code: isCode(code) ? code : 'hub_failed', message };
}
