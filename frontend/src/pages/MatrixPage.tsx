import { useCallback, useMemo, useState } from 'react';
import { useMatrixData } from '../api/queries';
import { MatrixGrid, type RenderTiming } from '../components/MatrixGrid';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { matrixFromRows } from '../lib/matrix';

export function MatrixPage() {
  useDocumentTitle('Matrix');
  const matrix = useMatrixData();
  const [onlyActive, setOnlyActive] = useState(false);
  const [timing, setTiming] = useState<RenderTiming | null>(null);
  const model = useMemo(() => {
    if (!matrix.data) return null;
    const full = matrixFromRows(matrix.data.rows);
    if (!onlyActive) return full;
    return { ...full, rows: full.rows.filter((row) => row.cells.some((cell) => cell.pattern)) };
  }, [matrix.data, onlyActive]);
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
        <EmptyState title="No symbols to show">
          {onlyActive ? 'No symbol has an active pattern right now.' : 'No symbols are followed yet.'}
        </EmptyState>
      )}
    </div>
  );
}
