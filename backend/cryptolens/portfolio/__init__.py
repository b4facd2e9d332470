"""Portfolios and the trade journal (issue 19)."""
