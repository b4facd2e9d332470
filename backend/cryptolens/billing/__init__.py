"""Tiers, subscriptions and (later) payments."""
