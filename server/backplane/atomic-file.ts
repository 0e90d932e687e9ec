import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `path` with `text` atomically: temp file, fsync, rename, fsync of the
 * directory, so a crash leaves either the old or the new content, never a torn
 * file, and the rename itself survives a power loss. The file gets mode 0600.
 * @throws on I/O errors (the temp file is removed first when the rename fails).
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch((unlinkError: unknown) => {
      throw new AggregateError([error, unlinkError], `cannot replace ${path}`);
    });
    throw error;
  }
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
