import { join } from 'node:path';
import { z } from 'zod';
import { namedPlaylistsSchema } from '../../../protocol';
import { readJsonFile } from '../../../node-shared/json-file';
import { kioskPolicySchema } from './kiosk-policy';
import { startupPolicySchema } from './startup-policy';
import { updatePolicySchema } from './update-policy';

/**
 * Machine-wide settings IT drops in place when deploying the console
 * (template: resources/policy/policy.example.json; see docs/deployment.md).
 * Users cannot change them from the app.
 */

const hubUrlSchema = z.url({ protocol: /^https?$/ }).refine((url) => {
  const parsed = new URL(url);
  return (
    parsed.username === '' &&
    parsed.password === '' &&
    (parsed.pathname === '/' || parsed.pathname === '')
  );
}, 'must be an http(s) base URL such as https://ops.example.com, with no path and no user name or password');

export const managedPolicySchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    /** Self-update: off, or pinned to a channel and feed (see update-policy.ts). */
    updates: updatePolicySchema.optional(),
    /** Wall-box start-up behaviour (see startup-policy.ts). */
    startup: startupPolicySchema.optional(),
    /** Hub URL pre-filled on the sign-in screen. */
    defaultHubUrl: hubUrlSchema.optional(),
    /** When true, users may sign in only to `defaultHubUrl`. */
    lockHubUrl: z.boolean().default(false),
    /** When false, "Host a hub on this PC" is not offered and the bundled hub never starts. */
    allowHostedHub: z.boolean().default(true),
    /**
     * Wall playlists IT sets up (same schema as the Settings editor's): shown
     * read-only in Settings as "Set by your IT department", openable by name.
     */
    playlists: namedPlaylistsSchema.optional(),
    /** When set, the app starts as a wall display showing this playlist full screen (see kiosk-policy.ts). */
    kiosk: kioskPolicySchema.optional(),
    /**
     * When true, the console and the CLI also reach hubs on other computers over
     * plain http/ws. Off by default: such hubs need https/wss. Loopback is always allowed.
     */
    allowInsecureRemoteHubs: z.boolean().default(false),
  })
  .refine((policy) => !policy.lockHubUrl || policy.defaultHubUrl !== undefined, {
    message: 'lockHubUrl needs defaultHubUrl: set the hub users are locked to',
    path: ['lockHubUrl'],
  })
  .refine(
    (policy) =>
      policy.kiosk?.playlist === undefined ||
      (policy.playlists ?? []).some((playlist) => playlist.name === policy.kiosk?.playlist),
    {
      message: 'kiosk.playlist names no playlist in `playlists`; add it there or fix the name',
      path: ['kiosk', 'playlist'],
    },
  );

export type ManagedPolicy = z.output<typeof managedPolicySchema>;
export type { KioskPolicy } from './kiosk-policy';

/** The policy when no file is deployed: nothing locked, hosting a hub allowed, no kiosk. */
export const DEFAULT_POLICY: ManagedPolicy = Object.freeze({
  version: 1,
  lockHubUrl: false,
  allowHostedHub: true,
  allowInsecureRemoteHubs: false,
});

/**
 * What applies when a policy file exists but cannot be used (unreadable, not
 * JSON, schema error): the most restrictive behaviour, since we cannot know
 * what IT meant to allow. Sign-in is locked to no hub at all, the bundled hub
 * never starts and the app never contacts an update feed, until IT fixes the file.
 */
export const RESTRICTIVE_POLICY: ManagedPolicy = Object.freeze({
  version: 1,
  lockHubUrl: true,
  allowHostedHub: false,
  allowInsecureRemoteHubs: false,
  updates: Object.freeze({ enabled: false }),
});

/**
 * Where IT puts the policy file on each platform. `OPS_CONSOLE_POLICY_FILE`
 * overrides it in development builds only (for testing a policy before
 * rolling it out); packaged builds ignore it, so a user cannot swap IT's
 * policy for their own by setting an environment variable.
 */
export function policyFilePath(
  platform: NodeJS.Platform,
  env: Partial<Record<string, string | undefined>>,
  isPackaged: boolean,
): string {
  if (env.OPS_CONSOLE_POLICY_FILE && !isPackaged) return env.OPS_CONSOLE_POLICY_FILE;
  if (platform === 'win32')
    return join(
      env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData',
      'Ops Console',
      'policy.json',
    );
  if (platform === 'darwin') return '/Library/Application Support/Ops Console/policy.json';
  return '/etc/ops-console/policy.json';
}

/** True when `OPS_CONSOLE_POLICY_FILE` is set but ignored because the build is packaged (worth one warning line). */
export function isPolicyOverrideIgnored(
  env: Partial<Record<string, string | undefined>>,
  isPackaged: boolean,
): boolean {
  return isPackaged && Boolean(env.OPS_CONSOLE_POLICY_FILE);
}

export interface LoadedPolicy {
  policy: ManagedPolicy;
  /** `file` when read from `file`; `defaults` when there is none; `restricted` when it was rejected. */
  source: 'file' | 'defaults' | 'restricted';
  file: string;
  /** Why the file was rejected, when it was: shown to the user (settings, sign-in) and logged. */
  error?: string;
}

export type PolicyLog = (
  level: 'info' | 'error',
  message: string,
  detail: Record<string, unknown>,
) => void;

/**
 * Reads and validates the policy at `file`. A missing file means defaults. A
 * file that cannot be read, is not JSON or breaks the schema is reported in
 * one clear log line naming the file and the field, and RESTRICTIVE_POLICY
 * applies with the reason in `error`: a typo in a policy must not stop the
 * console from starting, nor quietly lift what IT meant to restrict.
 */
export async function loadManagedPolicy(file: string, log: PolicyLog): Promise<LoadedPolicy> {
  const reject = (error: string): LoadedPolicy => {
    log(
      'error',
      `managed policy ${file} was rejected and the most restrictive settings apply (no sign-in, no hosted hub, no updates) until IT fixes it: ${error}`,
      { file },
    );
    return { policy: RESTRICTIVE_POLICY, source: 'restricted', file, error };
  };
  let read;
  try {
    read = await readJsonFile(file);
  } catch (error) {
    return reject(`cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (read.kind === 'missing') return { policy: DEFAULT_POLICY, source: 'defaults', file };
  if (read.kind === 'corrupt') return reject(`it is not valid JSON (${read.reason})`);
  const parsed = managedPolicySchema.safeParse(read.value);
  if (!parsed.success) {
    return reject(
      parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; '),
    );
  }
  log('info', `managed policy loaded from ${file}`, { file });
  return { policy: parsed.data, source: 'file', file };
}

/**
 * True when `policy` lets users sign in to `hubUrl`: any hub unless locked;
 * else only the default hub's origin; and none when locked with no default
 * (RESTRICTIVE_POLICY).
 */
export function isHubUrlAllowed(policy: ManagedPolicy, hubUrl: string): boolean {
  if (!policy.lockHubUrl) return true;
  if (!policy.defaultHubUrl) return false;
  try {
    return new URL(hubUrl).origin === new URL(policy.defaultHubUrl).origin;
  } catch {
    return false;
  }
}

/** The JSON Schema of the policy file, shipped as resources/policy/policy.schema.json for editors and IT tooling. */
export function policyJsonSchema(): unknown {
  return z.toJSONSchema(managedPolicySchema, { io: 'input' });
}
