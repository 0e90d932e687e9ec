/** Who a verified credential belongs to and what its tokens may carry. */
export interface Principal {
  sub: string;
  tenants: string[];
  /** Space-separated scopes. */
  scope: string;
}

/**
 * Checks usernames/passwords and API keys for the token endpoint. The hub wraps
 * the user store (file or Redis) in this, so it always sees users added later.
 */
export interface CredentialVerifier {
  /** The principal, or null when the user is unknown or the password is wrong (callers answer both alike). */
  verifyPassword(username: string, password: string): Promise<Principal | null>;
  verifyApiKey(apiKey: string): Promise<Principal | null>;
}
