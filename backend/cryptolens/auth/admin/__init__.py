"""The accounts rules of the admin API (users): service.py is what the admin routes call."""
