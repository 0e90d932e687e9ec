/** Why a credential was refused; also the `reason` label of the auth-failure metric. */
export type AuthFailureReason =
  | 'missing'
  | 'malformed'
  | 'bad_signature'
  | 'expired'
  | 'bad_claims'
  | 'algorithm'
  | 'unavailable';

/** A token or credential was refused. The message is safe to show to the client (no token content). */
export class AuthError extends Error {
  constructor(
    readonly reason: AuthFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}
