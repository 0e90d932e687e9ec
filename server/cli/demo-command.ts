import { createTokenMinter } from '../auth/jwt';
import { ConfigError } from '../config/config-error';
import { createLogger } from '../logging/logger';
import { startDemo } from '../demo/demo-runner';
import { DEMO_TENANT_IDS } from '../demo/generator/demo-tenants';
import { configFromFlags, withJwtSecret } from '../runtime/runtime-config';

/** `ops-hub demo --hub URL`: mints its own publish token and runs until interrupted. */
export async function runDemo(flags: Record<string, unknown>): Promise<void> {
  const hubUrl = String(flags.hub);
  let parsed: URL;
  try {
    parsed = new URL(hubUrl);
  } catch {
    throw new ConfigError(
      '--hub',
      `expected the hub's base URL such as http://127.0.0.1:8787, got ${JSON.stringify(hubUrl)}`,
    );
  }
  const { config } = withJwtSecret(configFromFlags(process.env, flags));
  if (!config.jwt.secret)
    throw new ConfigError(
      'HUB_JWT_SECRET',
      'the demo mints HS256 tokens; set HUB_JWT_SECRET or use the hub data dir',
    );
  const logger = createLogger(config.logLevel);
  const stop = startDemo({
    hubUrl: parsed.origin,
    minter: createTokenMinter({
      secret: config.jwt.secret,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    }),
    logger,
  });
  process.stdout.write(
    `demo publishing to ${DEMO_TENANT_IDS.join(' and ')} at ${parsed.origin}; Ctrl-C stops it\n`,
  );
  const end = () => {
    stop();
    process.exit(0);
  };
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
}
