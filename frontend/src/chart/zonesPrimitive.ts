/** A series primitive that draws pattern zones as shaded rectangles under the candles
 * (lightweight-charts has no built-in rectangle), each with its label (a higher timeframe's
 * zone says which) in the top-left corner. */
import type {
  IChartApi,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesApi,
  ISeriesPrimitive,
  PrimitivePaneViewZOrder,
  SeriesAttachedParameter,
  SeriesType,
  Time,
  UTCTimestamp,
} from 'lightweight-charts';
import type { LabelledZone } from '../lib/chartZones';
import { zoneStyle } from '../lib/zones';

type DrawTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];

interface PixelBox {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  fill: string;
  stroke: string;
  emphasis: boolean;
  label: string | null;
}

const LABEL_PX = 10;

class ZonesRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly boxes: readonly PixelBox[]) {}

  draw(target: DrawTarget): void {
    // biome-ignore lint/correctness/useHookAtTopLevel: fancy-canvas's drawing call, not a React hook
    target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio, verticalPixelRatio }) => {
      for (const box of this.boxes) {
        const x = Math.round(box.x1 * horizontalPixelRatio);
        const y = Math.round(box.y1 * verticalPixelRatio);
        const width = Math.max(1, Math.round((box.x2 - box.x1) * horizontalPixelRatio));
        const height = Math.max(1, Math.round((box.y2 - box.y1) * verticalPixelRatio));
        context.fillStyle = box.fill;
        context.fillRect(x, y, width, height);
        context.lineWidth = Math.max(1, Math.round((box.emphasis ? 2 : 1) * horizontalPixelRatio));
        context.strokeStyle = box.emphasis ? 'rgba(250, 204, 21, 0.95)' : box.stroke;
        context.strokeRect(x + 0.5, y + 0.5, width - 1, height - 1);
        if (box.label && width > 24 * horizontalPixelRatio) {
          context.font = `${Math.round(LABEL_PX * verticalPixelRatio)}px system-ui, sans-serif`;
          context.textBaseline = 'top';
          context.fillStyle = box.stroke.replace(/[\d.]+\)$/, '0.95)');
          context.fillText(box.label, x + 3 * horizontalPixelRatio, y + 2 * verticalPixelRatio);
        }
      }
    });
  }
}

class ZonesPaneView implements IPrimitivePaneView {
  boxes: PixelBox[] = [];

  zOrder(): PrimitivePaneViewZOrder {
    return 'bottom';
  }

  renderer(): IPrimitivePaneRenderer {
    return new ZonesRenderer(this.boxes);
  }
}

export class ZonesPrimitive implements ISeriesPrimitive<Time> {
  private zones: readonly LabelledZone[] = [];
  private highlight: number | null = null;
  private chart: IChartApi | null = null;
  private series: ISeriesApi<SeriesType> | null = null;
  private requestUpdate: (() => void) | null = null;
  private readonly view = new ZonesPaneView();
  private readonly views: readonly IPrimitivePaneView[] = [this.view];

  attached(param: SeriesAttachedParameter<Time>): void {
    this.chart = param.chart as IChartApi;
    this.series = param.series;
    this.requestUpdate = param.requestUpdate;
  }

  detached(): void {
    this.chart = null;
    this.series = null;
    this.requestUpdate = null;
  }

  setZones(zones: readonly LabelledZone[], highlight: number | null = null): void {
    this.zones = zones;
    this.highlight = highlight;
    this.requestUpdate?.();
  }

  /** How many boxes were on screen at the last draw (tests read it). */
  get drawnCount(): number {
    return this.view.boxes.length;
  }

  updateAllViews(): void {
    const chart = this.chart;
    const series = this.series;
    if (!chart || !series) {
      this.view.boxes = [];
      return;
    }
    const timeScale = chart.timeScale();
    const halfBar = timeScale.options().barSpacing / 2;
    const width = timeScale.width();
    const boxes: PixelBox[] = [];
    for (const zone of this.zones) {
      const left = timeScale.timeToCoordinate(zone.from as UTCTimestamp);
      const right = zone.extendsRight ? width : timeScale.timeToCoordinate(zone.to as UTCTimestamp);
      const top = series.priceToCoordinate(zone.high);
      const bottom = series.priceToCoordinate(zone.low);
      if (left === null || right === null || top === null || bottom === null) continue;
      const x1 = left - halfBar;
      const x2 = zone.extendsRight ? right : right + halfBar;
      if (x2 < 0 || x1 > width) continue;
      const style = zoneStyle(zone);
      boxes.push({
        x1: Math.max(0, x1),
        x2: Math.min(width, x2),
        y1: Math.min(top, bottom),
        y2: Math.max(top, bottom),
        fill: style.fill,
        stroke: style.stroke,
        emphasis: zone.id === this.highlight,
        label: zone.label,
      });
    }
    this.view.boxes = boxes;
  }

  paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }
}
