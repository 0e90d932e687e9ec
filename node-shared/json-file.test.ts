import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../test-support/temp-dirs';
import { readJsonFile, writeJsonAtomically } from './json-file';

const tempDir = tempDirsPerTest('json-file-');

describe('JSON files', () => {
  it('writes indented JSON with a final newline, mode 0600, and reads it back', async () => {
    const file = join(tempDir(), 'profiles.json');
    await writeJsonAtomically(file, { version: 1, profiles: [{ id: 'p1' }] });
    expect(readFileSync(file, 'utf8')).toBe(
      '{\n  "version": 1,\n  "profiles": [\n    {\n      "id": "p1"\n    }\n  ]\n}\n',
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readJsonFile(file)).toEqual({
      kind: 'ok',
      value: { version: 1, profiles: [{ id: 'p1' }] },
    });
  });

  it('reports a missing file as missing and unparsable text as corrupt, with the parser reason', async () => {
    const dir = tempDir();
    expect(await readJsonFile(join(dir, 'absent.json'))).toEqual({ kind: 'missing' });
    writeFileSync(join(dir, 'torn.json'), '{"version":1,"prof');
    const torn = await readJsonFile(join(dir, 'torn.json'));
    expect(torn.kind).toBe('corrupt');
    expect(torn.kind === 'corrupt' && torn.reason).toMatch(/JSON/);
  });

  it('throws other read errors, such as a folder where the file should be', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cache.json'));
    await expect(readJsonFile(join(dir, 'cache.json'))).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('refuses a value JSON cannot hold and leaves the old file untouched', async () => {
    const file = join(tempDir(), 'settings.json');
    await writeJsonAtomically(file, { port: 8787 });
    await expect(writeJsonAtomically(file, { big: 10n })).rejects.toThrow(TypeError);
    expect(await readJsonFile(file)).toEqual({ kind: 'ok', value: { port: 8787 } });
  });
});
