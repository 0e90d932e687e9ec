import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { PREFS_STORAGE_KEY } from '../stores/prefs-store';
import { memoryStorage } from '../testing/memory-storage';
import { renderApp } from '../testing/render-app';

const areaNames = (section: HTMLElement) =>
  [...section.querySelectorAll('.floor-area__title bdi')].map((name) => name.textContent);
const areaTables = (section: HTMLElement, area: string) =>
  [...section.querySelectorAll(`[data-area="${area}"] .table-cell__id`)].map(
    (id) => id.textContent,
  );

describe('floor board by area', () => {
  it("groups each location's tables under the directory's areas, with each area's occupancy", async () => {
    const app = await renderApp({ hash: '#/t/harbor-eats/floor' });
    const marina = screen.getByRole('region', { name: /^Dubai Marina/ });
    expect(areaNames(marina)).toEqual(['Indoor', 'Marina terrace']);
    expect(areaTables(marina, 'Indoor')).toEqual(Array.from({ length: 18 }, (_, i) => `T${i + 1}`));
    expect(areaTables(marina, 'Marina terrace')).toEqual(
      Array.from({ length: 12 }, (_, i) => `T${i + 19}`),
    );
    const tables = app.stores.boards.storeFor('harbor-eats').getState().state!.locations[
      'dubai-marina'
    ]!.tables;
    const seatedIndoor = Object.values(tables).filter(
      (table) => table.occupied && Number(table.tableId.slice(1)) <= 18,
    ).length;
    expect(marina.querySelector('[data-area="Indoor"] .floor-area__summary')?.textContent).toBe(
      `${seatedIndoor} of 18 occupied`,
    );
  });

  it('puts tables the directory does not know in their own group, after the areas', async () => {
    const app = await renderApp({ hash: '#/t/harbor-eats/floor' });
    const state = app.stores.boards.storeFor('harbor-eats').getState().state!;
    app.host.control.emitBoard({
      kind: 'events',
      tenant: 'harbor-eats',
      events: [
        {
          seq: state.seq + 1,
          ts: FIXTURE_NOW,
          event: {
            type: 'table.seated',
            id: 'seat-bar-1',
            location: 'jbr-walk',
            data: { tableId: 'BAR1', covers: 2 },
          },
        },
      ],
    });
    await app.advance(0);
    const jbr = screen.getByRole('region', { name: /^JBR Walk/ });
    expect(areaNames(jbr)).toEqual(['Indoor', 'Beach terrace', 'Not in the directory']);
    const unknown = jbr.querySelector('.floor-area--unknown') as HTMLElement;
    expect(within(unknown).getByText('BAR1').closest('li')?.textContent).toContain(
      'Not in the directory',
    );
  });

  it('shows the areas on the wall too, with Arabic wording in the Arabic UI', async () => {
    await renderApp({
      hash: '#/t/cedar-group/floor?wall=1',
      storage: memoryStorage({ [PREFS_STORAGE_KEY]: JSON.stringify({ locale: 'ar' }) }),
    });
    const downtown = screen.getByRole('region', { name: /^بيروت - وسط البلد/ });
    expect(areaNames(downtown)).toEqual(['الصالة', 'التراس']);
    expect(areaTables(downtown, 'التراس')).toHaveLength(8);
    expect(
      downtown.querySelector('[data-area="التراس"] .floor-area__summary')?.textContent,
    ).toMatch(/^\d+ من 8 مشغولة$/);
  });
});
