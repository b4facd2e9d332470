"""`GET /admin/audit-log`."""
