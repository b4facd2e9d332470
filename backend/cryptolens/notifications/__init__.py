"""Push notifications through NTFY: preferences, eligibility, fan-out, delivery, broadcasts."""
