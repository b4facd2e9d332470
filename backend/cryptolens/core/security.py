"""Password hashing (argon2id), random tokens and their hashes, and encryption of reversible
secrets (MultiFernet, newest key first so keys can rotate)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import os
import secrets
import string
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from argon2 import PasswordHasher as Argon2Hasher
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from cryptolens.settings import Settings

TOKEN_BYTES = 32
# Hashing threads run at this nice value (Linux: per thread, inherited by argon2's own lane
# threads): when the cores are busy, requests win and sign-ins wait, rather than a burst of
# sign-ins taking the cores from every read. Idle cores still hash at full speed.
HASH_THREAD_NICE = 10
HASH_THREAD_PREFIX = "password-hash"
T = TypeVar("T")
_LOWER_ALNUM = string.ascii_lowercase + string.digits


def cpu_cores() -> int:
    """The cores this process may run on (its affinity), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class PasswordHasher:
    """argon2id. Production uses the RFC 9106 low-memory profile; `env=test` uses the minimum
    cost so the suite stays fast. Hashing runs in a thread: it is CPU-bound by design.

    At most `concurrency` hashes run at once (default: half the cores); the others wait their
    turn. Unbounded, a burst of sign-ins piles argon2 threads on the cores and starves every
    other request of the process. Callers hash with no database connection held, so waiting
    here never holds one."""

    def __init__(self, *, cheap: bool = False, concurrency: int = 0) -> None:
        if cheap:
            self._argon2 = Argon2Hasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
        else:
            self._argon2 = Argon2Hasher(type=Type.ID)
        # Half the cores by default: argon2 (4 lanes) saturates a core per hash, and the
        # other half stays for requests (bench/bench_load.py measures it).
        self.concurrency = concurrency or max(1, cpu_cores() // 2)
        self._turns = asyncio.Semaphore(self.concurrency)
        self._threads = ThreadPoolExecutor(
            self.concurrency, thread_name_prefix=HASH_THREAD_PREFIX, initializer=_lower_priority
        )
        # Verified against for unknown emails, so they cost the same time as a wrong password.
        self._dummy_hash = self._argon2.hash(secrets.token_urlsafe(16))

    @classmethod
    def for_settings(cls, settings: Settings) -> PasswordHasher:
        return cls(
            cheap=settings.env == "test",
            concurrency=settings.security.password_hash_concurrency,
        )

    async def hash(self, password: str) -> str:
        return await self._in_turn(lambda: self._argon2.hash(password))

    async def verify(self, password_hash: str, password: str) -> bool:
        return await self._in_turn(lambda: self._verify_sync(password_hash, password))

    async def _in_turn(self, work: Callable[[], T]) -> T:
        async with self._turns:
            return await asyncio.get_running_loop().run_in_executor(self._threads, work)

    async def burn_time(self, password: str) -> None:
        """Spend the time of one verification; the answer is ignored."""
        await self.verify(self._dummy_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        return self._argon2.check_needs_rehash(password_hash)

    def _verify_sync(self, password_hash: str, password: str) -> bool:
        try:
            return self._argon2.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def _lower_priority() -> None:
    # Not everywhere (no setpriority, or a sandbox refusing it): hashing then runs at the
    # process's own priority, bounded by the semaphore all the same.
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0) + HASH_THREAD_NICE)


def new_token(nbytes: int = TOKEN_BYTES) -> str:
    """A url-safe random token (32 bytes of entropy by default)."""
    return secrets.token_urlsafe(nbytes)


def random_lower_alnum(length: int) -> str:
    return "".join(secrets.choice(_LOWER_ALNUM) for _ in range(length))


def hash_token(token: str) -> str:
    """SHA-256 hex of a high-entropy token: enough, since the token cannot be guessed."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def tokens_equal(left: str, right: str) -> bool:
    """Constant-time comparison, so timing does not reveal how much of a token matched."""
    return hmac.compare_digest(left.encode("utf-8"), right.encode("utf-8"))


def derive_key(secret: str, purpose: str) -> bytes:
    """A key of its own for each use of the server secret."""
    return hmac.new(secret.encode("utf-8"), purpose.encode("utf-8"), hashlib.sha256).digest()


def sign(key: bytes, message: str) -> str:
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


class SecretBox:
    """Encrypts reversible secrets (TOTP seeds, provider keys) with the newest key; decrypts
    with any configured key so old rows keep working while keys rotate."""

    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise ValueError("SecretBox needs at least one Fernet key")
        fernets = [Fernet(key.encode("ascii")) for key in keys]
        self._primary = fernets[0]
        self._all = MultiFernet(fernets)

    @classmethod
    def for_settings(cls, settings: Settings) -> SecretBox:
        return cls(settings.fernet_keys())

    def encrypt(self, plaintext: str) -> str:
        return self._all.encrypt(plaintext.encode("utf-8")).decode("ascii")

    def decrypt(self, ciphertext: str) -> str:
        """Raises InvalidToken when no configured key opens it (never treated as plaintext)."""
        return self._all.decrypt(ciphertext.encode("ascii")).decode("utf-8")

    def needs_rotation(self, ciphertext: str) -> bool:
        try:
            self._primary.decrypt(ciphertext.encode("ascii"))
        except InvalidToken:
            return True
        return False

    def rotate(self, ciphertext: str) -> str:
        return self._all.rotate(ciphertext.encode("ascii")).decode("ascii")


__all__ = [
    "InvalidToken",
    "PasswordHasher",
    "SecretBox",
    "derive_key",
    "hash_token",
    "new_token",
    "random_lower_alnum",
    "sign",
    "tokens_equal",
]
