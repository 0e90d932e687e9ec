import type { ReactNode } from 'react';
import { useMessages } from '../app/app-stores';
import { useChangedFlag } from '../hooks/use-changed-flag';
import { Sparkline } from './sparkline';

export type Tone = 'ok' | 'warning' | 'bad' | 'neutral';

const TONE_ICON: Record<Tone, string> = { ok: '✓', warning: '▲', bad: '✕', neutral: '' };

export interface KpiTileProps {
  label: string;
  /** The big number, already formatted. */
  value: string;
  /** The unformatted figure; the change highlight follows it, so switching language does not flash every tile. */
  raw?: number;
  detail?: ReactNode;
  trend?: readonly number[];
  tone?: Tone;
  /** Name of the tone for screen readers and for people who cannot tell the colours apart. */
  toneLabel?: string;
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
}: KpiTileProps) {
  const changed = useChangedFlag(raw ?? value);
  const { t } = useMessages();
  return (
    <section
      className={`kpi kpi--${tone}${changed ? ' kpi--changed' : ''}`}
      aria-label={label}
      data-changed={changed || undefined}
    >
      <h3 className="kpi__label">{label}</h3>
      <p className="kpi__value" data-long={value.length > 9 || undefined}>
        {tone !== 'neutral' && (
          <span className="kpi__cue" aria-hidden="true">
            {TONE_ICON[tone]}{' '}
          </span>
        )}
        {value}
        {changed && <span className="visually-hidden"> ({t.kpi.changed})</span>}
      </p>
      {toneLabel && <p className="kpi__tone">{toneLabel}</p>}
      {detail && <p className="kpi__detail">{detail}</p>}
      {/* Long figures (LBP revenue runs to eight digits) get a smaller size instead of overflowing the tile. */}
      {trend && <Sparkline values={trend} tone={tone === 'bad' ? 'bad' : 'neutral'} />}
    </section>
  );
}
