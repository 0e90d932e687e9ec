import type { ReactNode } from 'react';
import type { Severity, TrendSeries } from '../../../protocol/board/board-selectors';
import { useMessages } from '../app/app-stores';
import { useChangedFlag } from '../hooks/use-changed-flag';
import { Icon, type IconName } from '../icons/icon';
import { Sparkline } from './sparkline';

/** A severity from the protocol's selectors, or neutral for a figure that has none. */
export type Tone = Severity | 'neutral';

/** The icon for each severity, used by every board so a colour always comes with the same shape. */
export const SEVERITY_ICON: Record<Severity, IconName> = {
  ok: 'check',
  warning: 'warning',
  bad: 'cross',
};

export interface KpiTileProps {
  label: string;
  /** The big number, already formatted. */
  value: string;
  /** The unformatted figure; the change highlight follows it, so switching language does not flash every tile. */
  raw?: number;
  detail?: ReactNode;
  /** Complete buckets and the current partial one (see trendSeries). */
  trend?: TrendSeries;
  tone?: Tone;
  /** Name of the tone for screen readers and for people who cannot tell the colours apart. */
  toneLabel?: string;
  /** Extra content under the figures (the low-stock tile lists its items). */
  children?: ReactNode;
  className?: string;
}

/** A glanceable KPI: label, big number, an optional status cue and trend; briefly highlighted when the number changes. */
export function KpiTile({
  label,
  value,
  raw,
  detail,
  trend,
  tone = 'neutral',
  toneLabel,
  children,
  className,
}: KpiTileProps) {
  const changed = useChangedFlag(raw ?? value);
  const { t } = useMessages();
  return (
    <section
      className={`kpi kpi--${tone}${changed ? ' kpi--changed' : ''}${className ? ` ${className}` : ''}`}
      aria-label={label}
      data-changed={changed || undefined}
    >
      <h3 className="kpi__label">{label}</h3>
      <p className="kpi__value" data-long={value.length > 9 || undefined}>
        {tone !== 'neutral' && (
          <span className="kpi__cue">
            <Icon name={SEVERITY_ICON[tone]} />{' '}
          </span>
        )}
        {value}
        {changed && <span className="visually-hidden"> ({t.kpi.changed})</span>}
      </p>
      {toneLabel && <p className="kpi__tone">{toneLabel}</p>}
      {detail && <p className="kpi__detail">{detail}</p>}
      {/* Long figures (LBP revenue runs to eight digits) get a smaller size instead of overflowing the tile. */}
      {children}
      {trend && (
        <Sparkline
          values={trend.complete}
          partial={trend.partial}
          tone={tone === 'bad' ? 'bad' : 'neutral'}
        />
      )}
    </section>
  );
}
