import { describe, expect, it } from 'vitest';
import { humanizeId, tenantDisplayName } from './display-name';

describe('humanizeId', () => {
  it('turns kebab, snake and dotted ids into title-case words', () => {
    expect(humanizeId('beirut-downtown')).toBe('Beirut Downtown');
    expect(humanizeId('mar_mikhael')).toBe('Mar Mikhael');
    expect(humanizeId('cedar-group')).toBe('Cedar Group');
    expect(humanizeId('jounieh')).toBe('Jounieh');
  });

  it('leaves names that already read as names alone', () => {
    expect(humanizeId('Mar Mikhael')).toBe('Mar Mikhael');
    expect(humanizeId('Hamra')).toBe('Hamra');
    expect(humanizeId('الحمرا')).toBe('الحمرا');
    expect(humanizeId('')).toBe('');
  });

  it('leaves codes with digits as typed, so they stay recognisable and searchable', () => {
    expect(humanizeId('store-042')).toBe('store-042');
    expect(humanizeId('e2e-lx4abc-1')).toBe('e2e-lx4abc-1');
  });
});

describe('tenantDisplayName', () => {
  it('uses the host’s name, and a readable id when the host only knows the id', () => {
    expect(tenantDisplayName({ id: 'cedar-group', name: 'Cedar Grill Group' })).toBe(
      'Cedar Grill Group',
    );
    expect(tenantDisplayName({ id: 'cedar-group', name: 'cedar-group' })).toBe('Cedar Group');
    expect(tenantDisplayName({ id: 'harbor-eats', name: '' })).toBe('Harbor Eats');
  });
});
