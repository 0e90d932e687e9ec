/**
 * A small inline trend line. Decorative (aria-hidden): the tile states the
 * number in text, and the line only shows its shape over the last two hours.
 * Complete five-minute buckets are drawn solid; the current bucket, still
 * filling, is drawn dashed and lighter from the last complete one, so a rising
 * count never reads as a falling line. One complete bucket draws a flat line
 * with a dot at its end; none draws only the partial bucket (or nothing).
 */
const WIDTH = 120;
const HEIGHT = 28;
const PAD = 3;

type Point = { x: number; y: number };

/**
 * The SVG paths for `values` (complete buckets) and an optional `partial`
 * current bucket, in a WIDTH×HEIGHT box, on one scale. @internal
 */
export function sparklinePath(
  values: readonly number[],
  partial: number | null = null,
): { line: string; end: Point | null; partialLine: string; partialEnd: Point | null } {
  const all = partial === null ? values : [...values, partial];
  if (all.length === 0) return { line: '', end: null, partialLine: '', partialEnd: null };
  const max = Math.max(...all);
  const min = Math.min(...all);
  const span = max - min;
  // A flat series sits in the middle rather than on the floor.
  const y = (value: number) =>
    span === 0 ? HEIGHT / 2 : HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
  const fmt = (point: Point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`;
  if (all.length === 1) {
    const level = y(all[0] as number);
    const flat = `M${PAD},${level.toFixed(1)}H${WIDTH - PAD}`;
    const end = { x: WIDTH - PAD, y: level };
    return partial === null
      ? { line: flat, end, partialLine: '', partialEnd: null }
      : { line: '', end: null, partialLine: flat, partialEnd: end };
  }
  const step = (WIDTH - 2 * PAD) / (all.length - 1);
  const points = all.map((value, index) => ({ x: PAD + index * step, y: y(value) }));
  const solid = partial === null ? points : points.slice(0, -1);
  const line =
    solid.length === 1
      ? `M${fmt(solid[0] as Point)}`
      : solid.map((point, index) => `${index === 0 ? 'M' : 'L'}${fmt(point)}`).join('');
  const end = solid[solid.length - 1] ?? null;
  if (partial === null || !end) return { line, end, partialLine: '', partialEnd: null };
  const partialEnd = points[points.length - 1] as Point;
  return { line, end, partialLine: `M${fmt(end)}L${fmt(partialEnd)}`, partialEnd };
}

export function Sparkline({
  values,
  partial = null,
  tone = 'neutral',
}: {
  /** Complete buckets, oldest first. */
  values: readonly number[];
  /** The current bucket so far, drawn dashed; null for none. */
  partial?: number | null;
  tone?: 'neutral' | 'bad';
}) {
  const { line, end, partialLine, partialEnd } = sparklinePath(values, partial);
  return (
    <svg
      className={`sparkline sparkline--${tone}`}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      data-points={values.length + (partial === null ? 0 : 1)}
      data-partial={partial === null ? undefined : true}
    >
      {line && (
        <path
          className="sparkline__line"
          d={line}
          fill="none"
          strokeWidth="2"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      )}
      {partialLine && (
        <path
          className="sparkline__partial"
          d={partialLine}
          fill="none"
          strokeWidth="2"
          strokeDasharray="3 3"
          strokeLinecap="round"
        />
      )}
      {end && (
        <circle className="sparkline__end" cx={end.x.toFixed(1)} cy={end.y.toFixed(1)} r="2.5" />
      )}
      {partialEnd && (
        <circle
          className="sparkline__partial-end"
          cx={partialEnd.x.toFixed(1)}
          cy={partialEnd.y.toFixed(1)}
          r="2"
        />
      )}
    </svg>
  );
}
