/** Who a verified credential belongs to and what its tokens may carry. */
export interface Principal {
  sub: string;
  tenants: string[];
  /** Space-separated scopes. */
  scope: string;
}

/** A person's account: a principal plus when the account was created (epoch ms), which a re-added user changes. */
export interface UserPrincipal extends Principal {
  createdAt: number;
}

/**
 * Checks usernames/passwords and API keys for the token endpoint. The hub wraps
 * the user store (file or Redis) in this, so it always sees users added later.
 */
export interface CredentialVerifier {
  /** The principal, or null when the user is unknown or the password is wrong (callers answer both alike). */
  verifyPassword(username: string, password: string): Promise<UserPrincipal | null>;
  verifyApiKey(apiKey: string): Promise<Principal | null>;
  /**
   * The user's current grant as the store holds it now, or null when the user was
   * removed; read at every refresh grant so changes take effect there.
   */
  lookupUser(username: string): Promise<UserPrincipal | null>;
}
