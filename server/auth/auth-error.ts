import { CodedError } from '../../protocol/codes';

/** Why a credential was refused; also the `reason` label of the auth-failure metric. */
export type AuthFailureReason =
  | 'missing'
  | 'malformed'
  | 'bad_signature'
  | 'expired'
  | 'bad_claims'
  | 'algorithm'
  | 'unavailable';

/**
 * A token or credential was refused. The message is safe to show to the client (no
 * token content). Its kind is `code`: `unavailable` when the token could not be
 * checked now (retry), `unauthorized` otherwise; `reason` is the finer metric label.
 */
export class AuthError extends CodedError {
  constructor(
    readonly reason: AuthFailureReason,
    message: string,
  ) {
    super(reason === 'unavailable' ? 'unavailable' : 'unauthorized', message);
    this.name = 'AuthError';
  }
}
