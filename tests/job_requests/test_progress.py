"""A request's status from its jobs' recorded tries (job_requests/progress.py): queued until a
job starts, running until every job ended, then succeeded or failed; a try to be tried again
is still running; a job skipped because the same work was running counts as done; users see
a failure's kind, never the runner's text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptolens.job_requests.progress import request_progress
from cryptolens.system.reads import RecordedRun

START = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
JOBS = [("BTC/USDT", "job_a:BTC/USDT"), ("ETH/USDT", "job_a:ETH/USDT")]


def run(job_id: str, status: str, seconds: int = 1, error: str | None = None) -> RecordedRun:
    ended = status != "running"
    return RecordedRun(
        job_id=job_id,
        status=status,  # type: ignore[arg-type]
        started_at=START,
        finished_at=START + timedelta(seconds=seconds) if ended else None,
        error=error,
        candles_fetched=10 if status == "ok" else 0,
        patterns_found=2 if status == "ok" else 0,
        signals_created=1 if status == "ok" else 0,
    )


def test_queued_until_a_job_starts_then_running_until_all_end() -> None:
    assert request_progress(JOBS, []).status == "queued"
    started = request_progress(JOBS, [run("job_a:BTC/USDT", "running")])
    assert started.status == "running"
    assert [job.status for job in started.jobs] == ["running", "queued"]
    half = request_progress(JOBS, [run("job_a:BTC/USDT", "ok")])
    assert (half.status, half.finished_at) == ("running", None)


def test_a_try_to_be_tried_again_is_still_running() -> None:
    retrying = run("job_a:BTC/USDT", "retrying", error="TransientJobError: boom")
    progress = request_progress(JOBS[:1], [retrying])
    assert (progress.status, progress.jobs[0].status, progress.error) == (
        "running",
        "running",
        None,
    )
    done = request_progress(JOBS[:1], [retrying, run("job_a:BTC/USDT", "ok", seconds=9)])
    assert done.status == "succeeded"
    assert done.finished_at == START + timedelta(seconds=9)


def test_all_ended_well_is_succeeded_with_the_counters_summed() -> None:
    progress = request_progress(
        JOBS, [run("job_a:BTC/USDT", "ok", 3), run("job_a:ETH/USDT", "ok", 5)]
    )
    assert (progress.status, progress.error) == ("succeeded", None)
    assert progress.finished_at == START + timedelta(seconds=5)
    counters = progress.counters
    assert (counters.candles_fetched, counters.patterns_found, counters.signals_created) == (
        20,
        4,
        2,
    )


def test_a_job_skipped_for_a_copy_running_counts_as_done() -> None:
    skipped = run("job_a:ETH/USDT", "skipped", error="another run is in progress")
    progress = request_progress(JOBS, [run("job_a:BTC/USDT", "ok"), skipped])
    assert progress.status == "succeeded"
    assert progress.jobs[1].status == "skipped"
    assert progress.jobs[1].error is not None and "already running" in progress.jobs[1].error


def test_a_failure_names_its_kind_never_the_runners_text() -> None:
    failed = run(
        "job_a:ETH/USDT", "failed", error="KeyError: 'secret' at /srv/cryptolens/market.py:12"
    )
    timed_out = run("job_a:BTC/USDT", "failed", error="TimeoutError: stopped at its 300 s limit")
    progress = request_progress(JOBS, [timed_out, failed])
    assert progress.status == "failed"
    assert progress.error == (
        "2 of 2 jobs failed: BTC/USDT: it ran out of time; "
        "ETH/USDT: an internal error (recorded for the operators)"
    )
    assert "secret" not in str(progress)
