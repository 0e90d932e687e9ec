import { LinkWorkerCore } from './link-worker-core';

/**
 * SharedWorker entry: one link worker per origin, shared by every console tab.
 * Each tab connects with its own port; the core serves them all over one
 * WebSocket. The token lives only in this worker's memory.
 */

interface SharedWorkerScope {
  location: { origin: string };
  onconnect: ((event: MessageEvent) => void) | null;
}

const scope = globalThis as unknown as SharedWorkerScope;
const core = new LinkWorkerCore({ hubUrl: scope.location.origin });

scope.onconnect = (event: MessageEvent) => {
  const port = event.ports[0];
  if (!port) {
    console.warn('[ops-console] A tab connected to the link worker without a port; ignored.');
    return;
  }
  core.attach(port);
};
