import { KNOWN_EVENT_TYPES } from '../../../protocol/events';
import {
  describeIssues,
  subscriptionFilterSchema,
  type SubscriptionFilter,
} from '../../../protocol/messages';
import { CliError, ExitCode } from './cli-errors';

/**
 * What `--types` accepts: every type in the catalog, the family of each dotted
 * one (`payment.*`) and `*`. Anything else would be a filter that matches nothing
 * the hub's catalog knows, and the tail would sit silent.
 */
export function knownTypePatterns(): string[] {
  const families = new Set<string>();
  for (const type of KNOWN_EVENT_TYPES) {
    const dot = type.indexOf('.');
    if (dot > 0) families.add(`${type.slice(0, dot)}.*`);
  }
  return ['*', ...families, ...KNOWN_EVENT_TYPES];
}

/** Known patterns that look like what was typed: `payments` → `payment.*`, `payment.status`. */
function nearMisses(pattern: string, known: readonly string[]): string[] {
  const stem = pattern.replace(/\.\*$/, '').replace(/s$/, '');
  if (stem.length < 3) return [];
  return known.filter(
    (k) => k !== '*' && (k.startsWith(stem) || stem.startsWith(k.split('.')[0] ?? k)),
  );
}

/**
 * Parses `--types 'payment.*,alert'` into a hub subscription filter, refusing
 * patterns outside the catalog with the list of known ones.
 * @throws CliError (exit 2).
 */
export function typesFilter(types: string | undefined): SubscriptionFilter | undefined {
  if (types === undefined) return undefined;
  const list = types
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const parsed = subscriptionFilterSchema.safeParse({ types: list });
  if (!parsed.success || list.length === 0) {
    throw new CliError(
      `--types must be a comma-separated list of event types or families such as 'payment.*' (${parsed.success ? 'empty' : describeIssues(parsed.error)})`,
      ExitCode.USAGE,
    );
  }
  const known = knownTypePatterns();
  const unknown = list.filter((pattern) => !known.includes(pattern));
  if (unknown.length > 0) {
    const hints = unknown.flatMap((p) => nearMisses(p, known));
    const unique = [...new Set(hints)];
    const hint =
      unique.length > 0
        ? ` Did you mean ${unique.length > 1 ? `${unique.slice(0, -1).join(', ')} or ` : ''}${unique.at(-1)}?`
        : '';
    throw new CliError(
      `--types ${unknown.map((p) => JSON.stringify(p)).join(', ')} ${unknown.length === 1 ? 'is not a known event type or family' : 'are not known event types or families'}; the hub would send nothing for ${unknown.length === 1 ? 'it' : 'them'}.${hint}\nKnown: ${known.join(', ')}`,
      ExitCode.USAGE,
    );
  }
  return parsed.data;
}
