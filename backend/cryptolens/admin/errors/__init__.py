"""`/admin/errors`: the self-hosted error tracking (admin.md, "Errors")."""
