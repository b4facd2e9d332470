"""Reading a /metrics scrape in tests."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families


def samples(text: str, name: str) -> list[tuple[dict[str, str], float]]:
    """Every sample called `name` (a counter's `_total` included) with its labels."""
    return [
        (dict(sample.labels), sample.value)
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    ]


def gauge(text: str, name: str, **labels: str) -> float | None:
    """The value of the sample of `name` with these labels, None when there is none."""
    for sample_labels, value in samples(text, name):
        if all(sample_labels.get(key) == wanted for key, wanted in labels.items()):
            return value
    return None
