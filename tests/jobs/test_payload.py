"""Job payloads in Redis are JSON: arq's own serialization code round-trips jobs and results
through them, a failed job's exception is kept as text, and anything that is not a job this
code would enqueue (a pickle above all) is refused before arq looks inside."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from arq.jobs import (
    DeserializationError,
    SerializationError,
    deserialize_job_raw,
    deserialize_result,
    serialize_job,
    serialize_result,
)

from cryptolens.jobs.payload import PayloadError, check_arguments, dump_payload, load_payload

ENQUEUED_MS = 1_795_601_220_500


class OpensAFile:
    """Unpickling this creates a file: what a forged pickle payload could do instead."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.path, "w"))


def test_a_job_round_trips_through_arq_as_json() -> None:
    raw = serialize_job(
        "notify_signal", (), {"signal_id": 42}, None, ENQUEUED_MS, serializer=dump_payload
    )
    assert json.loads(raw) == {
        "t": None,
        "f": "notify_signal",
        "a": [],
        "k": {"signal_id": 42},
        "et": ENQUEUED_MS,
    }
    function, args, kwargs, job_try, enqueued = deserialize_job_raw(raw, deserializer=load_payload)
    assert (function, args, kwargs) == ("notify_signal", (), {"signal_id": 42})
    assert enqueued == ENQUEUED_MS
    assert job_try is None  # arq types it int, and leaves it out of a first enqueue


def test_a_failed_jobs_exception_is_kept_as_its_type_and_message() -> None:
    raw = serialize_result(
        "scan_symbol",
        (),
        {"symbol": "BTC/USDT"},
        2,
        ENQUEUED_MS,
        False,
        TimeoutError("took too long"),
        ENQUEUED_MS + 10,
        ENQUEUED_MS + 20,
        "scan:BTC/USDT:scan_symbol",
        "cryptolens:queue:default",
        "scan:BTC/USDT",
        serializer=dump_payload,
    )
    assert raw is not None
    result = deserialize_result(raw, deserializer=load_payload)
    assert result.success is False
    assert result.result == {"error": "TimeoutError", "message": "took too long"}
    assert result.kwargs == {"symbol": "BTC/USDT"} and result.job_try == 2


def test_a_finished_jobs_result_is_kept_as_json() -> None:
    raw = serialize_result(
        "notify_signal",
        (),
        {"signal_id": 1},
        1,
        ENQUEUED_MS,
        True,
        {"status": "ok", "error": None},
        ENQUEUED_MS,
        ENQUEUED_MS,
        "ref",
        "cryptolens:queue:high",
        "notify:1",
        serializer=dump_payload,
    )
    assert raw is not None
    assert json.loads(raw)["r"] == {"status": "ok", "error": None}


def test_only_ids_can_be_enqueued() -> None:
    assert check_arguments({"symbol": "BTC/USDT", "signal_id": 7, "ratio": 0.5}) == {
        "symbol": "BTC/USDT",
        "signal_id": 7,
        "ratio": 0.5,
    }
    with pytest.raises(TypeError, match="not an id"):
        check_arguments({"signal": {"id": 7}})
    # And arq cannot write an object into a payload either.
    with pytest.raises(SerializationError):
        serialize_job("f", (), {"when": object()}, None, ENQUEUED_MS, serializer=dump_payload)


def test_a_pickle_in_the_queue_is_refused_without_being_run(tmp_path: Path) -> None:
    forged = {"t": 1, "f": "notify_signal", "a": (), "k": {}, "et": ENQUEUED_MS}
    # What arq's default (pickle) would do with such a payload: run the forger's code.
    pickle.loads(pickle.dumps({**forged, "k": {"x": OpensAFile(tmp_path / "proof")}}))
    assert (tmp_path / "proof").exists()

    marker = tmp_path / "pwned"
    raw = pickle.dumps({**forged, "k": {"x": OpensAFile(marker)}})
    with pytest.raises(PayloadError, match="not JSON"):
        load_payload(raw)
    with pytest.raises(DeserializationError):
        deserialize_job_raw(raw, deserializer=load_payload)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"[1, 2]", "not a JSON object"),
        (b'{"a": [], "k": {}, "t": 1, "et": 1}', "no job name"),
        (b'{"f": "notify_signal", "a": [7], "k": {}, "t": 1, "et": 1}', "positional"),
        (b'{"f": "notify_signal", "a": [], "k": {"s": {"id": 7}}, "t": 1, "et": 1}', "not ids"),
        (b'{"f": "notify_signal", "a": [], "k": {}, "t": "1", "et": 1}', "try count"),
        (b'{"f": "notify_signal", "a": [], "k": {}, "t": 1}', "enqueue time"),
        (b"\xff\xfe", "not JSON"),
    ],
)
def test_a_payload_not_shaped_like_a_job_is_refused(raw: bytes, reason: str) -> None:
    with pytest.raises(PayloadError, match=reason):
        load_payload(raw)
