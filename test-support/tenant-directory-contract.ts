import { afterEach, describe, expect, it } from 'vitest';
import {
  InvalidDirectoryInputError,
  TenantExistsError,
  type TenantDirectory,
} from '../server/directory/tenant-directory';
import type { TenantDirectoryInput } from '../protocol/tenant-directory';

/** Two directory instances over the same file or Redis. */
export type MakeDirectories = () => Promise<{ first: TenantDirectory; second: TenantDirectory }>;

/** A Beirut group with one location of two areas. */
export const CEDAR_INPUT: TenantDirectoryInput = {
  displayName: 'Cedar Group',
  timeZone: 'Asia/Beirut',
  currency: 'LBP',
  locales: ['ar', 'en'],
  locations: [
    {
      id: 'beirut-downtown',
      displayName: 'Beirut Downtown',
      localizedNames: [{ locale: 'ar', name: 'بيروت - وسط البلد' }],
      areas: [
        { name: 'Indoor', tables: ['T1', 'T2', 'T3'] },
        { name: 'Terrace', tables: 4 },
      ],
      thresholds: { lateAfterMin: 12, overdueAfterMin: 20, staleAfterMin: 45 },
    },
  ],
};

/** Waits until `check` holds, polling every 20 ms, for at most `ms`. */
async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function describeTenantDirectoryContract(name: string, make: MakeDirectories): void {
  describe(`${name} tenant directory contract`, () => {
    const open: TenantDirectory[] = [];
    async function directories() {
      const pair = await make();
      open.push(pair.first, pair.second);
      return pair;
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((d) => d.close()));
    });

    it('adds an entry with defaults that the other instance reads back', async () => {
      const { first, second } = await directories();
      const added = await first.add('cedar-group', CEDAR_INPUT);
      expect(added).toMatchObject({ id: 'cedar-group', revision: 1, currency: 'LBP' });
      const read = await second.get('cedar-group');
      expect(read).toEqual(added);
      expect(read?.locations[0]?.localizedNames).toEqual([
        { locale: 'ar', name: 'بيروت - وسط البلد' },
      ]);
      const minimal = await first.add('harbor-eats', { displayName: 'Harbor Eats' });
      expect(minimal).toMatchObject({
        timeZone: 'UTC',
        currency: null,
        locales: [],
        locations: [],
      });
      expect((await second.list()).map((e) => e.id)).toEqual(['cedar-group', 'harbor-eats']);
    });

    it('refuses to add a tenant twice and raises the revision on every put', async () => {
      const { first, second } = await directories();
      await first.add('cedar-group', CEDAR_INPUT);
      await expect(second.add('cedar-group', CEDAR_INPUT)).rejects.toBeInstanceOf(
        TenantExistsError,
      );
      const changed = await second.put('cedar-group', { ...CEDAR_INPUT, currency: 'USD' });
      expect(changed).toMatchObject({ revision: 2, currency: 'USD' });
      expect(await first.get('cedar-group')).toMatchObject({ revision: 2, currency: 'USD' });
    });

    it('rejects bad fields with the field named and stores nothing', async () => {
      const { first } = await directories();
      const bad: Array<[string, unknown]> = [
        ['Bad Id', CEDAR_INPUT],
        ['cedar-group', { ...CEDAR_INPUT, timeZone: 'Mars/Olympus' }],
        ['cedar-group', { ...CEDAR_INPUT, currency: 'lbp' }],
        ['cedar-group', { ...CEDAR_INPUT, displayName: '' }],
        ['cedar-group', { ...CEDAR_INPUT, extra: 1 }],
        [
          'cedar-group',
          {
            ...CEDAR_INPUT,
            locations: [
              {
                id: 'x',
                displayName: 'X',
                thresholds: { lateAfterMin: 20, overdueAfterMin: 10, staleAfterMin: 30 },
              },
            ],
          },
        ],
        [
          'cedar-group',
          {
            ...CEDAR_INPUT,
            locations: [{ id: 'x', displayName: 'X', areas: [{ name: 'a', tables: 301 }] }],
          },
        ],
        [
          'cedar-group',
          {
            ...CEDAR_INPUT,
            locations: [
              { id: 'x', displayName: 'X' },
              { id: 'x', displayName: 'Y' },
            ],
          },
        ],
      ];
      for (const [id, input] of bad)
        await expect(first.put(id, input as TenantDirectoryInput)).rejects.toBeInstanceOf(
          InvalidDirectoryInputError,
        );
      expect(await first.list()).toEqual([]);
    });

    it('removes an entry once and treats odd ids as unknown', async () => {
      const { first, second } = await directories();
      await first.add('cedar-group', CEDAR_INPUT);
      expect(await second.remove('cedar-group')).toBe(true);
      expect(await second.remove('cedar-group')).toBe(false);
      expect(await first.get('cedar-group')).toBeNull();
      expect(await first.get('__proto__')).toBeNull();
      expect(await first.get('constructor')).toBeNull();
    });

    it('tells watchers of both instances about changes made through either', async () => {
      const { first, second } = await directories();
      const seenByFirst: string[] = [];
      const seenBySecond: string[] = [];
      const stopFirst = first.watch((id) => seenByFirst.push(id));
      const stopSecond = second.watch((id) => seenBySecond.push(id));
      // Let the watchers take their first look (a Redis subscription, a file poll).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await first.put('cedar-group', CEDAR_INPUT);
      await eventually(() => seenBySecond.includes('cedar-group'));
      await second.remove('cedar-group');
      await eventually(() => seenByFirst.filter((id) => id === 'cedar-group').length >= 2);
      stopFirst();
      stopSecond();
    });
  });
}
