import type { LinkState, LinkStatus } from './link-state';

/** How much a link state needs attention; higher is worse. */
const SEVERITY: Record<LinkState, number> = {
  live: 0,
  idle: 1,
  stopped: 2,
  connecting: 3,
  reconnecting: 4,
  offline: 5,
  auth_required: 6,
};

/**
 * One status for a host with several links (one per hub profile): the worst
 * of them, so a status bar never says "live" while another profile's link is
 * down. Ties go to the link that has been in that state longest. With more
 * than one link, the reason is prefixed with the link's `label` so a person
 * can tell which hub it is about. `undefined` when there are no links.
 */
export function worstLinkStatus(
  links: ReadonlyArray<{ label: string; status: LinkStatus }>,
): LinkStatus | undefined {
  let worst: { label: string; status: LinkStatus } | undefined;
  for (const link of links) {
    if (!worst) {
      worst = link;
      continue;
    }
    const rank = SEVERITY[link.status.state] - SEVERITY[worst.status.state];
    if (rank > 0 || (rank === 0 && link.status.since < worst.status.since)) worst = link;
  }
  if (!worst) return undefined;
  if (links.length === 1) return worst.status;
  return { ...worst.status, reason: `${worst.label}: ${worst.status.reason}` };
}
