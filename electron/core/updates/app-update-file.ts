import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSON_SCHEMA, load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { updateFeedUrlSchema } from '../policy/update-policy';

/** The part of electron-builder's `resources/app-update.yml` we use: the generic feed built in. */
const appUpdateFileSchema = z
  .object({ provider: z.literal('generic'), url: updateFeedUrlSchema })
  .loose();

export interface BuiltFeed {
  url?: string;
  problem?: string;
}

/**
 * Reads the feed URL electron-builder wrote into `<resourcesPath>/app-update.yml`
 * from the `publish` block at build time. A missing file means the build has
 * no feed; an unusable one (not generic, not https) is reported in `problem`.
 */
export async function readBuiltFeed(resourcesPath: string): Promise<BuiltFeed> {
  let text: string;
  try {
    text = await readFile(join(resourcesPath, 'app-update.yml'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return {
      problem: `cannot read app-update.yml: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    };
  }
  try {
    const parsed = appUpdateFileSchema.safeParse(parseYaml(text, { schema: JSON_SCHEMA }));
    if (parsed.success) return { url: parsed.data.url };
    return {
      problem: `app-update.yml is not a generic https feed: ${parsed.error.issues[0]?.message ?? ''}`,
    };
  } catch (error) {
    return {
      problem: `app-update.yml is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}
