import type { Logger } from 'pino';
import { ErrorCode } from '../../protocol/codes';
import {
  parseClientMessage,
  type AuthMessage,
  type ClientMessage,
  type SubscribeMessage,
} from '../../protocol/messages';
import { hasScope } from '../../protocol/scopes';
import { BackplaneUnavailableError, type Backplane } from '../backplane/backplane';
import { AuthError } from '../auth/auth-error';
import type { TokenVerifier } from '../auth/jwt';
import type { HubMetrics } from '../metrics/hub-metrics';
import { ActionHandler, rejectedActionOf } from './action-handler';
import type { Connection } from './connection';
import { Subscription } from './subscription';
import type { TenantRegistry } from './tenant-registry';

export interface FrameHandlerDeps {
  registry: TenantRegistry;
  /** Where operator actions are appended (the same backplane as ingest). */
  backplane: Backplane;
  verifier: TokenVerifier;
  metrics: HubMetrics;
  logger: Logger;
  now: () => number;
  maxSubscriptionsPerConnection: number;
}

/**
 * Handles client frames. Every frame is parsed with the shared protocol schemas; a
 * bad one gets an `error` frame (`bad_request`) and counts as a violation. Nothing a
 * client sends can throw out of here.
 */
export class FrameHandler {
  private readonly actions: ActionHandler;

  constructor(private readonly deps: FrameHandlerDeps) {
    this.actions = new ActionHandler(deps);
  }

  handle(connection: Connection, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    if (connection.isClosing) return;
    if (!connection.allowMessage()) {
      if (connection.recordViolation('rate')) return;
      connection.sendMessage({
        type: 'error',
        code: ErrorCode.RATE_LIMITED,
        message: 'too many frames; slow down',
      });
      return;
    }
    if (isBinary)
      return this.reject(
        connection,
        'binary',
        'binary frames are not part of protocol v1; send JSON text',
      );
    const text = Buffer.isBuffer(data)
      ? data.toString('utf8')
      : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8');
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return this.reject(connection, 'invalid', parsed.error, text);
    this.dispatch(connection, parsed.message).catch((error: unknown) => {
      this.deps.logger.error({ err: error, session: connection.id }, 'frame handling failed');
      connection.sendMessage({
        type: 'error',
        code: ErrorCode.INTERNAL,
        message: 'the hub could not handle that frame',
      });
    });
  }

  /** Answers a bad frame; a bad `action` frame's answer names its id when that much was valid. */
  private reject(connection: Connection, kind: string, message: string, text?: string): void {
    if (connection.recordViolation(kind)) return;
    const action = text === undefined || kind !== 'invalid' ? {} : rejectedActionOf(text);
    connection.sendMessage({ type: 'error', code: ErrorCode.BAD_REQUEST, message, ...action });
  }

  private async dispatch(connection: Connection, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'subscribe':
        return this.subscribe(connection, message);
      case 'unsubscribe': {
        const sub = connection.subscriptions.get(message.tenant);
        if (sub) {
          connection.subscriptions.delete(message.tenant);
          this.deps.registry.leave(sub);
          this.deps.metrics.connections.dec({ tenant: message.tenant });
        }
        connection.sendMessage({ type: 'unsubscribed', tenant: message.tenant });
        return;
      }
      case 'auth':
        return this.renew(connection, message);
      case 'ping':
        connection.sendMessage({ type: 'pong', id: message.id, serverTime: this.deps.now() });
        return;
      case 'action':
        return this.actions.handle(connection, message);
    }
  }

  private async subscribe(connection: Connection, message: SubscribeMessage): Promise<void> {
    const { tenant } = message;
    if (!connection.mayRead(tenant)) {
      connection.sendMessage({
        type: 'error',
        code: ErrorCode.FORBIDDEN,
        message: `the token does not grant read access to ${tenant}`,
        tenant,
      });
      return;
    }
    const existing = connection.subscriptions.get(tenant);
    if (existing) {
      // Re-subscribing replaces the old subscription (new filter or resume point).
      connection.subscriptions.delete(tenant);
      this.deps.registry.leave(existing);
      this.deps.metrics.connections.dec({ tenant });
    } else if (connection.subscriptions.size >= this.deps.maxSubscriptionsPerConnection) {
      connection.sendMessage({
        type: 'error',
        code: ErrorCode.TOO_MANY_SUBSCRIPTIONS,
        message: `at most ${this.deps.maxSubscriptionsPerConnection} subscriptions per connection`,
        tenant,
      });
      return;
    }
    const sub = new Subscription(tenant, connection, message.filter);
    connection.subscriptions.set(tenant, sub);
    this.deps.metrics.connections.inc({ tenant });
    try {
      const kind = await this.deps.registry.join(sub, message.resumeFrom, message.epoch);
      this.deps.metrics.subscriptions.inc({ kind });
    } catch (error) {
      if (connection.subscriptions.get(tenant) === sub) connection.subscriptions.delete(tenant);
      this.deps.registry.leave(sub);
      this.deps.metrics.connections.dec({ tenant });
      if (!(error instanceof BackplaneUnavailableError)) throw error;
      this.deps.metrics.backplaneErrors.inc({ operation: 'subscribe' });
      connection.sendMessage({
        type: 'error',
        code: ErrorCode.UNAVAILABLE,
        message: 'the tenant cannot be served right now; subscribe again later',
        tenant,
      });
    }
  }

  private async renew(connection: Connection, message: AuthMessage): Promise<void> {
    let token;
    try {
      token = await this.deps.verifier.verify(message.token);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      this.deps.metrics.authFailures.inc({ reason: error.reason });
      connection.sendMessage({
        type: 'error',
        code: ErrorCode.AUTH_FAILED,
        message: error.message,
      });
      return;
    }
    if (token.sub !== connection.claims.sub) {
      this.deps.metrics.authFailures.inc({ reason: 'sub_mismatch' });
      connection.sendMessage({
        type: 'error',
        code: ErrorCode.AUTH_FAILED,
        message: 'the new token must have the same sub as the connection',
      });
      return;
    }
    connection.renew(token);
    for (const [tenant, sub] of connection.subscriptions) {
      if (connection.mayRead(tenant) && hasScope(token.scope, 'read')) continue;
      connection.subscriptions.delete(tenant);
      this.deps.registry.leave(sub);
      this.deps.metrics.connections.dec({ tenant });
      connection.sendMessage({
        type: 'error',
        code: ErrorCode.FORBIDDEN,
        message: `the renewed token no longer grants ${tenant}; subscription ended`,
        tenant,
      });
    }
    connection.sendMessage({ type: 'auth_ok', exp: token.exp });
  }
}
