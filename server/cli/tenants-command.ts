import type { Command } from 'commander';
import {
  entryFields,
  type DirectoryLocationInput,
  type TenantDirectoryEntry,
  type TenantDirectoryInput,
} from '../../protocol/tenant-directory';
import {
  InvalidDirectoryInputError,
  UnknownTenantError,
  type TenantDirectory,
} from '../directory/tenant-directory';
import { openTenantDirectory } from '../runtime/open-directory';
import { configFromFlags } from '../runtime/runtime-config';
import { printRows, storeOptions } from './store-command';
import {
  locationFromFlags,
  parseArea,
  parseLocalizedName,
  parseMinutes,
  tenantFieldsFromFlags,
  tenantLine,
} from './tenant-flags';

/**
 * `ops-hub tenants add|set|list|show|remove` and `ops-hub tenants locations
 * add|set|remove`, on the directory the hub uses (REDIS_URL or the data dir). A
 * running hub sees the change within a second and sends open clients the new entry.
 * Invalid fields exit with status 2 and the rule that was broken.
 */
export function registerTenantCommands(program: Command): void {
  const tenants = program
    .command('tenants')
    .description(
      'manage the tenant directory: names, time zone, currency, locations and tables (Redis when REDIS_URL is set, else the data dir)',
    );

  tenantFlags(
    storeOptions(tenants.command('add <tenant>').description('add a tenant to the directory')),
  )
    .requiredOption('--name <name>', 'display name')
    .action(async (id: string, flags: Record<string, unknown>) =>
      withDirectory(flags, async (directory) => {
        const entry = await directory.add(id, tenantFieldsFromFlags(flags) as TenantDirectoryInput);
        process.stdout.write(`added tenant ${entry.id} (${entry.displayName})\n`);
      }),
    );

  tenantFlags(
    storeOptions(
      tenants.command('set <tenant>').description('change the given fields of a tenant'),
    ),
  )
    .option('--name <name>', 'display name')
    .action(async (id: string, flags: Record<string, unknown>) =>
      withDirectory(flags, async (directory) => {
        const current = await existing(directory, id);
        const entry = await directory.put(id, {
          ...entryFields(current),
          ...tenantFieldsFromFlags(flags),
        });
        process.stdout.write(`changed tenant ${entry.id} (revision ${entry.revision})\n`);
      }),
    );

  storeOptions(
    tenants.command('list').description('list the tenants').option('--json', 'print JSON'),
  ).action(async (flags: Record<string, unknown>) =>
    withDirectory(flags, async (directory) =>
      printRows(flags, await directory.list(), 'no tenants in the directory', tenantLine),
    ),
  );

  storeOptions(
    tenants
      .command('show <tenant>')
      .description('show one tenant with its locations')
      .option('--json', 'print JSON'),
  ).action(async (id: string, flags: Record<string, unknown>) =>
    withDirectory(flags, async (directory) => {
      const entry = await existing(directory, id);
      process.stdout.write(flags.json ? `${JSON.stringify(entry)}\n` : describeEntry(entry));
    }),
  );

  storeOptions(tenants.command('remove <tenant>').description('remove a tenant')).action(
    async (id: string, flags: Record<string, unknown>) =>
      withDirectory(flags, async (directory) => {
        if (!(await directory.remove(id))) throw new UnknownTenantError(`tenant ${id}`);
        process.stdout.write(`removed tenant ${id}\n`);
      }),
  );

  const locations = tenants.command('locations').description("manage a tenant's locations");
  for (const verb of ['add', 'set'] as const)
    locationFlags(
      storeOptions(
        locations
          .command(`${verb} <tenant> <location>`)
          .description(
            verb === 'add'
              ? 'add a location (name, tables per area, kitchen thresholds)'
              : 'change the given fields of a location; --area replaces every area',
          ),
      ),
      verb === 'add',
    ).action(async (id: string, locationId: string, flags: Record<string, unknown>) =>
      withDirectory(flags, async (directory) => {
        const current = await existing(directory, id);
        const fields = entryFields(current);
        const index = fields.locations.findIndex((l) => l.id === locationId);
        if (verb === 'add' && index >= 0)
          throw new InvalidDirectoryInputError(
            `location ${locationId} of ${id} exists; use "tenants locations set"`,
          );
        if (verb === 'set' && index < 0)
          throw new UnknownTenantError(`location ${locationId} of tenant ${id}`);
        const location = locationFromFlags(
          locationId,
          index >= 0 ? fields.locations[index]! : null,
          flags,
        );
        const next: DirectoryLocationInput[] = [...fields.locations];
        if (index >= 0) next[index] = location;
        else next.push(location);
        const entry = await directory.put(id, { ...fields, locations: next });
        process.stdout.write(
          `${verb === 'add' ? 'added' : 'changed'} location ${locationId} of ${id} (revision ${entry.revision})\n`,
        );
      }),
    );

  storeOptions(
    locations.command('remove <tenant> <location>').description('remove a location'),
  ).action(async (id: string, locationId: string, flags: Record<string, unknown>) =>
    withDirectory(flags, async (directory) => {
      const fields = entryFields(await existing(directory, id));
      const kept = fields.locations.filter((l) => l.id !== locationId);
      if (kept.length === fields.locations.length)
        throw new UnknownTenantError(`location ${locationId} of tenant ${id}`);
      await directory.put(id, { ...fields, locations: kept });
      process.stdout.write(`removed location ${locationId} of ${id}\n`);
    }),
  );
}

function tenantFlags(command: Command): Command {
  return command
    .option('--time-zone <zone>', 'IANA time zone, e.g. Asia/Beirut')
    .option('--currency <code>', 'ISO 4217 code, e.g. LBP; "none" to learn it from money events')
    .option('--locales <list>', 'comma-separated UI languages, most preferred first, e.g. ar,en');
}

function locationFlags(command: Command, nameRequired: boolean): Command {
  return (
    nameRequired
      ? command.requiredOption('--name <name>', 'display name')
      : command.option('--name <name>', 'display name')
  )
    .option(
      '--localized-name <locale=name>',
      'the name in another language (repeatable)',
      parseLocalizedName,
    )
    .option(
      '--area <name=tables>',
      'an area and its tables: a count or ids, e.g. Terrace=8 or Bar=B1,B2 (repeatable)',
      parseArea,
    )
    .option('--late <minutes>', 'a ticket is late after this many minutes', parseMinutes)
    .option('--overdue <minutes>', 'a ticket is overdue after this many minutes', parseMinutes)
    .option(
      '--stale <minutes>',
      'a ticket is stale (its closing event may be lost) after this many minutes',
      parseMinutes,
    );
}

async function existing(directory: TenantDirectory, id: string): Promise<TenantDirectoryEntry> {
  const entry = await directory.get(id);
  if (!entry) throw new UnknownTenantError(`tenant ${id}`);
  return entry;
}

function describeEntry(entry: TenantDirectoryEntry): string {
  const lines = [
    `${entry.id}: ${entry.displayName}`,
    `  time zone ${entry.timeZone}, currency ${entry.currency ?? 'not set'}, locales ${entry.locales.join(',') || '-'}, revision ${entry.revision}`,
  ];
  for (const location of entry.locations) {
    const names = location.localizedNames.map((n) => `${n.locale}: ${n.name}`).join('; ');
    const areas = location.areas
      .map(
        (a) => `${a.name} ${Array.isArray(a.tables) ? a.tables.join(',') : `${a.tables} tables`}`,
      )
      .join(' | ');
    const t = location.thresholds;
    lines.push(
      `  ${location.id}: ${location.displayName}${names ? ` (${names})` : ''}`,
      `    areas: ${areas || 'none'}; late ${t.lateAfterMin} min, overdue ${t.overdueAfterMin} min, stale ${t.staleAfterMin} min`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Opens the directory the flags and environment name, runs `use`, and closes it; bad fields exit 2, unknown tenants 1. */
async function withDirectory(
  flags: Record<string, unknown>,
  use: (directory: TenantDirectory) => Promise<void>,
): Promise<void> {
  const directory = openTenantDirectory(configFromFlags(process.env, flags));
  try {
    await use(directory);
  } catch (error) {
    if (!(error instanceof InvalidDirectoryInputError) && !(error instanceof UnknownTenantError))
      throw error;
    process.stderr.write(`ops-hub: ${error.message}\n`);
    process.exitCode = error instanceof InvalidDirectoryInputError ? 2 : 1;
  } finally {
    await directory.close();
  }
}
