import { compactNumber, scale, valueAxis } from '../../lib/admin';
import type { UsageDay } from './rules';

const WIDTH = 640;
const HEIGHT = 120;
const AXIS = 40;
const TOP = 6;
const BOTTOM = 18;

/** Requests per day as SVG bars: served in teal, refused (IP, scope, rate) stacked in red on
 * top. Each bar's title gives the numbers (hover, screen readers). No chart library. */
export function UsageChart({ days, title }: { days: readonly UsageDay[]; title: string }) {
  const top = Math.max(0, ...days.map((day) => day.requests));
  const { max, ticks } = valueAxis(top, 3, true);
  const slot = (WIDTH - AXIS - 4) / Math.max(1, days.length);
  const barWidth = Math.max(2, slot * 0.75);
  const y = (value: number) => TOP + HEIGHT - scale(value, max, HEIGHT);
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const total = days.reduce((sum, day) => sum + day.requests, 0);
  const refused = days.reduce((sum, day) => sum + day.refused, 0);
  return (
    <figure className="usage-chart-box" data-testid="usage-chart">
      <figcaption>
        {title}: <span className="num">{total.toLocaleString()}</span> requests
        {refused ? (
          <>
            , <span className="num down">{refused.toLocaleString()}</span> refused
          </>
        ) : null}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${TOP + HEIGHT + BOTTOM}`}
        className="usage-chart"
        role="img"
        aria-label={`${title}: ${total} requests over ${days.length} days, ${refused} refused`}
        preserveAspectRatio="xMinYMin meet"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={AXIS} x2={WIDTH} y1={y(tick)} y2={y(tick)} className="grid-line" />
            <text x={AXIS - 4} y={y(tick) + 3} className="axis-label" textAnchor="end">
              {compactNumber(tick)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = AXIS + index * slot + (slot - barWidth) / 2;
          const served = Math.max(0, day.requests - day.refused);
          return (
            <g key={day.day}>
              <title>{`${day.day}: ${day.requests} requests, ${day.refused} refused`}</title>
              {/* A transparent full-height rect makes the whole column hoverable. */}
              <rect x={AXIS + index * slot} y={TOP} width={slot} height={HEIGHT} fill="transparent" />
              <rect x={x} y={y(served)} width={barWidth} height={y(0) - y(served)} className="bar-served" />
              <rect x={x} y={y(day.requests)} width={barWidth} height={y(served) - y(day.requests)} className="bar-refused" />
              {index % labelEvery === 0 ? (
                <text x={x + barWidth / 2} y={TOP + HEIGHT + 13} className="axis-label" textAnchor="middle">
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
