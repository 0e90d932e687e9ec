import { CodedError } from '../../protocol/codes';

/** A configuration value is missing or invalid. The message names the variable or flag to fix. */
export class ConfigError extends CodedError {
  constructor(
    /** The environment variable or flag at fault, e.g. `HUB_TOKEN_TTL`. */
    readonly variable: string,
    message: string,
  ) {
    super('config', `${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}
