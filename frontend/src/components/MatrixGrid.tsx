import { type KeyboardEvent, type MouseEvent, memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { symbolToUrl } from '../lib/format';
import { matrixCellKey } from '../lib/liveCache';
import { describeCell, type GridPosition, type MatrixCell, type MatrixModel, moveInGrid } from '../lib/matrix';
import { changedProps, useChangedUntil } from '../live/highlights';
import { DirectionBadge } from './Display';

export interface RenderTiming {
  commitMs: number;
  paintMs: number;
}

function chartHref(cell: MatrixCell): string {
  const params = new URLSearchParams({ tf: cell.timeframe });
  if (cell.pattern) params.set('pattern', String(cell.pattern.id));
  return `/chart/${symbolToUrl(cell.symbol)}?${params.toString()}`;
}

const Cell = memo(function Cell({ cell, row, col, focused }: { cell: MatrixCell; row: number; col: number; focused: boolean }) {
  // A pattern or signal on this cell came in over the live stream a moment ago.
  const changed = changedProps(useChangedUntil(matrixCellKey(cell.symbol, cell.timeframe)));
  return (
    <td
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a cell of the keyboard grid below (roving tabindex)
      role="gridcell"
      tabIndex={focused ? 0 : -1}
      data-row={row}
      data-col={col}
      className={`mcell ${cell.tone} l${cell.level}${changed.className}`}
      data-changed={changed['data-changed']}
      aria-label={describeCell(cell)}
      title={describeCell(cell)}
    >
      {cell.pattern ? (
        <>
          <span className="mcell-label">{cell.label}</span>
          <span className="mcell-counts" aria-hidden="true">
            {cell.bullish}/{cell.bearish}
          </span>
        </>
      ) : (
        <span className="mcell-empty" aria-hidden="true">
          ·
        </span>
      )}
    </td>
  );
});

/**
 * The matrix as an ARIA grid: one tab stop, arrows/Home/End/PageUp/PageDown move, Enter or
 * click opens the chart. Times its render from `arrivedAt` (performance.now() when the data
 * was parsed) and reports it through `data-render-ms` and `onRendered`.
 */
export function MatrixGrid({
  model,
  arrivedAt,
  onRendered,
}: {
  model: MatrixModel;
  arrivedAt: number;
  onRendered?: (timing: RenderTiming) => void;
}) {
  const navigate = useNavigate();
  const tableRef = useRef<HTMLTableElement>(null);
  const [focus, setFocus] = useState<GridPosition>({ row: 0, col: 0 });
  const [moved, setMoved] = useState(false);
  const rows = model.rows.length;
  const cols = model.timeframes.length;
  const safeFocus = { row: Math.min(focus.row, Math.max(0, rows - 1)), col: Math.min(focus.col, Math.max(0, cols - 1)) };

  // Data cached before this grid mounted (e.g. fetched by the dashboard) is timed from the mount.
  const mountedAt = useRef(performance.now());
  const measuredFor = useRef<number | null>(null);
  useLayoutEffect(() => {
    const table = tableRef.current;
    // Time each arrival of data once (not re-renders for other reasons).
    if (!table || measuredFor.current === arrivedAt) return;
    measuredFor.current = arrivedAt;
    const from = Math.max(arrivedAt, mountedAt.current);
    const commitMs = performance.now() - from;
    table.dataset.renderMs = commitMs.toFixed(1);
    requestAnimationFrame(() => {
      setTimeout(() => {
        const paintMs = performance.now() - from;
        table.dataset.paintMs = paintMs.toFixed(1);
        onRendered?.({ commitMs, paintMs });
      }, 0);
    });
  }, [arrivedAt, onRendered]);

  useLayoutEffect(() => {
    if (!moved) return;
    const selector = `[data-row="${safeFocus.row}"][data-col="${safeFocus.col}"]`;
    tableRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [safeFocus.row, safeFocus.col, moved]);

  const cellAt = useCallback((position: GridPosition): MatrixCell | undefined => model.rows[position.row]?.cells[position.col], [model]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      const cell = cellAt(safeFocus);
      if (cell) {
        event.preventDefault();
        void navigate(chartHref(cell));
      }
      return;
    }
    const next = moveInGrid(safeFocus, event.key, rows, cols, event.ctrlKey || event.metaKey);
    if (next) {
      event.preventDefault();
      setMoved(true);
      setFocus(next);
    }
  };

  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('td[data-row]');
    if (!target) return;
    const position = { row: Number(target.dataset.row), col: Number(target.dataset.col) };
    setFocus(position);
    const cell = cellAt(position);
    if (cell) void navigate(chartHref(cell));
  };

  return (
    <div className="matrix-scroll">
      <table
        ref={tableRef}
        className="matrix"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern on a table: arrow keys move between cells
        role="grid"
        aria-label="Pattern matrix: symbols by timeframe"
        aria-rowcount={rows + 1}
        aria-colcount={cols + 1}
        onKeyDown={onKeyDown}
        onClick={onClick}
        data-testid="matrix"
      >
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              Symbol
            </th>
            {model.timeframes.map((timeframe) => (
              <th key={timeframe} scope="col">
                {timeframe}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row, rowIndex) => (
            <tr key={row.symbol}>
              <th scope="row" className="matrix-symbol">
                <Link to={`/chart/${symbolToUrl(row.symbol)}`} tabIndex={-1}>
                  {row.symbol}
                </Link>
                {row.signal ? (
                  <Link to={`/signals/${row.signal.id}`} className="matrix-signal" tabIndex={-1} title={`Open signal ${row.signal.status}`}>
                    <DirectionBadge direction={row.signal.direction} />
                  </Link>
                ) : null}
              </th>
              {row.cells.map((cell, colIndex) => (
                <Cell
                  key={cell.timeframe}
                  cell={cell}
                  row={rowIndex}
                  col={colIndex}
                  focused={rowIndex === safeFocus.row && colIndex === safeFocus.col}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
