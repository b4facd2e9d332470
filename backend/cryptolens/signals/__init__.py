"""Signals: trade ideas from patterns that agree across timeframes (spec/signals.md)."""
