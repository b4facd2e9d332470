import { chartTop, compactNumber, type Series, scale, valueAxis } from '../../lib/admin';

export interface ChartSeries extends Series {
  /** A CSS colour (a custom property from styles.css, e.g. var(--bull)). */
  color: string;
}

const WIDTH = 640;
const HEIGHT = 160;
const AXIS = 44;
const BOTTOM = 22;
const TOP = 8;

/** A small SVG column chart: grouped or stacked series over labelled columns, a value axis, a
 * legend and a title per column (the numbers, for hover and screen readers). No chart library. */
export function ColumnChart({
  title,
  labels,
  series,
  stacked = false,
  format = compactNumber,
  labelEvery = 1,
  integer = true,
}: {
  title: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  stacked?: boolean;
  format?: (value: number) => string;
  labelEvery?: number;
  /** Counts (the default) get whole-number ticks; amounts may get fractional ones. */
  integer?: boolean;
}) {
  const { max, ticks } = valueAxis(chartTop(series, stacked), 4, integer);
  // A fixed drawing width scaled to the box: few columns stay slim instead of growing huge.
  const slot = Math.min(48, (WIDTH - AXIS - 4) / Math.max(1, labels.length));
  const width = WIDTH;
  const bars = stacked ? 1 : series.length;
  const barWidth = Math.max(2, (slot * 0.8) / Math.max(1, bars));
  const y = (value: number) => TOP + HEIGHT - scale(value, max, HEIGHT);
  return (
    <figure className="chart-box">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${TOP + HEIGHT + BOTTOM}`}
        className="column-chart"
        role="img"
        aria-label={`${title}: ${labels.length} columns, up to ${format(max)}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={AXIS} x2={width} y1={y(tick)} y2={y(tick)} className="grid-line" />
            <text x={AXIS - 4} y={y(tick) + 3} className="axis-label" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {labels.map((label, index) => {
          const x0 = AXIS + index * slot + slot * 0.1;
          let base = 0;
          const tip = `${label}: ${series.map((one) => `${one.name} ${format(one.values[index] ?? 0)}`).join(', ')}`;
          return (
            <g key={label}>
              <title>{tip}</title>
              {series.map((one, position) => {
                const value = Math.max(0, one.values[index] ?? 0);
                const top = stacked ? y(base + value) : y(value);
                const bottom = stacked ? y(base) : y(0);
                base += value;
                const x = stacked ? x0 : x0 + position * barWidth;
                return <rect key={one.name} x={x} y={top} width={barWidth} height={Math.max(0, bottom - top)} fill={one.color} />;
              })}
              {index % labelEvery === 0 ? (
                <text x={x0 + (slot * 0.8) / 2} y={TOP + HEIGHT + 14} className="axis-label" textAnchor="middle">
                  {label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="chart-legend">
          {series.map((one) => (
            <li key={one.name}>
              <span className="swatch" style={{ background: one.color }} aria-hidden="true" /> {one.name}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}

/** Horizontal bars of a few named counts (users by tier). */
export function BarList({ title, items }: { title: string; items: readonly { label: string; value: number; color: string }[] }) {
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <figure className="chart-box">
      <figcaption>{title}</figcaption>
      <ul className="bar-list">
        {items.map((item) => (
          <li key={item.label}>
            <span className="bar-label">{item.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span style={{ width: `${(item.value / max) * 100}%`, background: item.color }} />
            </span>
            <span className="num">{item.value}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
