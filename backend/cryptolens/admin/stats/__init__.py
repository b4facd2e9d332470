"""`GET /admin/stats` and the business gauges of /metrics (users, subscriptions)."""
