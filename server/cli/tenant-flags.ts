import { InvalidArgumentError } from 'commander';
import {
  DEFAULT_KITCHEN_THRESHOLDS,
  type DirectoryLocation,
  type DirectoryLocationInput,
  type TableArea,
  type TenantDirectoryFields,
  type TenantDirectoryInput,
} from '../../protocol/tenant-directory';
import { commaList } from './store-command';

/**
 * Parsing of the `ops-hub tenants` flags into directory fields. Commander calls the
 * `parse…` functions per flag value; an `InvalidArgumentError` names the flag's rule
 * and commander prints it and exits. Field rules (time zone, currency, ordering of
 * thresholds) are checked by the directory itself (protocol/tenant-directory.ts).
 */

/** `--area Indoor=T1,T2,T3` or `--area Terrace=8`, repeatable. */
export function parseArea(value: string, previous: TableArea[] = []): TableArea[] {
  const match = /^([^=]+)=(.*)$/.exec(value);
  if (!match) throw new InvalidArgumentError('use NAME=COUNT or NAME=T1,T2,… (e.g. Terrace=8)');
  const name = (match[1] as string).trim();
  const tables = (match[2] as string).trim();
  return [...previous, { name, tables: /^\d+$/.test(tables) ? Number(tables) : commaList(tables) }];
}

/** `--localized-name ar=بيروت`, repeatable. */
export function parseLocalizedName(
  value: string,
  previous: Array<{ locale: string; name: string }> = [],
): Array<{ locale: string; name: string }> {
  const match = /^([A-Za-z-]+)=(.+)$/.exec(value);
  if (!match) throw new InvalidArgumentError('use LOCALE=NAME (e.g. ar=بيروت - وسط البلد)');
  return [...previous, { locale: match[1] as string, name: match[2] as string }];
}

/** A whole number of minutes. */
export function parseMinutes(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of minutes');
  return Number(value);
}

/** The tenant fields the flags set; absent flags are absent keys. `--currency none` clears it. */
export function tenantFieldsFromFlags(
  flags: Record<string, unknown>,
): Partial<TenantDirectoryInput> {
  const fields: Partial<TenantDirectoryInput> = {};
  if (typeof flags.name === 'string') fields.displayName = flags.name;
  if (typeof flags.timeZone === 'string') fields.timeZone = flags.timeZone;
  if (typeof flags.currency === 'string')
    fields.currency = flags.currency === 'none' ? null : flags.currency;
  if (typeof flags.locales === 'string') fields.locales = commaList(flags.locales);
  return fields;
}

/**
 * `location` (null: a new one named `id`) with the location flags applied; the
 * thresholds not given keep their values, and `--area` replaces every area.
 */
export function locationFromFlags(
  id: string,
  location: DirectoryLocation | null,
  flags: Record<string, unknown>,
): DirectoryLocationInput {
  const next: DirectoryLocationInput = location
    ? { ...location }
    : { id, displayName: typeof flags.name === 'string' ? flags.name : id };
  if (typeof flags.name === 'string') next.displayName = flags.name;
  if (Array.isArray(flags.localizedName))
    next.localizedNames = flags.localizedName as Array<{ locale: string; name: string }>;
  if (Array.isArray(flags.area)) next.areas = flags.area as TableArea[];
  const thresholds = location?.thresholds ?? DEFAULT_KITCHEN_THRESHOLDS;
  next.thresholds = {
    lateAfterMin: (flags.late as number | undefined) ?? thresholds.lateAfterMin,
    overdueAfterMin: (flags.overdue as number | undefined) ?? thresholds.overdueAfterMin,
    staleAfterMin: (flags.stale as number | undefined) ?? thresholds.staleAfterMin,
  };
  return next;
}

/** One line per tenant for `tenants list`. */
export function tenantLine(
  entry: TenantDirectoryFields & { id: string; revision: number },
): string {
  return `${entry.id}\t${entry.displayName}\t${entry.timeZone}\t${entry.currency ?? '-'}\tlocations=${entry.locations.length}\trevision=${entry.revision}`;
}
