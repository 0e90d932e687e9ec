/**
 * A small inline trend line. Decorative (aria-hidden): the tile states the
 * number in text, and the line only shows its shape over the last two hours.
 */
export function Sparkline({ values, tone = 'neutral' }: { values: readonly number[]; tone?: 'neutral' | 'bad' }) {
  const width = 120;
  const height = 28;
  if (values.length < 2) return <svg className="sparkline" width={width} height={height} aria-hidden="true" data-points={values.length} />;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  const points = values.map((value, index) => `${(index * step).toFixed(1)},${(height - 2 - ((value - min) / span) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <svg className={`sparkline sparkline--${tone}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" data-points={values.length}>
      <polyline points={points} fill="none" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
