"""Subscriptions, plans and (later) payments: which tier a user has bought (the tier table and
its checks are the identity layer's, cryptolens.access)."""
