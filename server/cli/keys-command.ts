import type { Command } from 'commander';
import { commaList, printRows, scopeText, storeOptions, withUserStore } from './store-command';

/**
 * `ops-hub keys create|list|revoke`: API keys that services exchange for tokens at
 * `POST /v1/auth/token` with `{"apiKey"}`. Keys live in the same store as users
 * (REDIS_URL or the data dir), so a running hub sees them at once. A key is printed
 * only when it is created; the store keeps its SHA-256.
 */
export function registerKeyCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description(
      'manage API keys for POST /v1/auth/token (Redis when REDIS_URL is set, else the data dir)',
    );

  storeOptions(
    keys
      .command('create')
      .description('create an API key and print it once (stdout); its id is on stderr')
      .requiredOption('--sub <name>', 'who the key belongs to; becomes the token sub')
      .requiredOption('--tenants <list>', 'comma-separated tenant ids')
      .option(
        '--scope <scope>',
        'space- or comma-separated: read, publish, operate, admin',
        'publish',
      )
      .option('--json', 'print {"key","id","sub","tenants","scope"} as JSON'),
  ).action(async (flags: Record<string, unknown>) =>
    withUserStore(flags, async (store) => {
      const { key, record } = await store.createApiKey({
        name: String(flags.sub),
        tenants: commaList(String(flags.tenants)),
        scope: scopeText(String(flags.scope)),
      });
      if (flags.json) {
        const { name, ...rest } = record;
        process.stdout.write(`${JSON.stringify({ key, ...rest, sub: name })}\n`);
        return;
      }
      process.stdout.write(`${key}\n`);
      process.stderr.write(
        `created API key ${record.id} for ${record.name} (tenants ${record.tenants.join(',')}; scope ${record.scope}); it is shown only now\n`,
      );
    }),
  );

  storeOptions(
    keys
      .command('list')
      .description('list API keys (ids and grants, never the keys)')
      .option('--json', 'print JSON'),
  ).action(async (flags: Record<string, unknown>) =>
    withUserStore(flags, async (store) =>
      printRows(
        flags,
        await store.listApiKeys(),
        'no API keys',
        (k) =>
          `${k.id}\tsub=${k.name}\ttenants=${k.tenants.join(',')}\tscope=${k.scope}\tcreated=${new Date(k.createdAt).toISOString()}`,
      ),
    ),
  );

  storeOptions(
    keys
      .command('revoke <id>')
      .description(
        'revoke an API key by its id (k_…); tokens it already issued run until they expire',
      ),
  ).action(async (id: string, flags: Record<string, unknown>) =>
    withUserStore(flags, async (store) => {
      if (!(await store.revokeApiKey(id))) {
        process.stderr.write(`no API key with id ${id} (see ops-hub keys list)\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`revoked API key ${id}\n`);
    }),
  );
}
