"""Smart Money Concepts patterns: the pure detectors, the CSV reader and the `detect` command."""
