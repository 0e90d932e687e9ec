/**
 * A small inline trend line. Decorative (aria-hidden): the tile states the
 * number in text, and the line only shows its shape over the last two hours.
 * One bucket (the first five minutes) draws a flat line with a dot at its end,
 * so a fresh board already shows where the trend starts; none draws nothing.
 */
const WIDTH = 120;
const HEIGHT = 28;
const PAD = 3;

/** The SVG path for `values` in a WIDTH×HEIGHT box; empty for no values. @internal */
export function sparklinePath(values: readonly number[]): {
  line: string;
  end: { x: number; y: number } | null;
} {
  if (values.length === 0) return { line: '', end: null };
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min;
  // A flat series sits in the middle rather than on the floor.
  const y = (value: number) =>
    span === 0 ? HEIGHT / 2 : HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
  if (values.length === 1) {
    const level = y(values[0] as number);
    return {
      line: `M${PAD},${level.toFixed(1)}H${WIDTH - PAD}`,
      end: { x: WIDTH - PAD, y: level },
    };
  }
  const step = (WIDTH - 2 * PAD) / (values.length - 1);
  const points = values.map((value, index) => [PAD + index * step, y(value)] as const);
  const line = points
    .map(([px, py], index) => `${index === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`)
    .join('');
  const last = points[points.length - 1] as readonly [number, number];
  return { line, end: { x: last[0], y: last[1] } };
}

export function Sparkline({
  values,
  tone = 'neutral',
}: {
  values: readonly number[];
  tone?: 'neutral' | 'bad';
}) {
  const { line, end } = sparklinePath(values);
  return (
    <svg
      className={`sparkline sparkline--${tone}`}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      data-points={values.length}
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
      {end && (
        <circle className="sparkline__end" cx={end.x.toFixed(1)} cy={end.y.toFixed(1)} r="2.5" />
      )}
    </svg>
  );
}
