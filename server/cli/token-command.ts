import { z } from 'zod';
import { tenantIdSchema } from '../../protocol/ids';
import { SCOPES } from '../../protocol/scopes';
import { ConfigError } from '../config/config-error';
import { parseDurationMs } from '../config/duration';
import { createTokenMinter } from '../auth/jwt';
import { configFromFlags, withJwtSecret } from '../runtime/runtime-config';

const tokenFlagsSchema = z.object({
  sub: z.string().min(1).max(256),
  tenants: z.string().transform((text, ctx) => {
    const tenants = text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    for (const tenant of tenants)
      if (!tenantIdSchema.safeParse(tenant).success)
        ctx.addIssue({ code: 'custom', message: `invalid tenant id ${JSON.stringify(tenant)}` });
    return tenants;
  }),
  scope: z
    .string()
    .refine(
      (s) => s.split(/\s+|,/).every((p) => (SCOPES as readonly string[]).includes(p)),
      `scope must be made of ${SCOPES.join(', ')}`,
    ),
  ttl: z.string().default('1h'),
});

/** `ops-hub token`: prints a token signed with HUB_JWT_SECRET or the data dir's generated secret. */
export async function printToken(flags: Record<string, unknown>): Promise<void> {
  const parsed = tokenFlagsSchema.safeParse(flags);
  if (!parsed.success)
    throw new ConfigError(
      `--${String(parsed.error.issues[0]?.path[0] ?? 'flags')}`,
      parsed.error.issues[0]?.message ?? 'invalid',
    );
  const ttlMs = parseDurationMs(parsed.data.ttl);
  if (ttlMs === null || ttlMs < 1000)
    throw new ConfigError('--ttl', 'expected a duration of at least 1 s, e.g. 1h, 15m, 900');
  const { config } = withJwtSecret(configFromFlags(process.env, flags));
  if (!config.jwt.secret)
    throw new ConfigError(
      'HUB_JWT_SECRET',
      'ops-hub token signs with HS256; this hub is configured for HUB_JWKS_URL',
    );
  const minter = createTokenMinter({
    secret: config.jwt.secret,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
  });
  const { token } = await minter.mint({
    sub: parsed.data.sub,
    tenants: parsed.data.tenants,
    scope: parsed.data.scope.split(/[\s,]+/).join(' '),
    ttlMs,
  });
  process.stdout.write(`${token}\n`);
}
