import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { tenantDirectoryEntrySchema, withDirectory } from '../../../protocol/tenant-directory';
import { boardDirectory } from '../../../protocol/board/board-selectors';
import { PREFS_STORAGE_KEY } from '../stores/prefs-store';
import { DIRECTORY_STORAGE_KEY } from '../stores/directory-store';
import { memoryStorage } from '../testing/memory-storage';
import { renderApp, type Harness } from '../testing/render-app';

/** The demo names Harbor Eats 'مطاعم المرفأ' in Arabic; the live change renames it. */
const DEMO_ARABIC_NAME = 'مطاعم المرفأ';
const ARABIC_NAME = 'مطاعم الميناء';

/** Sends harbor-eats' board again with a directory entry that also names the group in Arabic. */
async function nameHarborInArabic(app: Harness): Promise<void> {
  const reset = app.host.control.resetFor('harbor-eats');
  const entry = boardDirectory(reset.state)!;
  const renamed = tenantDirectoryEntrySchema.parse({
    ...entry,
    localizedNames: [{ locale: 'ar', name: ARABIC_NAME }],
    revision: entry.revision + 1,
  });
  app.host.control.emitBoard({ ...reset, state: withDirectory(reset.state, renamed) });
  await app.advance(0);
}

function arabicStorage(): Storage {
  return memoryStorage({ [PREFS_STORAGE_KEY]: JSON.stringify({ locale: 'ar' }) });
}

const pickerNames = () =>
  [...document.querySelectorAll('.tenant-link__name')].map((name) => name.textContent);

describe("a group's name from the tenant directory", () => {
  it('shows in the header and the window title in the UI language, and follows a live change of the entry', async () => {
    const app = await renderApp({ hash: '#/t/harbor-eats/overview', storage: arabicStorage() });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(DEMO_ARABIC_NAME);
    await nameHarborInArabic(app);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(ARABIC_NAME);
    expect(document.title).toBe(`${ARABIC_NAME} · نظرة عامة · لوحة العمليات`);
    act(() => app.stores.prefs.getState().setLocale('en'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Harbor Eats');
    expect(document.title).toBe('Harbor Eats · Overview · Ops Console');
  });

  it('shows in the wall header in Arabic', async () => {
    const app = await renderApp({
      hash: '#/t/harbor-eats/floor?wall=1',
      storage: arabicStorage(),
    });
    await nameHarborInArabic(app);
    expect(document.querySelector('.wall-header__title')?.textContent).toBe(
      `${ARABIC_NAME} · الصالة`,
    );
  });

  it("lists the learnt name in the picker after the group's board was open, and the host's name for groups not opened yet", async () => {
    const storage = arabicStorage();
    const app = await renderApp({ hash: '#/t/harbor-eats/overview', storage });
    await nameHarborInArabic(app);
    await act(async () => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await app.settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('اختر مجموعة المطاعم');
    // cedar-group was never opened: the host's name (TenantInfo.name) stands.
    expect(pickerNames()).toEqual(['مجموعة الأرز', ARABIC_NAME]);
    expect(document.title).toBe('لوحة العمليات');
    expect(storage.getItem(DIRECTORY_STORAGE_KEY)).toContain(ARABIC_NAME);
  });

  it('lists the names saved by an earlier start before any board is open', async () => {
    const storage = arabicStorage();
    storage.setItem(
      DIRECTORY_STORAGE_KEY,
      JSON.stringify([
        [
          'harbor-eats',
          { displayName: 'Harbor Eats', localizedNames: [{ locale: 'ar', name: ARABIC_NAME }] },
        ],
      ]),
    );
    const app = await renderApp({ hash: '#/', storage });
    expect(pickerNames()).toEqual(['مجموعة الأرز', ARABIC_NAME]);
    expect(app.host.control.subscriberCount('harbor-eats')).toBe(0);
  });
});
