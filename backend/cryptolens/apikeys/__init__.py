"""API keys: creation, scopes, limits, IP rules, usage; resolved into a Principal by access."""
