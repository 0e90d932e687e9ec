import type { ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { BackplaneStatus } from '../backplane/backplane';
import { sendJson } from './http-reply';

/** `GET /healthz`: the process is up and answering. */
export function handleHealthz(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

/** `GET /readyz`: 200 when accepting traffic; 503 while draining or while the backplane is degraded. */
export function handleReadyz(
  res: ServerResponse,
  state: { draining: boolean; backplane: BackplaneStatus },
): void {
  const ready = !state.draining && state.backplane === 'ready';
  sendJson(res, ready ? 200 : 503, {
    status: ready ? 'ready' : 'unavailable',
    draining: state.draining,
    backplane: state.backplane,
  });
}

/** `GET /metrics`: Prometheus text format. */
export async function handleMetrics(res: ServerResponse, registry: Registry): Promise<void> {
  const text = await registry.metrics();
  res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
  res.end(text);
}
