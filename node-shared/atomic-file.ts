import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeFileAtomically}. */
export interface AtomicWriteOptions {
  /** Permission bits of the new file (before the umask). Default 0600: callers store tokens, hashes and caches. */
  mode?: number;
  /**
   * Create the parent folder (mode 0700) when it is missing. Off by default: a hub
   * whose journal folder vanished must fail the write, not quietly start a new one.
   */
  createDir?: boolean;
}

/**
 * Replaces `path` with `data` atomically: a temp file in the same folder (created
 * exclusively, with `mode`), fsync, rename over the target, then fsync of the folder
 * so the rename itself survives a power cut. A reader, or a restart after a crash,
 * sees the old content or the new one, never a torn file.
 * @throws the underlying fs error (ENOENT when the folder is missing and `createDir` is
 *   off), after removing the temp file; an AggregateError of both when that removal fails too.
 */
export async function writeFileAtomically(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  if (options.createDir) await mkdir(dir, { recursive: true, mode: 0o700 });
  // A name unique per write, so two writes of one file in one process never share a temp file.
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch((cleanupError: unknown) => {
      throw new AggregateError([error, cleanupError], `cannot replace ${path}`);
    });
    throw error;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
