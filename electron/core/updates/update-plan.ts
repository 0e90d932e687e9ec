import type { UpdateReason } from '../../../protocol/bridge/update-status';
import type { LoadedPolicy } from '../policy/managed-policy';
import type { UpdateChannel } from '../policy/update-policy';
import type { InstallKind } from './install-kind';

/**
 * Whether and where this installation looks for updates: the first half of
 * the update decision, made before any network access. When the plan is
 * `off`, nothing contacts a feed.
 */

export type UpdatePlan =
  | {
      kind: 'off';
      reason: Extract<UpdateReason, 'development' | 'policy-off' | 'policy-broken' | 'no-feed'>;
      channel?: UpdateChannel;
      managed: boolean;
    }
  | {
      kind: 'check';
      /** Base URL of the generic feed, ending in `/`. */
      feedUrl: string;
      channel: UpdateChannel;
      /** `it` on per-machine installs: the app reports a new version but never installs it itself. */
      installBy: 'app' | 'it';
      /** True when IT's policy pins the channel or the feed. */
      managed: boolean;
    };

export interface UpdatePlanInput {
  loaded: Pick<LoadedPolicy, 'policy' | 'source'>;
  installKind: InstallKind;
  /** The feed written into the build (app-update.yml), if the release engineer set one. */
  builtFeedUrl?: string;
  /** The channel the build belongs to: `beta` for a prerelease version, else `stable`. */
  builtChannel: UpdateChannel;
  /** The user's choice from settings, used only when policy does not pin the channel. */
  userChannel?: UpdateChannel;
}

/** Decides the plan from policy, install kind and build; pure. */
export function planUpdates(input: UpdatePlanInput): UpdatePlan {
  const updates = input.loaded.policy.updates;
  const managed = updates?.channel !== undefined || updates?.feedUrl !== undefined;
  const channel = updates?.channel ?? input.userChannel ?? input.builtChannel;
  if (input.loaded.source === 'restricted')
    return { kind: 'off', reason: 'policy-broken', managed: true };
  if (updates?.enabled === false) return { kind: 'off', reason: 'policy-off', managed: true };
  if (input.installKind === 'development')
    return { kind: 'off', reason: 'development', channel, managed };
  const feedUrl = updates?.feedUrl ?? input.builtFeedUrl;
  if (!feedUrl) return { kind: 'off', reason: 'no-feed', channel, managed };
  return {
    kind: 'check',
    feedUrl: feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`,
    channel,
    installBy: input.installKind === 'per-machine' ? 'it' : 'app',
    managed,
  };
}

/** `beta` for a prerelease version such as 1.4.0-beta.2, else `stable`. */
export function channelOfVersion(version: string): UpdateChannel {
  return /^\d+\.\d+\.\d+-/.test(version) ? 'beta' : 'stable';
}
