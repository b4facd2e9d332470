import { useCallback, useMemo, useState } from 'react';
import { type MatrixData, useMatrixData, useSymbols } from '../api/queries';
import { type RenderTiming, MatrixGrid } from '../components/MatrixGrid';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { type CellInput, type MatrixModel, type RowSignal, buildMatrix, cellsFromPatterns } from '../lib/matrix';

export const DEFAULT_TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'];

/** Turns either source (GET /matrix, or active patterns) into the grid model. */
export function modelFromData(data: MatrixData, symbols: readonly string[]): MatrixModel {
  if (data.matrix) {
    const cells: CellInput[] = [];
    const signals = new Map<string, RowSignal>();
    for (const row of data.matrix.rows) {
      if (row.signal) signals.set(row.symbol, row.signal);
      for (const cell of row.cells) cells.push({ ...cell, symbol: row.symbol });
    }
    return buildMatrix(
      data.matrix.rows.map((row) => row.symbol),
      data.matrix.timeframes.length ? data.matrix.timeframes : DEFAULT_TIMEFRAMES,
      cells,
      signals,
    );
  }
  const cells = cellsFromPatterns(data.patterns);
  const timeframes = new Set(DEFAULT_TIMEFRAMES);
  for (const cell of cells) timeframes.add(cell.timeframe);
  const rowSymbols = new Set(symbols);
  for (const cell of cells) rowSymbols.add(cell.symbol);
  return buildMatrix([...rowSymbols], [...timeframes], cells);
}

export function MatrixPage() {
  useDocumentTitle('Matrix');
  const matrix = useMatrixData();
  const symbols = useSymbols();
  const [onlyActive, setOnlyActive] = useState(false);
  const [timing, setTiming] = useState<RenderTiming | null>(null);
  const symbolNames = useMemo(() => (symbols.data ?? []).map((symbol) => symbol.symbol), [symbols.data]);
  const model = useMemo(() => {
    if (!matrix.data) return null;
    const full = modelFromData(matrix.data, symbolNames);
    if (!onlyActive) return full;
    return { ...full, rows: full.rows.filter((row) => row.cells.some((cell) => cell.pattern)) };
  }, [matrix.data, symbolNames, onlyActive]);
  const onRendered = useCallback((value: RenderTiming) => setTiming(value), []);

  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Pattern matrix</h1>
        <div className="toolbar">
          <label className="check">
            <input type="checkbox" checked={onlyActive} onChange={(event) => setOnlyActive(event.target.checked)} />
            Only symbols with patterns
          </label>
          <span className="legend" aria-hidden="true">
            <span className="mcell bull l4">▲ bull</span>
            <span className="mcell bear l4">▼ bear</span>
            <span className="muted small">darker = stronger · n/n = active bull/bear</span>
          </span>
        </div>
      </div>
      <p className="muted small">
        The freshest active pattern per symbol and timeframe. Arrow keys move, Enter opens the chart.
        {timing ? (
          <span className="render-timing" data-testid="matrix-timing">
            {' '}
            Rendered in {timing.commitMs.toFixed(0)} ms.
          </span>
        ) : null}
      </p>
      {matrix.isPending ? (
        <Skeleton rows={10} label="Loading the matrix" />
      ) : matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : model && model.rows.length > 0 ? (
        <MatrixGrid model={model} arrivedAt={matrix.data.arrivedAt} onRendered={onRendered} />
      ) : (
        <EmptyState title="No symbols to show">{onlyActive ? 'No symbol has an active pattern right now.' : 'No symbols are followed yet.'}</EmptyState>
      )}
    </div>
  );
}
