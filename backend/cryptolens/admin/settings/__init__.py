"""`/admin/settings`: the runtime settings (admin.md "Runtime settings")."""
