"""Accounts: users, sessions, email verification, password reset, lockout, TOTP, watchlists.

It answers the identity layer's questions about sessions and users (access_source.py); who is
calling is the identity layer's (cryptolens.access), and it never imports billing.
"""
