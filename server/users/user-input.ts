import { isTenantId } from '../../protocol/ids';
import { SCOPES } from '../../protocol/scopes';
import { InvalidUserInputError } from './user-store';

export const USER_NAME_PATTERN = /^[a-zA-Z0-9._@-]{1,64}$/;
export const MAX_PASSWORD_LENGTH = 1024;
const MAX_TENANTS = 1000;

/** @throws InvalidUserInputError */
export function validateName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string' || !USER_NAME_PATTERN.test(name)) {
    throw new InvalidUserInputError(`${field} must match ^[a-zA-Z0-9._@-]{1,64}$`);
  }
  return name;
}

/** @throws InvalidUserInputError */
export function validatePassword(password: unknown): string {
  if (
    typeof password !== 'string' ||
    password.length === 0 ||
    password.length > MAX_PASSWORD_LENGTH
  ) {
    throw new InvalidUserInputError(`password must be 1..${MAX_PASSWORD_LENGTH} characters`);
  }
  return password;
}

/** Deduplicated, sorted tenant ids. @throws InvalidUserInputError naming the bad id. */
export function validateTenants(tenants: unknown): string[] {
  if (!Array.isArray(tenants) || tenants.length > MAX_TENANTS) {
    throw new InvalidUserInputError(
      `tenants must be an array of at most ${MAX_TENANTS} tenant ids`,
    );
  }
  for (const tenant of tenants) {
    if (!isTenantId(tenant))
      throw new InvalidUserInputError(
        `tenant ${JSON.stringify(tenant)} must match ^[a-z0-9][a-z0-9_-]{0,62}$`,
      );
  }
  return [...new Set(tenants as string[])].sort();
}

/** Normalized space-separated scope string (known scopes only, deduplicated). @throws InvalidUserInputError */
export function validateScope(scope: unknown): string {
  if (typeof scope !== 'string')
    throw new InvalidUserInputError('scope must be a string such as "read" or "read publish"');
  const parts = scope.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0)
    throw new InvalidUserInputError(`scope must name at least one of ${SCOPES.join(', ')}`);
  const known = new Set<string>(SCOPES);
  for (const part of parts) {
    if (!known.has(part))
      throw new InvalidUserInputError(
        `unknown scope ${JSON.stringify(part)}; use ${SCOPES.join(', ')}`,
      );
  }
  return SCOPES.filter((s) => parts.includes(s)).join(' ');
}
