import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileIdOf, ProfileStore } from './profiles';

describe('profile store', () => {
  let dir: string;
  let warnings: string[];
  let store: ProfileStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'profiles-test-'));
    warnings = [];
    store = new ProfileStore(dir, { warn: (_o, message) => void warnings.push(message) });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds, updates and removes profiles by hub and username, with stable ids', async () => {
    const a = await store.upsert({ hubUrl: 'http://h:1', username: 'ann' });
    expect(a).toEqual({
      id: profileIdOf('http://h:1', 'ann'),
      hubUrl: 'http://h:1',
      username: 'ann',
      displayName: 'ann @ h:1',
    });
    await store.upsert({ hubUrl: 'http://h:1', username: 'ann', displayName: 'Floor' });
    expect((await store.list()).map((p) => p.displayName)).toEqual(['Floor']);
    expect(await store.remove(a.id)).toMatchObject({ username: 'ann' });
    expect(await store.list()).toEqual([]);
  });

  it('stores no secrets, only hub, username and display name', async () => {
    await store.upsert({ hubUrl: 'http://h:1', username: 'ann' });
    expect(
      Object.keys(
        (JSON.parse(readFileSync(store.file, 'utf8')) as { profiles: object[] }).profiles[0] ?? {},
      ).sort(),
    ).toEqual(['displayName', 'hubUrl', 'id', 'username']);
  });

  it('a damaged profiles file is logged and read as empty, never a crash', async () => {
    writeFileSync(store.file, '{not json');
    expect(await store.list()).toEqual([]);
    writeFileSync(
      store.file,
      JSON.stringify({ version: 1, profiles: [{ id: 'x', password: 'p' }] }),
    );
    expect(await store.list()).toEqual([]);
    expect(warnings.length).toBe(2);
  });
});
