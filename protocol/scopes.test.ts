import { describe, expect, it } from 'vitest';
import { hasScope, parseScopes } from './scopes';

describe('scopes', () => {
  it('keeps only known scopes of a space-separated string', () => {
    expect([...parseScopes('read  operate bogus __proto__ admin')]).toEqual([
      'read',
      'operate',
      'admin',
    ]);
  });

  it('lets admin imply every scope, operate imply read, and nothing else imply anything', () => {
    expect(
      ['read', 'publish', 'operate', 'admin'].map((s) => hasScope('admin', s as never)),
    ).toEqual([true, true, true, true]);
    expect(hasScope('operate', 'read')).toBe(true);
    expect(hasScope('operate', 'publish')).toBe(false);
    expect(hasScope('operate', 'admin')).toBe(false);
    expect(hasScope('read', 'operate')).toBe(false);
    expect(hasScope('publish', 'read')).toBe(false);
    expect(hasScope('read publish', 'operate')).toBe(false);
    expect(hasScope('', 'read')).toBe(false);
  });
});
