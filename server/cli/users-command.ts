import type { Command } from 'commander';
import { PasswordInputError, readPassword } from '../../node-shared/password-prompt';
import { ConfigError } from '../config/config-error';
import { commaList, printRows, scopeText, storeOptions, withUserStore } from './store-command';

/**
 * `ops-hub users add|list|set|remove`, on the store the hub uses (REDIS_URL or the data
 * dir), so a running hub sees the change at once.
 */
export function registerUserCommands(program: Command): void {
  const users = program
    .command('users')
    .description(
      'manage users of POST /v1/auth/token (Redis when REDIS_URL is set, else the data dir)',
    );

  storeOptions(
    users
      .command('add <name>')
      .description(
        'add a user; the password is read from the first stdin line, or prompted on a TTY',
      )
      .requiredOption('--tenants <list>', 'comma-separated tenant ids the user may see')
      .option(
        '--scope <scope>',
        'space- or comma-separated: read, publish, operate, admin',
        'read',
      ),
  ).action(async (name: string, flags: Record<string, unknown>) =>
    withUserStore(flags, async (store) => {
      const password = await readPassword(`Password for ${name}: `, {
        confirmPrompt: 'Repeat the password: ',
      }).catch((error: unknown) => {
        // An empty password is bad input (exit 2); Ctrl-C or a mismatch is a failed run (exit 1).
        if (error instanceof PasswordInputError && error.code === 'empty')
          throw new ConfigError('password', 'must not be empty');
        throw error;
      });
      const user = await store.addUser({
        name,
        password,
        tenants: commaList(String(flags.tenants)),
        scope: scopeText(String(flags.scope)),
      });
      process.stdout.write(
        `added user ${user.name} (tenants ${user.tenants.join(',')}; scope ${user.scope})\n`,
      );
    }),
  );

  storeOptions(
    users
      .command('list')
      .description('list users (never shows passwords)')
      .option('--json', 'print JSON'),
  ).action(async (flags: Record<string, unknown>) =>
    withUserStore(flags, async (store) =>
      printRows(
        flags,
        await store.listUsers(),
        'no users',
        (u) =>
          `${u.name}\ttenants=${u.tenants.join(',')}\tscope=${u.scope}\tcreated=${new Date(u.createdAt).toISOString()}`,
      ),
    ),
  );

  storeOptions(
    users
      .command('set <name>')
      .description(
        "change a user's tenants and/or scope (password kept; sessions get it at their next token refresh)",
      )
      .option('--tenants <list>', 'comma-separated tenant ids the user may see')
      .option('--scope <scope>', 'space- or comma-separated: read, publish, operate, admin'),
  ).action(async (name: string, flags: Record<string, unknown>) =>
    withUserStore(flags, async (store) => {
      if (flags.tenants === undefined && flags.scope === undefined)
        throw new ConfigError('--tenants/--scope', 'give at least one of them to change');
      const user = await store.updateUser(name, {
        ...(flags.tenants === undefined ? {} : { tenants: commaList(String(flags.tenants)) }),
        ...(flags.scope === undefined ? {} : { scope: scopeText(String(flags.scope)) }),
      });
      if (!user) {
        process.stderr.write(`no user named ${name}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `updated user ${user.name} (tenants ${user.tenants.join(',')}; scope ${user.scope})\n`,
      );
    }),
  );

  storeOptions(users.command('remove <name>').description('remove a user')).action(
    async (name: string, flags: Record<string, unknown>) =>
      withUserStore(flags, async (store) => {
        if (!(await store.removeUser(name))) {
          process.stderr.write(`no user named ${name}\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`removed user ${name}\n`);
      }),
  );
}
