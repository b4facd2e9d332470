"""Self-hosted error tracking: unhandled API exceptions and failed job runs, grouped."""
