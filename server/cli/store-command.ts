import type { Command } from 'commander';
import type { UserStore } from '../users/user-store';
import { configFromFlags } from '../runtime/runtime-config';
import { openUserStore } from '../runtime/open-credentials';

/**
 * What `ops-hub users …` and `ops-hub keys …` share: the flags that pick the store
 * the hub uses (REDIS_URL or the data dir), opening and always closing it, and the
 * parsing and printing conventions of their arguments.
 */

/** Adds `--data-dir` and `--redis-url` to a command that works on the user store. */
export function storeOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'data directory (HUB_DATA_DIR)')
    .option('--redis-url <url>', 'Redis (REDIS_URL)');
}

/** Opens the store the flags and environment name, runs `use`, and closes it whatever happens. */
export async function withUserStore<T>(
  flags: Record<string, unknown>,
  use: (store: UserStore) => Promise<T>,
): Promise<T> {
  const store = openUserStore(configFromFlags(process.env, flags));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** `a, b,c` → `['a','b','c']`. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `read,publish` or `read publish` → `read publish`, the JWT form. */
export function scopeText(text: string): string {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .join(' ');
}

/** Prints rows as JSON with `--json`, one tab-separated line per row otherwise, or `empty` when there are none. */
export function printRows<T>(
  flags: Record<string, unknown>,
  rows: T[],
  empty: string,
  line: (row: T) => string,
): void {
  if (flags.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else if (rows.length === 0) process.stdout.write(`${empty}\n`);
  else for (const row of rows) process.stdout.write(`${line(row)}\n`);
}
