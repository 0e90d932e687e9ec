import { readFile } from 'node:fs/promises';
import { writeFileAtomically, type AtomicWriteOptions } from './atomic-file';

/**
 * Writes `value` as indented JSON (with a final newline) to `file` atomically; see
 * {@link writeFileAtomically} for the guarantees and the default mode 0600.
 * @throws the underlying fs error, or a TypeError when `value` cannot be serialized.
 */
export async function writeJsonAtomically(
  file: string,
  value: unknown,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`, options);
}

/** Result of reading a JSON file that may be missing or damaged. */
export type JsonReadResult =
  { kind: 'missing' } | { kind: 'ok'; value: unknown } | { kind: 'corrupt'; reason: string };

/**
 * Reads and parses `file`. A missing file and unparsable text are results, so the
 * caller decides whether to start empty or to keep the damaged file aside.
 * @throws other I/O errors (permission denied, a folder where the file should be).
 */
export async function readJsonFile(file: string): Promise<JsonReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
}
