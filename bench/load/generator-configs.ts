import type { Scenario } from './scenarios';
import type { GeneratorConfig } from './worker-messages';

/** Where and as whom a scenario's generator processes connect. */
export interface GeneratorTarget {
  /** WebSocket URL of every hub; clients spread over them. */
  hubUrls: string[];
  /** Read token for every tenant, including the stall tenant. */
  token: string;
  tenants: string[];
  /** The tenant only stalled clients subscribe to, or null. */
  stallTenant: string | null;
  connectTimeoutMs: number;
}

/**
 * Splits a scenario's clients over its generator processes (an equal share each, the
 * last one taking the rest), plus one process for the HTTP pollers when it has any.
 */
export function generatorConfigs(scenario: Scenario, target: GeneratorTarget): GeneratorConfig[] {
  const share = Math.ceil(scenario.clients / scenario.generators);
  const configs: GeneratorConfig[] = [];
  for (let g = 0; g < scenario.generators; g += 1) {
    const clients = Math.min(share, scenario.clients - g * share);
    if (clients <= 0) continue;
    configs.push({
      hubUrls: target.hubUrls,
      token: target.token,
      tenants: target.tenants,
      clients,
      firstIndex: g * share,
      connectConcurrency: 64,
      connectTimeoutMs: target.connectTimeoutMs,
      stallEvery: scenario.stallEvery,
      stallTenant: target.stallTenant,
      reconnect: scenario.killHubAtMs !== null ? { baseMs: 1_000, capMs: 5_000 } : null,
      batch: true,
      pollIntervalMs: null,
    });
  }
  if (scenario.pollers > 0)
    configs.push({
      ...configs[0]!,
      clients: scenario.pollers,
      firstIndex: 0,
      pollIntervalMs: 1_000,
    });
  return configs;
}
