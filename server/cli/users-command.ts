import type { Command } from 'commander';
import { ConfigError } from '../config/config-error';
import { configFromFlags } from './cli-config';
import { readPassword } from './password-input';
import { openUserStore } from './user-store';

function storeFor(flags: Record<string, unknown>) {
  return openUserStore(configFromFlags(process.env, flags));
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * `ops-hub users add|list|remove`, on the store the hub uses (REDIS_URL or the data
 * dir), so a running hub sees the change at once.
 */
export function registerUserCommands(program: Command): void {
  const users = program
    .command('users')
    .description(
      'manage users of POST /v1/auth/token (Redis when REDIS_URL is set, else the data dir)',
    );

  users
    .command('add <name>')
    .description('add a user; the password is read from the first stdin line, or prompted on a TTY')
    .requiredOption('--tenants <list>', 'comma-separated tenant ids the user may see')
    .option('--scope <scope>', 'space- or comma-separated: read, publish, admin', 'read')
    .option('--data-dir <dir>', 'data directory (HUB_DATA_DIR)')
    .option('--redis-url <url>', 'Redis (REDIS_URL)')
    .action(async (name: string, flags: Record<string, unknown>) => {
      const store = storeFor(flags);
      try {
        const password = await readPassword(`Password for ${name}: `);
        if (!password) throw new ConfigError('password', 'must not be empty');
        const scope = String(flags.scope)
          .split(/[\s,]+/)
          .filter(Boolean)
          .join(' ');
        const user = await store.addUser({
          name,
          password,
          tenants: list(String(flags.tenants)),
          scope,
        });
        process.stdout.write(
          `added user ${user.name} (tenants ${user.tenants.join(',')}; scope ${user.scope})\n`,
        );
      } finally {
        await store.close();
      }
    });

  users
    .command('list')
    .description('list users (never shows passwords)')
    .option('--data-dir <dir>', 'data directory (HUB_DATA_DIR)')
    .option('--redis-url <url>', 'Redis (REDIS_URL)')
    .option('--json', 'print JSON')
    .action(async (flags: Record<string, unknown>) => {
      const store = storeFor(flags);
      try {
        const all = await store.listUsers();
        if (flags.json) process.stdout.write(`${JSON.stringify(all)}\n`);
        else if (all.length === 0) process.stdout.write('no users\n');
        else
          for (const u of all)
            process.stdout.write(
              `${u.name}\ttenants=${u.tenants.join(',')}\tscope=${u.scope}\tcreated=${new Date(u.createdAt).toISOString()}\n`,
            );
      } finally {
        await store.close();
      }
    });

  users
    .command('remove <name>')
    .description('remove a user')
    .option('--data-dir <dir>', 'data directory (HUB_DATA_DIR)')
    .option('--redis-url <url>', 'Redis (REDIS_URL)')
    .action(async (name: string, flags: Record<string, unknown>) => {
      const store = storeFor(flags);
      try {
        if (!(await store.removeUser(name))) {
          process.stderr.write(`no user named ${name}\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`removed user ${name}\n`);
      } finally {
        await store.close();
      }
    });
}
