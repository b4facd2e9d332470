"""User backtests (issue 20)."""
