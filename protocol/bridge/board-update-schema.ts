import type { SequencedEvent } from '../events';
import { describeIssues } from '../messages';
import { boardUpdateSchema, sequencedEventSchema, type BoardUpdate } from './board-feed';

/*
 * A `BoardUpdate` that crosses into a window's process (the IPC push from Electron
 * main to a renderer, the SharedWorker's port to a page) is checked once there, at
 * the receiving edge, with the bridge's push schema; the renderer's stores and the
 * reducer trust what passed (docs/architecture.md, "The path of one event").
 */

/**
 * Checks an update for `tenant`'s board that arrived from another process. Never throws:
 * - a valid update is returned as parsed;
 * - an `events` update keeps the events that are valid and drops malformed ones, so one
 *   bad event does not cost the window the others;
 * - anything else becomes an `error` update (`bad_state` for a reset whose board this
 *   version cannot read, `bad_update` otherwise): the window keeps its last good board
 *   and says why.
 */
export function receiveBoardUpdate(tenant: string, value: unknown): BoardUpdate {
  const parsed = boardUpdateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const envelope = (typeof value === 'object' && value !== null ? value : {}) as {
    kind?: unknown;
    tenant?: unknown;
    events?: unknown;
  };
  if (envelope.kind === 'events' && envelope.tenant === tenant && Array.isArray(envelope.events)) {
    const events: SequencedEvent[] = [];
    for (const candidate of envelope.events) {
      const event = sequencedEventSchema.safeParse(candidate);
      if (event.success) events.push(event.data);
    }
    return { kind: 'events', tenant, events };
  }
  if (envelope.kind === 'reset' && parsed.error.issues.some((issue) => issue.path[0] === 'state'))
    return {
      kind: 'error',
      tenant,
      code: 'bad_state',
      message: 'The host sent a board this version cannot read; keeping the last good data.',
    };
  return {
    kind: 'error',
    tenant,
    code: 'bad_update',
    message: `The host sent an update this version cannot read (${describeIssues(parsed.error)}); keeping the last good data.`,
  };
}
