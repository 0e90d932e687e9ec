import { JSON_SCHEMA, load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import type { Code, WireError } from '../../../protocol/codes';
import type { UpdateChannel } from '../policy/update-policy';

/**
 * Reads a generic update feed's channel file (latest.yml, beta-mac.yml…), the
 * same file electron-updater reads, and validates it before anything trusts it.
 */

/** Largest channel file accepted; real ones are well under 4 KiB. */
export const MAX_FEED_BYTES = 256 * 1024;

const semverSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'expected a semver version');

export const feedInfoSchema = z.object({
  version: semverSchema,
  releaseDate: z.string().optional(),
  /** Staged rollout: share of installations (0–100) offered this version. */
  stagingPercentage: z.coerce.number().min(0).max(100).optional(),
  files: z.array(z.object({ url: z.string().min(1), sha512: z.string().min(1) }).loose()).min(1),
});
export type FeedInfo = z.output<typeof feedInfoSchema>;

export type FeedResult =
  { ok: true; info: FeedInfo; url: string } | { ok: false; error: WireError };

/**
 * The channel file electron-updater reads for `channel` on this platform:
 * `latest.yml` (Windows), `latest-mac.yml`, `latest-linux.yml`,
 * `latest-linux-arm64.yml`; `beta…` for the beta channel.
 */
export function channelFileName(
  channel: UpdateChannel,
  platform: NodeJS.Platform,
  arch: string,
): string {
  const base = channel === 'stable' ? 'latest' : 'beta';
  if (platform === 'darwin') return `${base}-mac.yml`;
  if (platform === 'linux') return `${base}-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
  return `${base}.yml`;
}

export interface FetchFeedOptions {
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * GETs `fileName` under `feedUrl` and parses it. Network failures, non-200
 * answers, oversized bodies and invalid content become `{ok: false, error}`
 * with code `feed_unreachable` or `feed_invalid`; it never throws.
 */
export async function fetchFeedInfo(
  feedUrl: string,
  fileName: string,
  options: FetchFeedOptions = {},
): Promise<FeedResult> {
  const url = new URL(fileName, feedUrl).toString();
  const doFetch = options.fetch ?? globalThis.fetch;
  let text: string;
  try {
    const response = await doFetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      headers: { accept: 'application/x-yaml, text/yaml, */*' },
      redirect: 'error',
    });
    if (response.status !== 200)
      return failure('feed_unreachable', `${url} answered HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_FEED_BYTES)
      return failure('feed_invalid', `${url} is larger than ${MAX_FEED_BYTES} bytes`);
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return failure(
      'feed_unreachable',
      `cannot reach ${url}: ${cause ?? (error instanceof Error ? error.message : String(error))}`,
    );
  }
  if (text.length > MAX_FEED_BYTES)
    return failure('feed_invalid', `${url} is larger than ${MAX_FEED_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = parseYaml(text, { schema: JSON_SCHEMA });
  } catch (error) {
    return failure(
      'feed_invalid',
      `${url} is not valid YAML (${(error as Error).message.split('\n')[0]})`,
    );
  }
  const parsed = feedInfoSchema.safeParse(raw);
  if (!parsed.success)
    return failure(
      'feed_invalid',
      `${url} is not an update channel file: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
    );
  return { ok: true, info: parsed.data, url };
}

function failure(code: Code, message: string): FeedResult {
  return { ok: false, error: { code, message } };
}
