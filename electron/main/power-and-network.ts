import { net, powerMonitor } from 'electron';
import type { ConsoleSession } from '../core/console-session';
import type { CoreLogger } from '../core/core-logger';

/** How often the network state is sampled; main has no online/offline event, renderers do but may all be closed. */
const ONLINE_POLL_MS = 3000;

/**
 * Feeds the link the signals it cannot see from Node: sleep and wake from
 * `powerMonitor` (retry at once on resume instead of waiting out a backoff),
 * and network up/down from `net.isOnline()`.
 * @returns a function that stops the polling.
 */
export function feedPowerAndNetwork(session: ConsoleSession, log: CoreLogger): () => void {
  powerMonitor.on('suspend', () => {
    log.info('system suspending');
    session.notifySuspend();
  });
  powerMonitor.on('resume', () => {
    log.info('system resumed');
    session.notifyResume();
  });
  let online = net.isOnline();
  session.setNetworkOnline(online);
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now === online) return;
    online = now;
    log.info({ online }, online ? 'network is back' : 'network is down');
    session.setNetworkOnline(online);
  }, ONLINE_POLL_MS);
  return () => clearInterval(timer);
}
