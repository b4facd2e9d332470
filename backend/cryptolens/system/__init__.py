"""Operational pieces: key/value settings, job runs, health, serving and migration commands."""
