"""Signals: trade ideas from patterns that agree across timeframes (docs/rules/signals.md)."""
