"""Errors of the accounts domain (each maps to the envelope through core.errors.AppError).

Refusals of who is calling (not signed in, not verified, not an admin) are the identity
layer's: cryptolens.access.errors."""

from __future__ import annotations

from cryptolens.core.errors import AppError, BadRequestError, ConflictError, UnauthorizedError

# One message for unknown email, wrong password and inactive account: nothing to enumerate.
INVALID_LOGIN = "Invalid email or password"
# When the request carried a code, a wrong password and a wrong code read the same.
INVALID_LOGIN_WITH_CODE = "Invalid email, password or code"


class InvalidCredentialsError(UnauthorizedError):
    code = "invalid_credentials"

    def __init__(self, detail: str = INVALID_LOGIN) -> None:
        super().__init__(detail)


class AccountLockedError(UnauthorizedError):
    code = "account_locked"

    def __init__(self, minutes_left: int) -> None:
        super().__init__(f"Account temporarily locked, try again in {minutes_left} minutes")
        self.minutes_left = minutes_left


class PendingLoginExpiredError(UnauthorizedError):
    code = "login_expired"

    def __init__(self) -> None:
        super().__init__("The sign-in step expired; enter your email and password again")


class EmailTakenError(ConflictError):
    code = "email_taken"

    def __init__(self) -> None:
        super().__init__("Email already registered")


class InvalidLinkError(BadRequestError):
    code = "invalid_token"

    def __init__(self) -> None:
        super().__init__("This link is invalid, already used or expired")


class WrongPasswordError(BadRequestError):
    code = "wrong_password"

    def __init__(self) -> None:
        super().__init__("The current password is not correct")


class InvalidCodeError(BadRequestError):
    code = "invalid_code"

    def __init__(self) -> None:
        super().__init__("The code is not valid")


class TwoFactorStateError(ConflictError):
    code = "two_factor_state"


__all__ = [
    "INVALID_LOGIN",
    "INVALID_LOGIN_WITH_CODE",
    "AccountLockedError",
    "AppError",
    "EmailTakenError",
    "InvalidCodeError",
    "InvalidCredentialsError",
    "InvalidLinkError",
    "PendingLoginExpiredError",
    "TwoFactorStateError",
    "WrongPasswordError",
]
