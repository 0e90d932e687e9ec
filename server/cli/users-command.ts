import type { Command } from 'commander';

/** `ops-hub users add|list|remove`; wired to server/users once the user store lands. */
export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('manage users of the token endpoint');
  users.command('list').action(() => {
    throw new Error('the user store is not available in this build yet');
  });
}
