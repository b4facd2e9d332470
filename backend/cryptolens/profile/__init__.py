"""The signed-in user's own view (`/api/v1/auth/me`): the account from auth, the tier and
limits from the principal, the subscription from billing.

A composition module, not a domain: auth and billing never import each other, so what shows
both lives here, above them, and reaches each only through its service and schemas (and the
identity layer for who is calling). Nothing imports this package but the app.
"""
