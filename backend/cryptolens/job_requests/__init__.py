"""The write API: scans and fetches asked for by a user or an API key, and their status."""
