import { z } from 'zod';
import {
  BOARD_LIMITS,
  isValidTimeZone,
  type BoardOptions,
  type BoardState,
} from './board/board-state';
import { tenantIdSchema } from './ids';

/**
 * The tenant directory: what the hub knows about a restaurant group beyond its
 * events — its name, time zone, currency, locations with their display names and
 * tables, and the kitchen thresholds per location. The hub stores it
 * (server/directory/), `ops-hub tenants` and `/v1/admin/tenants` manage it, and
 * every client receives a tenant's entry inside its snapshot (`state.directory`).
 * Every list is bounded, and ids from input are never used as keys of plain objects.
 */
export const DIRECTORY_LIMITS = {
  displayName: 120,
  locales: 8,
  locations: BOARD_LIMITS.locations,
  areasPerLocation: 20,
  /** Tables per location, counted over its areas; the board keeps at most as many. */
  tablesPerLocation: BOARD_LIMITS.tablesPerLocation,
  /** Longest threshold, minutes (one day). */
  thresholdMin: 1440,
} as const;

/** Kitchen thresholds when a location configures none, minutes. Stale matches `BOARD_LIMITS.staleTicketMs`. */
export const DEFAULT_KITCHEN_THRESHOLDS = Object.freeze({
  lateAfterMin: 10,
  overdueAfterMin: 20,
  staleAfterMin: BOARD_LIMITS.staleTicketMs / 60_000,
});

const displayNameSchema = z.string().trim().min(1).max(DIRECTORY_LIMITS.displayName);
/** A BCP 47 language tag such as `ar`, `en-AE` or `ar-LB`. */
export const localeTagSchema = z
  .string()
  .regex(
    /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/,
    'locale must be a BCP 47 tag such as en or ar-LB',
  );
/** Same rule as a location in events and subscription filters. */
export const locationIdSchema = z.string().min(1).max(128);
const tableIdSchema = z.string().min(1).max(64);
const minutesSchema = z.number().int().min(1).max(DIRECTORY_LIMITS.thresholdMin);

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => isValidTimeZone(zone), 'time zone must be an IANA zone such as Asia/Beirut');
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as LBP or AED');

export const kitchenThresholdsSchema = z
  .strictObject({
    lateAfterMin: minutesSchema,
    overdueAfterMin: minutesSchema,
    staleAfterMin: minutesSchema,
  })
  .refine(
    (t) => t.lateAfterMin < t.overdueAfterMin && t.overdueAfterMin < t.staleAfterMin,
    'thresholds must be ordered: lateAfterMin < overdueAfterMin < staleAfterMin',
  );

export const tableAreaSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** The tables' ids, or only how many there are. */
  tables: z.union([
    z.array(tableIdSchema).max(DIRECTORY_LIMITS.tablesPerLocation),
    z.number().int().min(0).max(DIRECTORY_LIMITS.tablesPerLocation),
  ]),
});

export const localizedNameSchema = z.strictObject({
  locale: localeTagSchema,
  name: displayNameSchema,
});

/** The group's or a location's names in other languages (`{locale, name}`, up to 8). */
const localizedNamesSchema = z.array(localizedNameSchema).max(DIRECTORY_LIMITS.locales);

export const directoryLocationSchema = z
  .strictObject({
    id: locationIdSchema,
    displayName: displayNameSchema,
    /** The name in other languages; the first whose locale matches the UI's wins. */
    localizedNames: localizedNamesSchema.default([]),
    areas: z.array(tableAreaSchema).max(DIRECTORY_LIMITS.areasPerLocation).default([]),
    thresholds: kitchenThresholdsSchema.default({ ...DEFAULT_KITCHEN_THRESHOLDS }),
  })
  .superRefine((location, ctx) => {
    if (configuredTableCount(location) > DIRECTORY_LIMITS.tablesPerLocation)
      ctx.addIssue({
        code: 'custom',
        path: ['areas'],
        message: `a location has at most ${DIRECTORY_LIMITS.tablesPerLocation} tables`,
      });
    const ids = location.areas.flatMap((area) => (Array.isArray(area.tables) ? area.tables : []));
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['areas'], message: 'a table id appears twice' });
  });

/** What an administrator sends for one tenant (`PUT /v1/admin/tenants/:id`, `ops-hub tenants add`). */
export const tenantDirectoryInputSchema = z
  .strictObject({
    displayName: displayNameSchema,
    /** The group's name in other languages (optional, so entries stored before it stay valid). */
    localizedNames: localizedNamesSchema.optional(),
    timeZone: timeZoneSchema.default('UTC'),
    /** Null until configured; the board then learns it from the first money event. */
    currency: currencySchema.nullable().default(null),
    /** Preferred UI languages of the group, most preferred first. */
    locales: z.array(localeTagSchema).max(DIRECTORY_LIMITS.locales).default([]),
    locations: z.array(directoryLocationSchema).max(DIRECTORY_LIMITS.locations).default([]),
  })
  .refine((entry) => new Set(entry.locations.map((l) => l.id)).size === entry.locations.length, {
    message: 'a location id appears twice',
    path: ['locations'],
  });

/** A stored entry: the input plus its tenant id and when it last changed. */
export const tenantDirectoryEntrySchema = z.strictObject({
  id: tenantIdSchema,
  displayName: displayNameSchema,
  localizedNames: localizedNamesSchema.optional(),
  timeZone: timeZoneSchema,
  currency: currencySchema.nullable(),
  locales: z.array(localeTagSchema).max(DIRECTORY_LIMITS.locales),
  locations: z.array(directoryLocationSchema).max(DIRECTORY_LIMITS.locations),
  /** Increases by one on every change of this entry. */
  revision: z.number().int().positive(),
  /** Epoch ms of the last change. */
  updatedAt: z.number().int().nonnegative(),
});

export type TenantDirectoryInput = z.input<typeof tenantDirectoryInputSchema>;
export type TenantDirectoryFields = z.output<typeof tenantDirectoryInputSchema>;
export type TenantDirectoryEntry = z.output<typeof tenantDirectoryEntrySchema>;
export type DirectoryLocation = z.output<typeof directoryLocationSchema>;
export type DirectoryLocationInput = z.input<typeof directoryLocationSchema>;
export type KitchenThresholds = z.output<typeof kitchenThresholdsSchema>;
export type TableArea = z.output<typeof tableAreaSchema>;

/** How many tables a location has over all its areas (ids counted, or the given counts). */
export function configuredTableCount(location: Pick<DirectoryLocation, 'areas'>): number {
  let count = 0;
  for (const area of location.areas)
    count += Array.isArray(area.tables) ? area.tables.length : area.tables;
  return count;
}

/** The location's entry, or undefined; safe for any id. */
export function directoryLocation(
  entry: Pick<TenantDirectoryEntry, 'locations'> | null | undefined,
  locationId: string,
): DirectoryLocation | undefined {
  return entry?.locations.find((location) => location.id === locationId);
}

/**
 * The name to show for a location in `locale` (`ar`, `en-AE`): a localized name
 * whose language matches, else its display name; undefined when the directory
 * does not know the location (the caller falls back to the id).
 */
export function locationDisplayName(
  entry: Pick<TenantDirectoryEntry, 'locations'> | null | undefined,
  locationId: string,
  locale: string,
): string | undefined {
  const location = directoryLocation(entry, locationId);
  if (!location) return undefined;
  return localizedName(location.localizedNames, locale) ?? location.displayName;
}

/**
 * The group's name to show in `locale` (`ar`, `en-GB`): a localized name whose
 * language matches, else its display name; undefined without an entry (the
 * caller falls back to the host's name or the id).
 */
export function tenantDisplayNameIn(
  entry:
    | { displayName: string; localizedNames?: ReadonlyArray<{ locale: string; name: string }> }
    | null
    | undefined,
  locale: string,
): string | undefined {
  if (!entry) return undefined;
  return localizedName(entry.localizedNames ?? [], locale) ?? entry.displayName;
}

/** The name for exactly `locale`, else the first for its language (`ar-LB` matches `ar`). */
function localizedName(
  names: ReadonlyArray<{ locale: string; name: string }>,
  locale: string,
): string | undefined {
  const language = locale.split('-')[0];
  return (
    names.find((n) => n.locale === locale) ?? names.find((n) => n.locale.split('-')[0] === language)
  )?.name;
}

/**
 * A board as the hub sends it in a snapshot: the board state plus its tenant's
 * directory entry (absent when the directory has none). The reducer keeps the
 * field as it is; only the hub sets it.
 */
export type BoardWithDirectory = BoardState & { directory?: TenantDirectoryEntry };

/** The time zone and currency a fresh board of this tenant starts with: the entry's, or UTC and none. */
export function boardOptionsOf(entry: TenantDirectoryEntry | null | undefined): BoardOptions {
  return { timeZone: entry?.timeZone ?? 'UTC', currency: entry?.currency ?? null };
}

/**
 * `state` carrying `entry`: its time zone, its currency (a learnt one stays when
 * the entry has none) and the entry itself for names and tables. With null the
 * entry is dropped and the rest of the board stays as it is.
 */
export function withDirectory(state: BoardState, entry: TenantDirectoryEntry | null): BoardState {
  const { directory: _dropped, ...board } = state as BoardWithDirectory;
  if (!entry) return board;
  const next: BoardWithDirectory = {
    ...board,
    timeZone: entry.timeZone,
    currency: entry.currency ?? board.currency,
    directory: entry,
  };
  return next;
}

/** The editable fields of a stored entry (without id, revision and time), e.g. to change one and put it back. */
export function entryFields(entry: TenantDirectoryEntry): TenantDirectoryFields {
  const { id: _id, revision: _revision, updatedAt: _updatedAt, ...fields } = entry;
  return fields;
}

/** Path of the directory's admin API: `GET` lists, `GET/PUT/DELETE <path>/<tenant>` read, replace and remove one entry. */
export const ADMIN_TENANTS_PATH = '/v1/admin/tenants';

/** Largest `PUT /v1/admin/tenants/:id` body, bytes: room for every location with every table id listed. */
export const MAX_DIRECTORY_BODY_BYTES = 512 * 1024;
