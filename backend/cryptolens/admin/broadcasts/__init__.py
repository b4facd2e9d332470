"""`/admin/broadcast-templates` and `/admin/broadcasts` (admin.md, Broadcasts)."""
