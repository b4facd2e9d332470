"""The identity layer: who is calling and what they may do.

A request becomes a `Principal` (principal.py): the user, the tier, the scopes and how it
authenticated. credentials.py builds it from the session cookie (API keys slot in beside it);
deps.py holds the route dependencies every domain uses (CurrentPrincipal, CurrentAccess,
RequireTier, AdminUser...). The tier table (tiers.py) and the per-user checks (user_access.py)
live here too, since every domain enforces them.

This package sits below the domains: it imports no domain. What it needs from them (a session's
user from accounts, a user's tier from subscriptions) it asks through the protocols in
ports.py, which auth and billing implement and the composition root (cryptolens.resources)
wires in.
"""
