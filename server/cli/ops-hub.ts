import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../config/config-error';
import { serve } from './serve-command';
import { printToken } from './token-command';
import { runDemo } from './demo-command';
import { supervise } from './supervise-command';
import { registerKeyCommands } from './keys-command';
import { registerUserCommands } from './users-command';
import { registerTenantCommands } from './tenants-command';

/**
 * The `ops-hub` CLI: serve, supervise, users add|list|remove, keys create|list|revoke, tenants (directory), token, demo. Configuration comes
 * from the environment (see docs/protocol.md and README); flags override it.
 */
function integerFlag(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a non-negative integer');
  return Number(value);
}

const program = new Command('ops-hub')
  .description('Tenant-isolated WebSocket hub for live operations boards')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the hub (embedded memory backplane unless REDIS_URL is set)')
  .option('--port <port>', 'listen port (HUB_PORT, default 8787; 0 picks a free one)', integerFlag)
  .option('--host <host>', 'listen address (HUB_HOST, default 127.0.0.1)')
  .option('--data-dir <dir>', 'data directory (HUB_DATA_DIR)')
  .option('--redis-url <url>', 'Redis backplane (REDIS_URL)')
  .option('--token-ttl <duration>', 'token lifetime, e.g. 15m (HUB_TOKEN_TTL)')
  .option('--heartbeat-ms <ms>', 'protocol ping interval (HUB_HEARTBEAT_MS)', integerFlag)
  .option('--shutdown-timeout <duration>', 'graceful shutdown limit (HUB_SHUTDOWN_TIMEOUT)')
  .option('--allowed-origins <list>', 'comma-separated browser origins (HUB_ALLOWED_ORIGINS)')
  .option('--log-level <level>', 'log level (HUB_LOG_LEVEL)')
  .option('--demo', 'run the demo simulator inside the hub')
  .action((options: Record<string, unknown>) => serve(options));

program
  .command('supervise')
  .description(
    'run the hub (and with --demo the demo) as child processes, restarting them when they exit unexpectedly',
  )
  .option(
    '--port <port>',
    'listen port (HUB_PORT, default 8787; 0 picks a free one once)',
    integerFlag,
  )
  .option('--host <host>', 'listen address (HUB_HOST, default 127.0.0.1)')
  .option('--data-dir <dir>', 'data directory (HUB_DATA_DIR)')
  .option('--log-level <level>', 'log level (HUB_LOG_LEVEL)')
  .option('--demo', 'also run `ops-hub demo` against the hub, as its own process')
  .action((options: Record<string, unknown>) => supervise(options, process.argv[1] ?? ''));

program
  .command('token')
  .description('print a token signed with HUB_JWT_SECRET or the data dir secret')
  .requiredOption('--sub <sub>', 'subject (who the token is for)')
  .requiredOption('--tenants <list>', 'comma-separated tenant ids')
  .requiredOption('--scope <scope>', 'read, publish, operate, admin (space- or comma-separated)')
  .option('--ttl <duration>', 'lifetime, e.g. 1h, 15m, 900', '1h')
  .option('--data-dir <dir>', 'data directory (HUB_DATA_DIR)')
  .action((options: Record<string, unknown>) => printToken(options));

program
  .command('demo')
  .description(
    'publish realistic demo traffic to cedar-group and harbor-eats through the ingest API',
  )
  .option('--hub <url>', 'hub base URL', 'http://127.0.0.1:8787')
  .option('--data-dir <dir>', 'data directory holding the generated secret (HUB_DATA_DIR)')
  .action((options: Record<string, unknown>) => runDemo(options));

registerUserCommands(program);
registerKeyCommands(program);
registerTenantCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`ops-hub: configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`ops-hub: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
