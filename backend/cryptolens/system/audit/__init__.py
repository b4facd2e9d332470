"""The audit log: one row per successful admin write, added in that write's transaction."""
