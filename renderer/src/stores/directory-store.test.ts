import { describe, expect, it, vi } from 'vitest';
import {
  tenantDirectoryEntrySchema,
  type TenantDirectoryEntry,
} from '../../../protocol/tenant-directory';
import { memoryStorage } from '../testing/memory-storage';
import { createDirectoryStore, DIRECTORY_STORAGE_KEY } from './directory-store';

function entry(fields: Partial<TenantDirectoryEntry> = {}): TenantDirectoryEntry {
  return tenantDirectoryEntrySchema.parse({
    id: 'harbor-eats',
    displayName: 'Harbor Eats',
    localizedNames: [{ locale: 'ar', name: 'مطاعم المرفأ' }],
    timeZone: 'Asia/Dubai',
    currency: 'AED',
    locales: ['en', 'ar'],
    locations: [],
    revision: 1,
    updatedAt: 0,
    ...fields,
  });
}

describe('directory store', () => {
  it("learns a tenant's names from its board, follows a changed entry and forgets a removed one", () => {
    const store = createDirectoryStore(memoryStorage());
    store.getState().learn('harbor-eats', entry());
    expect(store.getState().names.get('harbor-eats')).toEqual({
      displayName: 'Harbor Eats',
      localizedNames: [{ locale: 'ar', name: 'مطاعم المرفأ' }],
    });
    store.getState().learn('harbor-eats', entry({ displayName: 'Harbor Eats Group', revision: 2 }));
    expect(store.getState().names.get('harbor-eats')?.displayName).toBe('Harbor Eats Group');
    store.getState().learn('harbor-eats', null);
    expect(store.getState().names.has('harbor-eats')).toBe(false);
  });

  it('does not notify subscribers when a board brings the same names again', () => {
    const store = createDirectoryStore(memoryStorage());
    store.getState().learn('harbor-eats', entry());
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().learn('harbor-eats', entry({ revision: 5, currency: 'USD' }));
    store.getState().learn('cedar-group', null);
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps only the names in storage and reads them back on the next start', () => {
    const storage = memoryStorage();
    createDirectoryStore(storage).getState().learn('harbor-eats', entry());
    const saved = storage.getItem(DIRECTORY_STORAGE_KEY) ?? '';
    expect(saved).not.toContain('Asia/Dubai');
    expect(createDirectoryStore(storage).getState().names.get('harbor-eats')?.displayName).toBe(
      'Harbor Eats',
    );
  });

  it('starts empty, with a warning, from damaged or hostile saved names', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const raw of [
      '{not json',
      JSON.stringify({ 'harbor-eats': { displayName: 'x' } }),
      JSON.stringify([['__proto__', { displayName: '', localizedNames: [] }]]),
      JSON.stringify([['harbor-eats', { displayName: 'x', localizedNames: [], extra: 1 }]]),
    ]) {
      const store = createDirectoryStore(memoryStorage({ [DIRECTORY_STORAGE_KEY]: raw }));
      expect(store.getState().names.size).toBe(0);
    }
    expect(warn).toHaveBeenCalledTimes(4);
    warn.mockRestore();
  });
});
