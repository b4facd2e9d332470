/** The equity curve as a line series: lightweight-charts needs strictly increasing times (in
 * seconds), and two trades may close in the same second, so a later point in the same second
 * replaces the earlier one (the balance after both, which is what the curve shows). The value
 * is a number only here, for drawing; the figures on the page stay the strings sent. */
export interface LinePoint {
  time: number;
  value: number;
}

export function equityLine(points: readonly { time: string; balance: string }[]): LinePoint[] {
  const line: LinePoint[] = [];
  for (const point of points) {
    const time = Math.floor(Date.parse(point.time) / 1000);
    if (!Number.isFinite(time)) continue;
    const value = Number(point.balance);
    const last = line.at(-1);
    if (last && time <= last.time) {
      last.value = value;
      continue;
    }
    line.push({ time, value });
  }
  return line;
}
