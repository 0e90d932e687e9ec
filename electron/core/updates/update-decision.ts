import type { UpdateReason } from '../../../protocol/bridge/update-status';
import type { FeedInfo } from './update-feed';
import type { UpdatePlan } from './update-plan';

/**
 * The second half of the update decision: given a plan that allows checking
 * and what the feed answered, what this installation does. Pure.
 */

export type FeedDecision =
  | { action: 'none'; reason: Extract<UpdateReason, 'current' | 'staged'>; latestVersion: string }
  /** Per-user install: download now, install on restart (electron-updater does both). */
  | { action: 'download'; version: string; reason: 'per-user' }
  /** Per-machine install: say so and leave it to IT; never download or elevate. */
  | { action: 'notify'; version: string; reason: 'per-machine' };

export interface FeedDecisionInput {
  plan: Extract<UpdatePlan, { kind: 'check' }>;
  feed: FeedInfo;
  currentVersion: string;
  /** This installation's place in staged rollouts, in [0, 1): see stagingFraction. */
  stagingFraction: number;
}

/** Decides from the feed's answer; a version is offered only when newer and within its rollout. */
export function decideOnFeed(input: FeedDecisionInput): FeedDecision {
  const { feed } = input;
  if (compareVersions(feed.version, input.currentVersion) <= 0)
    return { action: 'none', reason: 'current', latestVersion: feed.version };
  if (feed.stagingPercentage !== undefined && input.stagingFraction >= feed.stagingPercentage / 100)
    return { action: 'none', reason: 'staged', latestVersion: feed.version };
  return input.plan.installBy === 'it'
    ? { action: 'notify', version: feed.version, reason: 'per-machine' }
    : { action: 'download', version: feed.version, reason: 'per-user' };
}

/**
 * Where an installation falls in a staged rollout, in [0, 1], from its staging
 * id (a UUID kept in `<userData>/.updaterId`). Computed exactly as
 * electron-updater's `isStagingMatch` does (the last four bytes, big-endian,
 * over 0xffffffff), so both agree on whether this PC is in a rollout.
 * @throws TypeError when `uuid` is not a UUID.
 */
export function stagingFraction(uuid: string): number {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex))
    throw new TypeError(`stagingFraction: "${uuid}" is not a UUID`);
  return Number.parseInt(hex.slice(24, 32), 16) / 0xffffffff;
}

/**
 * Semver precedence of `a` against `b`: negative, zero or positive. Build
 * metadata is ignored; a prerelease sorts before its release.
 * @throws TypeError when either is not a semver version.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (pa.pre.length === 0 && pb.pre.length === 0) return 0;
  if (pa.pre.length === 0) return 1;
  if (pb.pre.length === 0) return -1;
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i += 1) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xNum = /^\d+$/.test(x);
    const yNum = /^\d+$/.test(y);
    if (xNum && yNum) return Math.sign(Number(x) - Number(y));
    if (xNum !== yNum) return xNum ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function parseVersion(version: string): { core: number[]; pre: string[] } {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match)
    throw new TypeError(`"${version}" is not a semver version such as 1.4.0 or 1.4.0-beta.1`);
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    pre: match[4] ? match[4].split('.') : [],
  };
}
