import { afterEach, describe, expect, it } from 'vitest';
import type { ScryptParams } from '../server/users/password-hash';
import { InvalidUserInputError, UserExistsError, type UserStore } from '../server/users/user-store';

/** Cheap scrypt for tests; production uses DEFAULT_SCRYPT_PARAMS. */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

/** Two store instances over the same backing file or Redis. */
export type MakeUserStores = () => Promise<{ first: UserStore; second: UserStore }>;

export function describeUserStoreContract(name: string, make: MakeUserStores): void {
  describe(`${name} user store contract`, () => {
    const open: UserStore[] = [];
    async function stores() {
      const pair = await make();
      open.push(pair.first, pair.second);
      return pair;
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    it('verifies the right password and rejects a wrong one or an unknown user', async () => {
      const { first } = await stores();
      const added = await first.addUser({
        name: 'rana@cedar',
        password: 'correct horse',
        tenants: ['cedar-group'],
        scope: 'read',
      });
      expect(added).toMatchObject({ name: 'rana@cedar', tenants: ['cedar-group'], scope: 'read' });
      expect(await first.verifyPassword('rana@cedar', 'correct horse')).toMatchObject({
        name: 'rana@cedar',
        scope: 'read',
      });
      expect(await first.verifyPassword('rana@cedar', 'correct horsE')).toBeNull();
      expect(await first.verifyPassword('nobody', 'correct horse')).toBeNull();
      expect(await first.verifyPassword('bad name!', 'x')).toBeNull();
    });

    it('lists users sorted by name without any password hash', async () => {
      const { first } = await stores();
      await first.addUser({
        name: 'zed',
        password: 'pw-zed',
        tenants: ['harbor-eats'],
        scope: 'publish read',
      });
      await first.addUser({
        name: 'amal',
        password: 'pw-amal',
        tenants: ['cedar-group', 'harbor-eats'],
        scope: 'admin',
      });
      const users = await first.listUsers();
      expect(users.map((u) => u.name)).toEqual(['amal', 'zed']);
      expect(users[1]?.scope).toBe('read publish');
      expect(JSON.stringify(users)).not.toMatch(/scrypt|pw-|hash/i);
    });

    it('refuses a second user with the same name', async () => {
      const { first } = await stores();
      await first.addUser({ name: 'sam', password: 'one', tenants: [], scope: 'read' });
      await expect(
        first.addUser({ name: 'sam', password: 'two', tenants: [], scope: 'read' }),
      ).rejects.toBeInstanceOf(UserExistsError);
      expect(await first.verifyPassword('sam', 'one')).not.toBeNull();
    });

    it('rejects invalid names, tenants, scopes and passwords with a message naming the field', async () => {
      const { first } = await stores();
      const base = { name: 'ok', password: 'pw', tenants: ['cedar-group'], scope: 'read' };
      await expect(first.addUser({ ...base, name: 'has space' })).rejects.toThrow(
        /name must match/,
      );
      await expect(first.addUser({ ...base, name: 'x'.repeat(65) })).rejects.toBeInstanceOf(
        InvalidUserInputError,
      );
      await expect(first.addUser({ ...base, tenants: ['Cedar'] })).rejects.toThrow(
        /tenant "Cedar"/,
      );
      await expect(first.addUser({ ...base, scope: 'read root' })).rejects.toThrow(
        /unknown scope "root"/,
      );
      await expect(first.addUser({ ...base, scope: '' })).rejects.toThrow(/scope/);
      await expect(first.addUser({ ...base, password: '' })).rejects.toThrow(/password/);
      expect(await first.listUsers()).toEqual([]);
    });

    it('removes a user so the password no longer verifies', async () => {
      const { first } = await stores();
      await first.addUser({ name: 'gone', password: 'pw', tenants: [], scope: 'read' });
      expect(await first.removeUser('gone')).toBe(true);
      expect(await first.removeUser('gone')).toBe(false);
      expect(await first.verifyPassword('gone', 'pw')).toBeNull();
    });

    it('changes a user to scope "read operate" keeping the password and createdAt, seen by another instance', async () => {
      const { first, second } = await stores();
      const added = await first.addUser({
        name: 'maya',
        password: 'pw',
        tenants: ['cedar-group'],
        scope: 'read',
      });
      const updated = await first.updateUser('maya', { scope: 'read,operate' });
      expect(updated).toEqual({ ...added, scope: 'read operate' });
      expect(await second.verifyPassword('maya', 'pw')).toEqual(updated);
      const moved = await second.updateUser('maya', { tenants: ['harbor-eats', 'cedar-group'] });
      // Tenants come back deduplicated and sorted, as addUser keeps them.
      expect(moved).toEqual({
        ...added,
        scope: 'read operate',
        tenants: ['cedar-group', 'harbor-eats'],
      });
      await expect(first.updateUser('maya', { scope: 'operator' })).rejects.toThrow(/scope/);
      await expect(first.updateUser('maya', { tenants: ['Bad Tenant'] })).rejects.toThrow(/tenant/);
      expect(await first.updateUser('nobody', { scope: 'read' })).toBeNull();
      expect(await first.listUsers()).toEqual([moved]);
    });

    it('gets one user without its hash, and null once it is removed or for an invalid name', async () => {
      const { first, second } = await stores();
      await first.addUser({ name: 'ana', password: 'pw', tenants: ['a'], scope: 'read' });
      const got = await second.getUser('ana');
      expect(got).toEqual({
        name: 'ana',
        tenants: ['a'],
        scope: 'read',
        createdAt: expect.any(Number),
      });
      expect(JSON.stringify(got)).not.toMatch(/hash|scrypt/i);
      expect(await first.getUser('../etc/passwd')).toBeNull();
      await first.removeUser('ana');
      expect(await second.getUser('ana')).toBeNull();
    });

    it('creates an API key shown once, verifies it, lists it without secrets and revokes it', async () => {
      const { first } = await stores();
      const { key, record } = await first.createApiKey({
        name: 'pos-bridge',
        tenants: ['cedar-group'],
        scope: 'publish',
      });
      expect(key).toMatch(/^opsk_[A-Za-z0-9_-]{43}$/);
      expect(await first.verifyApiKey(key)).toEqual(record);
      expect(
        await first.verifyApiKey(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`),
      ).toBeNull();
      expect(await first.verifyApiKey('not-a-key')).toBeNull();
      const listed = await first.listApiKeys();
      expect(listed).toEqual([record]);
      expect(JSON.stringify(listed)).not.toContain(key.slice(5));
      expect(await first.revokeApiKey(record.id)).toBe(true);
      expect(await first.revokeApiKey(record.id)).toBe(false);
      expect(await first.verifyApiKey(key)).toBeNull();
    });

    it('shows users and keys added through one instance to another instance on the same storage', async () => {
      const { first, second } = await stores();
      await first.listUsers(); // warm any cache so the test proves it is refreshed
      await second.listUsers();
      await first.addUser({
        name: 'late',
        password: 'pw',
        tenants: ['cedar-group'],
        scope: 'read',
      });
      const { key } = await second.createApiKey({
        name: 'svc',
        tenants: ['harbor-eats'],
        scope: 'publish',
      });
      expect(await second.verifyPassword('late', 'pw')).toMatchObject({ name: 'late' });
      expect(await first.verifyApiKey(key)).toMatchObject({ name: 'svc' });
      await second.removeUser('late');
      expect(await first.verifyPassword('late', 'pw')).toBeNull();
    });
  });
}
