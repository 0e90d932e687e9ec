import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { TenantConnectionsGauge, TenantLabels } from './tenant-labels';

/**
 * The hub's Prometheus metrics. Each hub owns its registry, so several hubs in one
 * process (tests) do not collide. Tenant labels are bounded: only tenants with history get
 * their own series, at most `maxTenantLabels` of them (see `TenantLabels`).
 */
export interface HubMetrics {
  registry: Registry;
  /** Decides each tenant's label; admit a tenant once it has events. */
  tenantLabels: TenantLabels;
  connections: TenantConnectionsGauge;
  openSockets: Gauge;
  framesDelivered: Counter;
  bytesDelivered: Counter;
  /** Publish (hub acceptance) → handed to the socket, seconds. */
  deliverLag: Histogram;
  subscriptions: Counter<'kind'>;
  slowConsumerCloses: Counter;
  protocolViolations: Counter<'kind'>;
  authFailures: Counter<'reason'>;
  /** Sockets and upgrades refused by the admission policy: address, global, idle or subject. */
  admissionRefusals: Counter<'reason'>;
  /** Events accepted through ingest; `inc` maps the tenant to its bounded label. */
  eventsIngested: { inc(labels: { tenant: string }, count: number): void };
  backplaneErrors: Counter<'operation'>;
  /** Operator `action` frames that passed parsing, by action and how they were answered. */
  operatorActions: Counter<'action' | 'result'>;
  backplaneStatusChanges: Counter<'status'>;
  checkpoints: Counter<'result'>;
  redisErrors: Counter<'kind'>;
  redisReconnects: Counter<'connection'>;
  /** The command connection came back to another Redis server (Sentinel or DNS failover). */
  redisFailovers: Counter;
  /** Tenant logs whose Redis history went backwards, each announced with a new epoch. */
  historyLost: Counter;
}

/** Creates a fresh registry with the hub metrics and Node's default process metrics. */
export function createHubMetrics(maxTenantLabels = 100): HubMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const r = [registry];
  const tenantLabels = new TenantLabels(maxTenantLabels);
  const ingested = new Counter({
    name: 'ops_hub_events_ingested_total',
    help: 'Events accepted through the ingest API',
    labelNames: ['tenant'],
    registers: r,
  });
  return {
    registry,
    tenantLabels,
    connections: new TenantConnectionsGauge(tenantLabels, registry),
    openSockets: new Gauge({
      name: 'ops_hub_open_connections',
      help: 'Open WebSocket connections',
      registers: r,
    }),
    framesDelivered: new Counter({
      name: 'ops_hub_frames_delivered_total',
      help: 'WebSocket frames handed to client sockets (an events frame counts once)',
      registers: r,
    }),
    bytesDelivered: new Counter({
      name: 'ops_hub_bytes_delivered_total',
      help: 'Bytes of frames handed to client sockets',
      registers: r,
    }),
    deliverLag: new Histogram({
      name: 'ops_hub_publish_deliver_lag_seconds',
      help: 'Time from hub acceptance of an event to its fan-out on this instance',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: r,
    }),
    subscriptions: new Counter({
      name: 'ops_hub_subscriptions_total',
      help: 'Subscriptions served, by kind (snapshot or resume)',
      labelNames: ['kind'],
      registers: r,
    }),
    slowConsumerCloses: new Counter({
      name: 'ops_hub_slow_consumer_closes_total',
      help: 'Connections closed with 4008',
      registers: r,
    }),
    protocolViolations: new Counter({
      name: 'ops_hub_protocol_violations_total',
      help: 'Invalid frames received, by kind',
      labelNames: ['kind'],
      registers: r,
    }),
    authFailures: new Counter({
      name: 'ops_hub_auth_failures_total',
      help: 'Refused credentials, by reason',
      labelNames: ['reason'],
      registers: r,
    }),
    admissionRefusals: new Counter({
      name: 'ops_hub_admission_refusals_total',
      help: 'Connections closed or refused by the admission policy, by reason (address, global, idle, subject)',
      labelNames: ['reason'],
      registers: r,
    }),
    eventsIngested: {
      inc({ tenant }, count) {
        tenantLabels.admit(tenant);
        ingested.inc({ tenant: tenantLabels.label(tenant) }, count);
      },
    },
    backplaneErrors: new Counter({
      name: 'ops_hub_backplane_errors_total',
      help: 'Failed backplane operations (Redis errors)',
      labelNames: ['operation'],
      registers: r,
    }),
    operatorActions: new Counter({
      name: 'ops_hub_operator_actions_total',
      help: 'Operator actions by action and result (applied, duplicate, forbidden, not_found, unavailable, internal)',
      labelNames: ['action', 'result'],
      registers: r,
    }),
    backplaneStatusChanges: new Counter({
      name: 'ops_hub_backplane_status_changes_total',
      help: 'Backplane status changes; status="ready" counts Redis reconnects',
      labelNames: ['status'],
      registers: r,
    }),
    checkpoints: new Counter({
      name: 'ops_hub_checkpoints_total',
      help: 'Checkpoint writes by result',
      labelNames: ['result'],
      registers: r,
    }),
    redisErrors: new Counter({
      name: 'ops_hub_redis_errors_total',
      help: 'Redis errors by kind (connection, command, feed)',
      labelNames: ['kind'],
      registers: r,
    }),
    redisReconnects: new Counter({
      name: 'ops_hub_redis_reconnects_total',
      help: 'Redis connections ready again after a loss',
      labelNames: ['connection'],
      registers: r,
    }),
    redisFailovers: new Counter({
      name: 'ops_hub_redis_failovers_total',
      help: 'Times the Redis command connection came back to a different server (a failover)',
      registers: r,
    }),
    historyLost: new Counter({
      name: 'ops_hub_redis_history_lost_total',
      help: 'Times a tenant log in Redis went backwards and a new epoch was started',
      registers: r,
    }),
  };
}
