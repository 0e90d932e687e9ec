import { BOARD_LIMITS, type MetricValue } from '../board-state';
import { withEntry } from '../board-collections';
import { ownValue } from '../id-record';
import type { DomainSteps } from './domain-step';

/**
 * The metrics domain (`metric`): the latest value of each named metric, tenant-wide
 * (metrics ignore the location). At most `BOARD_LIMITS.metrics` names; values for
 * further names are ignored.
 * @internal
 */
export const metricsDomain: DomainSteps = {
  metric: (state, { ts, data }) => {
    if (
      !ownValue(state.metrics, data.name) &&
      Object.keys(state.metrics).length >= BOARD_LIMITS.metrics
    )
      return state;
    const metric: MetricValue = {
      name: data.name,
      value: data.value,
      ...(data.unit ? { unit: data.unit } : {}),
      ...(data.labels ? { labels: data.labels } : {}),
      at: ts,
    };
    return { ...state, metrics: withEntry(state.metrics, data.name, metric) };
  },
};
