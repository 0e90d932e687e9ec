import type { CodeInfo } from './wire-error-codes';

/**
 * Codes raised inside a host (the link client, Electron main and core, the hub's
 * own start-up, the browser console). They never come from the hub's wire, but
 * they cross IPC and the worker port as `{code, message}`, so they live in the same
 * table as the wire codes and say what to do the same way. Keep one row per code;
 * a code used anywhere in the tree must be here (`Code` is a closed union).
 */
export const HOST_CODES = [
  // ---- link and session (protocol/) ----------------------------------------
  {
    code: 'bad_snapshot',
    meaning: 'the hub sent a snapshot that is not a board state; the tenant keeps its last state',
    action: 'show',
  },
  {
    code: 'token_renewal_failed',
    meaning: 'an in-band token renewal could not get a token; it is retried while the token lasts',
    action: 'retry',
  },
  {
    code: 'socket_close_failed',
    meaning: 'closing a dropped WebSocket threw; the socket is abandoned anyway',
    action: 'show',
  },
  {
    code: 'cache_read_failed',
    meaning: 'the snapshot cache could not be read; the board starts empty and fills from the hub',
    action: 'show',
  },
  {
    code: 'cache_write_failed',
    meaning: 'the snapshot cache could not be written; live data is unaffected',
    action: 'show',
  },
  {
    code: 'resync',
    meaning: 'a gap or epoch change was found and a fresh snapshot was asked for',
    action: 'show',
  },
  {
    code: 'offline',
    meaning:
      'an operator action was refused because the link is not live; nothing was sent or queued',
    action: 'show',
  },
  {
    code: 'action_unconfirmed',
    meaning:
      'an action was sent but the link dropped (or no answer came in time) before the ack; sending it again with the same id is safe',
    action: 'retry',
  },
  // ---- HTTP clients ---------------------------------------------------------
  {
    code: 'network',
    meaning: 'the request never got an answer (offline, DNS, refused connection)',
    action: 'retry',
  },
  {
    code: 'http_status',
    meaning:
      'a server answered with an HTTP status that has no code of its own; the message names it',
    action: 'retry',
  },
  // ---- hosted hub (Electron main and the hub child) -------------------------
  {
    code: 'config',
    meaning: 'a configuration value is invalid; the message names the variable',
    action: 'stop',
  },
  {
    code: 'secrets',
    meaning: 'the hub child did not receive valid secrets from main in time',
    action: 'stop',
  },
  {
    code: 'bad_message',
    meaning: 'a message between main and the hub child broke its schema',
    action: 'show',
  },
  {
    code: 'bad_address',
    meaning: 'the hub cannot listen on the chosen address; pick another bind address',
    action: 'stop',
  },
  {
    code: 'port_in_use',
    meaning: 'the hub port is taken by another program; choose another port',
    action: 'stop',
  },
  {
    code: 'hub_timeout',
    meaning: 'the hub on this PC did not report ready in time; see the log',
    action: 'show',
  },
  {
    code: 'hub_exited',
    meaning: 'the hub on this PC stopped; see the log for its exit code',
    action: 'show',
  },
  {
    code: 'hub_failed',
    meaning: 'the hub on this PC failed to start for another reason; see the log',
    action: 'show',
  },
  // ---- users file (server/users) --------------------------------------------
  {
    code: 'user_exists',
    meaning: 'a user of that name already exists; remove it first or choose another name',
    action: 'show',
  },
  {
    code: 'invalid_user_input',
    meaning: 'a field of a user or key is invalid; the message names the field and the rule',
    action: 'show',
  },
  {
    code: 'user_store_corrupt',
    meaning: 'the stored credentials cannot be read; fix or remove the file named in the message',
    action: 'stop',
  },
  // ---- tenant directory (server/directory) ----------------------------------
  {
    code: 'tenant_exists',
    meaning: 'the directory already has that tenant; use `tenants set` to change it',
    action: 'show',
  },
  {
    code: 'unknown_tenant',
    meaning: 'the directory has no such tenant (or location); `tenants list` shows what it has',
    action: 'show',
  },
  {
    code: 'invalid_directory_input',
    meaning: 'a field of a tenant or location is invalid; the message names the field and the rule',
    action: 'show',
  },
  {
    code: 'directory_corrupt',
    meaning:
      'the stored tenant directory cannot be read; fix or remove the file or key named in the message',
    action: 'stop',
  },
  // ---- Electron core and IPC ------------------------------------------------
  {
    code: 'forbidden_sender',
    meaning: 'an IPC request came from a frame that is not one of the console documents',
    action: 'stop',
  },
  {
    code: 'bad_hub_url',
    meaning: 'the hub URL is not an http(s) URL without query, fragment or credentials',
    action: 'show',
  },
  {
    code: 'insecure_hub_url',
    meaning: 'plain http to a remote hub is refused by policy; use https',
    action: 'stop',
  },
  {
    code: 'cli_failed',
    meaning: 'an `ops-console` command failed; the message says why, the exit code says how',
    action: 'show',
  },
  // ---- updates --------------------------------------------------------------
  {
    code: 'feed_unreachable',
    meaning: 'the update feed could not be fetched; checked again later',
    action: 'retry',
  },
  {
    code: 'feed_invalid',
    meaning: 'the update feed is too large or does not match its schema',
    action: 'show',
  },
  {
    code: 'download_failed',
    meaning: 'the update download failed or its checksum did not match',
    action: 'retry',
  },
  {
    code: 'not_ready',
    meaning: 'no downloaded update is waiting to be installed',
    action: 'show',
  },
  // ---- browser console (renderer) -------------------------------------------
  {
    code: 'host_unavailable',
    meaning: 'neither the Electron host nor the browser host is available to the console',
    action: 'stop',
  },
  {
    code: 'host_call_failed',
    meaning: 'a call to the host (Electron main or the shared worker) failed; the message says why',
    action: 'show',
  },
  {
    code: 'bad_update',
    meaning:
      'the host sent a board update this version cannot read; the window keeps its last good data',
    action: 'show',
  },
  {
    code: 'bad_worker_answer',
    meaning: 'the shared worker answered with a message that broke the worker protocol',
    action: 'show',
  },
  {
    code: 'popup_blocked',
    meaning: 'the browser blocked the new window; allow pop-ups for the console',
    action: 'show',
  },
  {
    code: 'unsupported',
    meaning: 'the operation is not available in this host (e.g. updates in a browser)',
    action: 'show',
  },
  {
    code: 'bad_state',
    meaning: 'the host sent a board this version cannot read; the last good data stays shown',
    action: 'show',
  },
] as const satisfies readonly CodeInfo[];

/** A code raised inside a host; see `HOST_CODES`. */
export type HostCode = (typeof HOST_CODES)[number]['code'];
