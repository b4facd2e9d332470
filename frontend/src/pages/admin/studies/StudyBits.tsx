import type { Study } from './queries';

/** The spec's words, shown before any study exists (each study carries its own copy). */
export const WARNING_FALLBACK =
  'Train results overstate performance: among many combinations some look good by chance. Only the test (out-of-sample) figures ' +
  'estimate what to expect; fewer than 100 resolved test signals or a few windows are weak evidence, and the past does not ' +
  'guarantee the future.';

export function StudyProgress({ study }: { study: Study }) {
  const value = Math.max(0, Math.min(100, study.progress));
  return (
    <div className="bt-progress" data-testid={`study-progress-${study.id}`}>
      <div
        className="bt-progress-track"
        role="progressbar"
        aria-label={`Study #${study.id} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
      >
        <div className="bt-progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="muted small num">
        {value} % · {study.replays_done} of {study.replays_total} replays · {study.status}
      </span>
    </div>
  );
}
