"""Outbound webhooks (premium): endpoints, signed deliveries, retries, log (spec webhooks.md)."""
