import { join } from 'node:path';
import { readJsonFile, writeJsonAtomically } from '../../../node-shared/json-file';
import { emptyLayout, windowLayoutSchema } from './window-layout';
import type { WindowLayout } from './window-layout';

/** File name of the saved layout inside the data directory. */
export const LAYOUT_FILE = 'window-layout.json';

/** Where a log line goes; the shell passes its logger. */
export type LogLine = (
  level: 'info' | 'warn' | 'error',
  message: string,
  detail?: Record<string, unknown>,
) => void;

/**
 * Loads the saved layout from `<dataDir>/window-layout.json`. A missing file
 * gives an empty layout; a corrupt or invalid one is discarded with a log line
 * and also gives an empty layout, so a bad file never stops the app starting.
 * @throws only on I/O errors other than "not found" (e.g. permission denied).
 */
export async function loadWindowLayout(dataDir: string, log: LogLine): Promise<WindowLayout> {
  const file = join(dataDir, LAYOUT_FILE);
  const read = await readJsonFile(file);
  if (read.kind === 'missing') return emptyLayout();
  if (read.kind === 'corrupt') {
    log(
      'warn',
      'window layout file is not valid JSON; discarding it and starting with one window',
      { file, reason: read.reason },
    );
    return emptyLayout();
  }
  const parsed = windowLayoutSchema.safeParse(read.value);
  if (!parsed.success) {
    log(
      'warn',
      'window layout file does not match the expected shape; discarding it and starting with one window',
      {
        file,
        reason: parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; '),
      },
    );
    return emptyLayout();
  }
  return parsed.data;
}

/** Saves `layout` atomically to `<dataDir>/window-layout.json`. */
export async function saveWindowLayout(dataDir: string, layout: WindowLayout): Promise<void> {
  await writeJsonAtomically(join(dataDir, LAYOUT_FILE), windowLayoutSchema.parse(layout), {
    createDir: true,
  });
}
