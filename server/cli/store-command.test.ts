import { describe, expect, it } from 'vitest';
import { commaList, scopeText } from './store-command';

describe('store command arguments', () => {
  it('accepts scopes separated by commas or spaces and writes them the JWT way', () => {
    expect(scopeText('read,publish')).toBe('read publish');
    expect(scopeText(' read  publish ,admin')).toBe('read publish admin');
  });

  it('splits comma lists and drops blanks', () => {
    expect(commaList('cedar-group, harbor-eats,,')).toEqual(['cedar-group', 'harbor-eats']);
  });
});
