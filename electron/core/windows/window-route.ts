import { isTenantId } from '../../../protocol/ids';
import type { WindowEntry } from './window-layout';

/**
 * The location hash that makes a console window open on its board, in the
 * renderer's route format (renderer/src/routing/hash-route.ts):
 * `#/t/<tenant>/<board>` plus `?wall=1&playlist=a,b&interval=30` for wall displays
 * (`?wall=1&steps=tenant:board,…&interval=30` when the playlist crosses tenants).
 * Kiosk windows run in wall mode; fullscreen windows are ordinary boards, full screen.
 */
export function windowHash(
  entry: Pick<WindowEntry, 'tenant' | 'board' | 'mode' | 'playlist'>,
): string {
  if (!entry.tenant) return '#/';
  const board = entry.board ?? 'overview';
  const query: string[] = [];
  if (entry.mode === 'kiosk') {
    query.push('wall=1');
    const playlist = entry.playlist;
    if (playlist && 'steps' in playlist)
      query.push(
        `steps=${playlist.steps.map((step) => `${step.tenant}:${step.board}`).join(',')}`,
        `interval=${playlist.intervalSec}`,
      );
    else if (playlist)
      query.push(`playlist=${playlist.boards.join(',')}`, `interval=${playlist.intervalSec}`);
  }
  return `#/t/${encodeURIComponent(entry.tenant)}/${board}${query.length ? `?${query.join('&')}` : ''}`;
}

/**
 * The tenant a console window shows, read from its current URL's hash
 * (`#/t/<tenant>/…`); null on the tenant picker or for anything that is not a tenant id.
 */
export function tenantOfWindowUrl(url: string): string | null {
  const hash = url.indexOf('#');
  if (hash < 0) return null;
  const match = /^#\/t\/([^/?]+)/.exec(url.slice(hash));
  if (!match?.[1]) return null;
  let tenant: string;
  try {
    tenant = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return isTenantId(tenant) ? tenant : null;
}
