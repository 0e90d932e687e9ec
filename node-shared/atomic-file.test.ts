import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../test-support/temp-dirs';
import { writeFileAtomically } from './atomic-file';

const tempDir = tempDirsPerTest('atomic-file-');

describe('writeFileAtomically', () => {
  it('writes the content with mode 0600 and leaves no temp file beside it', async () => {
    const dir = tempDir();
    const file = join(dir, 'head.json');
    await writeFileAtomically(file, '{"seq":1}');
    expect(readFileSync(file, 'utf8')).toBe('{"seq":1}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['head.json']);
  });

  it('replaces an existing file, including a looser one, with a new 0600 file', async () => {
    const dir = tempDir();
    const file = join(dir, 'users.json');
    writeFileSync(file, 'old content that is longer than the new one', { mode: 0o644 });
    await writeFileAtomically(file, new TextEncoder().encode('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['users.json']);
  });

  it('uses the mode the caller asks for', async () => {
    const file = join(tempDir(), 'public.txt');
    await writeFileAtomically(file, 'x', { mode: 0o640 });
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('fails with ENOENT when the folder is missing, so a vanished journal folder is noticed', async () => {
    const parent = join(tempDir(), 'journal');
    await expect(writeFileAtomically(join(parent, 'cedar-group.jsonl'), 'x')).rejects.toMatchObject(
      {
        code: 'ENOENT',
      },
    );
  });

  it('creates a missing parent folder with mode 0700 when asked to', async () => {
    const parent = join(tempDir(), 'tenants');
    await writeFileAtomically(join(parent, 'cedar-group.json'), '{}', { createDir: true });
    expect(statSync(parent).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(parent, 'cedar-group.json'), 'utf8')).toBe('{}');
  });

  it('throws the rename error and removes its temp file when the target cannot be replaced', async () => {
    const dir = tempDir();
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'a folder that is not empty cannot be renamed over');
    await expect(writeFileAtomically(target, 'text')).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST|EPERM)$/),
    });
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('keeps every one of many concurrent writes of one file whole: the last rename wins', async () => {
    const dir = tempDir();
    const file = join(dir, 'layout.json');
    const texts = Array.from({ length: 20 }, (_, i) => `${String(i).repeat(10_000)}`);
    await Promise.all(texts.map((text) => writeFileAtomically(file, text)));
    expect(texts).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['layout.json']);
  });
});
