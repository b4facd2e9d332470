"""Checks run by `make lint` beyond ruff and mypy."""
