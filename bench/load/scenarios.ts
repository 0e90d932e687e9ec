/**
 * The scenarios of issue 7, full and `--quick`. Every run is bounded in clients, events and
 * time; quick versions keep the same shape at a tenth of the size so the whole set fits in
 * about three minutes.
 */
export interface Scenario {
  id: number;
  name: string;
  target: string;
  backplane: 'redis' | 'memory';
  hubs: number;
  clients: number;
  tenants: number;
  /**
   * Events per second per tenant; every client of a tenant receives all of them, so deliveries/s
   * is clients × this. Issue 7's "× 10 tenants × 200 events/s" is 200/s in all, 20 per tenant:
   * 5,000 clients × 20 = 100k deliveries/s. null: derived (scenario 4).
   */
  eventsPerSecondPerTenant: number | null;
  warmupMs: number;
  /** The measured window is cut into this many slices of `sliceMs` (p99 per slice shows growth). */
  slices: number;
  sliceMs: number;
  /** 0: none; 20: every 20th client stops reading (5%). */
  stallEvery: number;
  /** Filler bytes per event of the tenant stalled clients subscribe to (`bench-stall`); 0: they keep their own tenant. */
  stallTenantPadBytes: number;
  /** How long stalled clients, reading again at the end, get to see their 4008 close frame. */
  stallCloseWaitMs: number;
  /** Scenario 5: SIGKILL the first hub this far into the measured window. */
  killHubAtMs: number | null;
  /** Scenario 7: pollers (once per second) alongside the WebSocket clients. */
  pollers: number;
  generators: number;
  /** Bytes of filler in each event's data, so a stalled client fills its buffers sooner in short runs. */
  padBytes: number;
  /** Extra hub environment for this scenario. */
  hubEnv: Record<string, string>;
}

/**
 * The environment every bench hub gets: no per-IP connect limit or ingest limit in the way of
 * the load. Every bench client comes from 127.0.0.1 with one token subject, so the per-address
 * and per-subject admission caps (default 1,000 each) are raised above the largest scenario.
 */
export const BENCH_HUB_ENV: Record<string, string> = {
  HUB_IP_CONNECT_RATE: '0',
  HUB_MAX_CONNECTIONS: '100000',
  HUB_MAX_SOCKETS: '100000',
  HUB_MAX_SOCKETS_PER_ADDRESS: '100000',
  HUB_MAX_CONNECTIONS_PER_SUBJECT: '100000',
  HUB_INGEST_RATE: '1000000',
  HUB_LOG_LEVEL: 'warn',
  HUB_SHUTDOWN_TIMEOUT: '2s',
};

/**
 * Scenario 6's outgoing-buffer bound (the default is 8 MiB). Loopback socket buffers absorb
 * several MiB per stalled socket before the hub's own buffer grows at all (see
 * server/hub/slow-consumer.int.test.ts), so stalled clients subscribe to their own tenant whose
 * 20 ev/s carry 16 KiB each (≈ 8 MiB in 25 s), while the healthy ones keep scenario 2's load.
 */
export const STALL_BUFFER_BYTES = 65_536;

const base = {
  hubs: 1,
  warmupMs: 5_000,
  slices: 3,
  sliceMs: 10_000,
  stallEvery: 0,
  stallCloseWaitMs: 0,
  stallTenantPadBytes: 0,
  killHubAtMs: null,
  pollers: 0,
  generators: 2,
  padBytes: 0,
  hubEnv: {},
} satisfies Partial<Scenario>;

export function scenarios(quick: boolean): Scenario[] {
  const q = (full: number, small: number) => (quick ? small : full);
  const window = { warmupMs: q(5_000, 1_500), slices: 3, sliceMs: q(10_000, 1_500) };
  const list: Scenario[] = [
    {
      ...base,
      id: 1,
      name: `${q(10_000, 500)} idle clients across 100 tenants, one hub`,
      target: 'all connected; ≤ 12 KB RSS per connection; hub idle RSS ≤ 60 MiB',
      backplane: 'memory',
      clients: q(10_000, 500),
      tenants: 100,
      eventsPerSecondPerTenant: 0,
      warmupMs: 0,
      slices: 1,
      sliceMs: q(5_000, 1_000),
      generators: q(4, 1),
    },
    {
      ...base,
      ...window,
      id: 2,
      name: `${q(5_000, 200)} clients × 10 tenants × 200 ev/s (20 per tenant), Redis backplane`,
      target: '100% delivered in order; p99 ≤ 50 ms; hub ≤ 0.9 core',
      backplane: 'redis',
      clients: q(5_000, 200),
      tenants: 10,
      eventsPerSecondPerTenant: 20,
    },
    {
      ...base,
      ...window,
      id: 3,
      name: `the same on the embedded backplane`,
      target: '100% delivered in order; p99 ≤ 50 ms; hub ≤ 0.9 core',
      backplane: 'memory',
      clients: q(5_000, 200),
      tenants: 10,
      eventsPerSecondPerTenant: 20,
    },
    {
      ...base,
      ...window,
      id: 4,
      name: 'overload: twice the rate the hub sustained in scenario 2 (Redis)',
      target: 'p99 ≤ 1 s and not growing with the run; every event delivered, in batches',
      backplane: 'redis',
      clients: q(5_000, 200),
      tenants: 10,
      eventsPerSecondPerTenant: null,
      slices: q(4, 3),
    },
    {
      ...base,
      ...window,
      id: 5,
      name: `two hubs on one Redis; SIGKILL the one holding ${q(5_000, 200)} clients`,
      target: 'all live within 15 s; zero missing seqs',
      backplane: 'redis',
      hubs: 2,
      clients: q(5_000, 200),
      tenants: 10,
      eventsPerSecondPerTenant: 20,
      killHubAtMs: q(5_000, 1_500),
      slices: 3,
      sliceMs: q(10_000, 3_000),
    },
    {
      ...base,
      ...window,
      id: 6,
      name: `5% of ${q(5_000, 200)} clients stop reading (Redis)`,
      target: 'stalled clients closed with 4008; healthy p99 ≤ 1.5× scenario 2; hub memory bounded',
      backplane: 'redis',
      clients: q(5_000, 200),
      tenants: 10,
      eventsPerSecondPerTenant: 20,
      stallEvery: 20,
      stallCloseWaitMs: q(20_000, 6_000),
      sliceMs: q(10_000, 3_000),
      stallTenantPadBytes: 16_384,
      hubEnv: { HUB_MAX_BUFFERED_BYTES: String(STALL_BUFFER_BYTES) },
    },
    {
      ...base,
      ...window,
      id: 7,
      name: `polling baseline: ${q(50, 10)} pollers (1/s) vs ${q(50, 10)} WebSocket subscribers`,
      target: 'for context: requests/s, hub CPU, staleness; no target',
      backplane: 'memory',
      clients: q(50, 10),
      tenants: 1,
      eventsPerSecondPerTenant: 10,
      pollers: q(50, 10),
      generators: 1,
    },
  ];
  // One generator process in quick runs: forking costs more than 500 clients do.
  return quick ? list.map((s) => ({ ...s, generators: 1 })) : list;
}
