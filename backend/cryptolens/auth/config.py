"""Settings of accounts, mail and plans live in the one Settings class; auth code names the
type it reads them from `AuthSettings` so its signatures say what they need."""

from __future__ import annotations

from cryptolens.settings import Settings, get_settings

AuthSettings = Settings
load_auth_settings = get_settings

__all__ = ["AuthSettings", "load_auth_settings"]
