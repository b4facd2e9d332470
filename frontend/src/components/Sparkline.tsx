/** A small SVG line of a running total with its zero line: a setup's cumulative R over its outcomes. */
import './Sparkline.css';

export interface SparklineProps {
  /** [time, value] pairs, oldest first. */
  points: readonly (readonly number[])[];
  /** Read by screen readers and shown as the tooltip. */
  label: string;
  width?: number;
  height?: number;
}

/** The running total drawn from 0 before the first point, one step per point (evenly spaced in
 * their time order, so a burst of outcomes stays readable); the value axis always includes 0. */
export function sparklinePath(points: SparklineProps['points'], width: number, height: number) {
  const values = [0, ...points.map((point) => point[1] ?? 0)];
  const minV = Math.min(...values);
  const spanV = Math.max(...values) - minV || 1;
  const pad = 2;
  const step = (width - 2 * pad) / Math.max(1, values.length - 1);
  const y = (value: number) => pad + (1 - (value - minV) / spanV) * (height - 2 * pad);
  const coords = values.map((value, index) => [pad + index * step, y(value)] as const);
  return {
    coords,
    line: coords.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' '),
    zero: y(0),
  };
}

export function Sparkline({ points, label, width = 96, height = 24 }: SparklineProps) {
  if (points.length === 0) return <span className="muted small">no resolved signal</span>;
  const { line, zero } = sparklinePath(points, width, height);
  const last = points[points.length - 1]?.[1] ?? 0;
  const tone = last > 0 ? 'up' : last < 0 ? 'down' : 'muted';
  return (
    <svg className={`sparkline ${tone}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line className="sparkline-zero" x1={0} x2={width} y1={zero} y2={zero} />
      <polyline className="sparkline-line" points={line} />
    </svg>
  );
}
