"""`/admin/users`: accounts as admins see and change them."""
