import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file electron-updater keeps its staging id in, under the app's userData folder. */
export const STAGING_ID_FILE = '.updaterId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * This installation's staging id: read from `<userDataDir>/.updaterId`, or
 * created there (the same file and format electron-updater uses, so both
 * place the PC at the same point of a staged rollout).
 * @throws the fs error when the folder cannot be created or written.
 */
export async function loadStagingId(userDataDir: string): Promise<string> {
  const file = join(userDataDir, STAGING_ID_FILE);
  try {
    const text = (await readFile(file, 'utf8')).trim();
    if (UUID.test(text)) return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const id = randomUUID();
  await mkdir(userDataDir, { recursive: true });
  await writeFile(file, id, { mode: 0o600 });
  return id;
}
