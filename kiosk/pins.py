"""PINs are kept only as salted scrypt hashes; a guard locks out guessing."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import Enum

from kiosk.clock import Clock

_N, _R, _P = 2**14, 8, 1
_PREFIX = "scrypt"


def hash_pin(pin: str) -> str:
    """`scrypt$n$r$p$salt$hash`, salt and hash in base64."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(
        (_PREFIX, str(_N), str(_R), str(_P), _b64(salt), _b64(digest)),
    )


def verify_pin(pin: str, stored: str) -> bool:
    parts = stored.split("$")
    if not is_pin_hash(stored):
        return False
    n, r, p = (int(x) for x in parts[1:4])
    salt, expected = base64.b64decode(parts[4]), base64.b64decode(parts[5])
    digest = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(expected), maxmem=2**26
    )
    return hmac.compare_digest(digest, expected)


def is_pin_hash(text: str) -> bool:
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != _PREFIX:
        return False
    if not all(part.isdigit() for part in parts[1:4]):
        return False
    try:
        base64.b64decode(parts[4], validate=True)
        return len(base64.b64decode(parts[5], validate=True)) >= 16
    except ValueError:
        return False


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


class PinOutcome(Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_SET = "not_set"


@dataclass(frozen=True)
class PinResult:
    """What one PIN check came to.

    `attempts_left` counts the wrong PINs still allowed before the lock;
    `locked_until` (Unix time) is set while the guard is locked.
    """

    outcome: PinOutcome
    attempts_left: int
    locked_until: float | None = None


class PinGuard:
    """One stored PIN hash, with a lock-out: `max_attempts` wrong PINs in a row
    lock it for `lock_seconds`, during which even the right PIN is refused.

    Meant for one screen on one thread. The lock-out lives in memory, so a
    restart of the kiosk clears it.
    """

    def __init__(
        self,
        stored: str,
        clock: Clock,
        *,
        max_attempts: int = 5,
        lock_seconds: float = 60,
    ) -> None:
        if max_attempts < 1 or lock_seconds <= 0:
            raise ValueError("max_attempts must be at least 1 and lock_seconds positive")
        self._stored = stored
        self._clock = clock
        self._max_attempts = max_attempts
        self._lock_seconds = lock_seconds
        self._failures = 0
        self._locked_at: float | None = None

    @property
    def is_set(self) -> bool:
        """False when no PIN is configured ("" in the settings): the caller decides."""
        return bool(self._stored)

    @property
    def attempts_left(self) -> int:
        """Wrong PINs still allowed before the lock; 0 while locked."""
        return 0 if self.locked_until is not None else self._max_attempts - self._failures

    @property
    def locked_until(self) -> float | None:
        """Unix time the lock ends, or None when not locked."""
        self._expire_lock()
        return None if self._locked_at is None else self._locked_at + self._lock_seconds

    def lock_remaining(self) -> float:
        """Seconds until the lock ends; 0 when not locked."""
        until = self.locked_until
        return 0.0 if until is None else until - self._clock.now()

    def check(self, pin: str) -> PinResult:
        """OK resets the count; the wrong PIN that uses the last attempt answers LOCKED."""
        if not self.is_set:
            return PinResult(PinOutcome.NOT_SET, 0)
        if self.locked_until is not None:
            return PinResult(PinOutcome.LOCKED, 0, self.locked_until)
        # scrypt takes 50–100 ms by design. That is fine on the UI thread for one
        # check per button press, and the lock-out keeps presses few; a
        # stronger hash or a loop of checks would belong on a worker.
        if verify_pin(pin, self._stored):
            self._failures = 0
            return PinResult(PinOutcome.OK, self._max_attempts)
        self._failures += 1
        if self._failures >= self._max_attempts:
            self._locked_at = self._clock.now()
            return PinResult(PinOutcome.LOCKED, 0, self.locked_until)
        return PinResult(PinOutcome.WRONG, self.attempts_left)

    def _expire_lock(self) -> None:
        if self._locked_at is None:
            return
        now = self._clock.now()
        if now < self._locked_at:
            # The clock was set back: the lock lasts lock_seconds from now,
            # not until a moment that may be hours away.
            self._locked_at = now
        if now >= self._locked_at + self._lock_seconds:
            self._locked_at = None
            self._failures = 0
