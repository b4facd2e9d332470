"""Accounts: users, sessions, CSRF, email verification, password reset, lockout, TOTP."""
