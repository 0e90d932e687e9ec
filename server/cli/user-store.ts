import type { Logger } from 'pino';
import type { CredentialVerifier } from '../auth/credential-verifier';
import type { HubConfig } from '../config/hub-config';

/** The credential side of the user store as the hub uses it. */
export interface OpenCredentials {
  verifier: CredentialVerifier;
  close(): Promise<void>;
}

/**
 * Opens the user store (Redis when REDIS_URL is set, else the data dir).
 * Until server/users lands this returns null and the token endpoint answers 404.
 */
export async function openCredentials(_config: HubConfig, logger: Logger): Promise<OpenCredentials | null> {
  logger.warn('no user store available yet; POST /v1/auth/token is disabled');
  return null;
}

/** Creates the initial admin credential on first start. */
export async function ensureInitialAdmin(_users: OpenCredentials | null, _config: HubConfig, _logger: Logger): Promise<void> {
  return;
}
