"""The subscription rules of the admin API: service.py is what the admin routes call."""
