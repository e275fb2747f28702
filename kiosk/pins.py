"""PINs are kept only as salted scrypt hashes; a guard locks out guessing."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from enum import Enum

from kiosk.storage.lockout import Lockouts, LockoutUnavailable, MemoryLockouts, Tries
from shared.clock import Clock

_N, _R, _P = 2**14, 8, 1
_PREFIX = "scrypt"
_MAXMEM = 2**27  # what scrypt may use for one check (128 MiB); hashes are held to half
_MAX_WORK = 2**14 * 8 * 8  # n·r·p: at most eight times the cost of the hashes made here

RECOMMENDED_DIGITS = 6
"""A 4-digit PIN's hash falls to a search of all 10⁴ PINs in minutes
(docs/operator.md); 6 digits make it 100 times longer."""
MIN_DIGITS, MAX_DIGITS = 4, 12


@dataclass(frozen=True)
class PinHash:
    """A stored hash, read: scrypt's parameters, salt and digest, and the
    fewest digits the PIN has (None: a hash made before lengths were kept)."""

    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes
    digits_at_least: int | None


def hash_pin(pin: str) -> str:
    """`scrypt$n$r$p$salt$hash$L<k>`, salt and hash in base64. `L<k>` records
    that the PIN has at least k digits (k is its length, 6 at most), so the
    settings can warn about a short PIN without knowing it."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    at_least = f"L{min(len(pin), RECOMMENDED_DIGITS)}"
    return "$".join(
        (_PREFIX, str(_N), str(_R), str(_P), _b64(salt), _b64(digest), at_least),
    )


def verify_pin(pin: str, stored: str) -> bool:
    read = read_pin_hash(stored)
    if read is None:
        return False
    try:
        digest = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=read.salt,
            n=read.n,
            r=read.r,
            p=read.p,
            dklen=len(read.digest),
            maxmem=_MAXMEM,
        )
    except (ValueError, MemoryError):  # parameters this machine cannot run: no match
        return False
    return hmac.compare_digest(digest, read.digest)


def is_pin_hash(text: str) -> bool:
    """A hash `hash-pin` makes (or made, before lengths were kept), with scrypt
    parameters a kiosk can check in well under a second."""
    return read_pin_hash(text) is not None


def read_pin_hash(text: str) -> PinHash | None:
    """*text* as a PIN hash, or None when it is not one a kiosk can use."""
    parts = text.split("$")
    if len(parts) not in (6, 7) or parts[0] != _PREFIX:
        return None
    if not all(0 < len(x) <= 8 and x.isascii() and x.isdigit() for x in parts[1:4]):
        return None
    n, r, p = (int(x) for x in parts[1:4])
    power_of_two = n >= 2 and n & (n - 1) == 0
    memory = 128 * r * (n + p + 2)
    if not (power_of_two and n >= 2**10 and r >= 1 and p >= 1 and n * r * p <= _MAX_WORK):
        return None
    if memory > _MAXMEM // 2:
        return None
    try:
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if not (8 <= len(salt) <= 64 and 16 <= len(digest) <= 64):
        return None
    digits = None
    if len(parts) == 7:
        mark = parts[6]
        if not (len(mark) == 2 and mark[0] == "L" and mark[1] in "456"):
            return None
        digits = int(mark[1])
    return PinHash(n, r, p, salt, digest, digits)


def short_pin(stored: str) -> bool | None:
    """Whether the PIN behind *stored* may have fewer than RECOMMENDED_DIGITS
    digits: True, False, or None when the hash does not say (made before
    lengths were kept) or is no PIN hash."""
    read = read_pin_hash(stored)
    if read is None or read.digits_at_least is None:
        return None
    return read.digits_at_least < RECOMMENDED_DIGITS


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
    lock it, during which even the right PIN is refused. The first lock lasts
    `lock_seconds`, each further one (before the right PIN is given) twice the
    one before, up to `max_lock_seconds`.

    The count lives in *lockouts* under *key* (`admin`, `doctor`): give every
    guard of a kiosk the data folder's :class:`kiosk.storage.lockout.FileLockouts`, and
    its screens and commands share one count that a restart does not clear.
    Without it the count is this guard's own, in memory.
    """

    def __init__(
        self,
        stored: str,
        clock: Clock,
        *,
        max_attempts: int = 5,
        lock_seconds: float = 60,
        max_lock_seconds: float = 3600,
        lockouts: Lockouts | None = None,
        key: str = "pin",
    ) -> None:
        if max_attempts < 1 or lock_seconds <= 0 or max_lock_seconds < lock_seconds:
            raise ValueError(
                "max_attempts must be at least 1, lock_seconds positive and "
                "max_lock_seconds at least lock_seconds"
            )
        self._stored = stored
        self._clock = clock
        self._max_attempts = max_attempts
        self._lock_seconds = lock_seconds
        self._max_lock = max_lock_seconds
        self._lockouts: Lockouts = lockouts if lockouts is not None else MemoryLockouts()
        self._key = key

    @property
    def is_set(self) -> bool:
        """False when no PIN is configured ("" in the settings): the caller decides."""
        return bool(self._stored)

    @property
    def attempts_left(self) -> int:
        """Wrong PINs still allowed before the lock; 0 while locked."""
        tries = self._current()
        return 0 if tries.locked_at is not None else self._max_attempts - tries.failures

    @property
    def locked_until(self) -> float | None:
        """Unix time the lock ends, or None when not locked."""
        return _until(self._current())

    def lock_remaining(self) -> float:
        """Seconds until the lock ends; 0 when not locked."""
        until = self.locked_until
        return 0.0 if until is None else max(0.0, until - self._clock.now())

    def check(self, pin: str) -> PinResult:
        """OK resets the count; the wrong PIN that uses the last attempt answers LOCKED.

        A count that cannot be kept (the data folder unwritable, another
        process stuck) refuses any PIN but the right one: no guess goes uncounted.
        """
        if not self.is_set:
            return PinResult(PinOutcome.NOT_SET, 0)
        try:
            return self._lockouts.update(self._key, lambda tries: self._judge(tries, pin))
        except LockoutUnavailable as exc:
            if isinstance(exc.kept, PinResult) and exc.kept.outcome is PinOutcome.OK:
                return exc.kept
            return PinResult(PinOutcome.LOCKED, 0, self._clock.now() + self._lock_seconds)

    def _judge(self, before: Tries, pin: str) -> tuple[Tries, PinResult]:
        tries = self._now(before)
        if tries.locked_at is not None:
            return tries, PinResult(PinOutcome.LOCKED, 0, _until(tries))
        # scrypt takes 50–100 ms by design. That is fine on the UI thread for one
        # check per button press, and the lock-out keeps presses few; a
        # stronger hash or a loop of checks would belong on a worker.
        if verify_pin(pin, self._stored):
            return Tries(), PinResult(PinOutcome.OK, self._max_attempts)
        failures = tries.failures + 1
        if failures < self._max_attempts:
            left = self._max_attempts - failures
            return replace(tries, failures=failures), PinResult(PinOutcome.WRONG, left)
        seconds = min(self._lock_seconds * 2 ** min(tries.locks, 32), self._max_lock)
        locked = Tries(failures, tries.locks + 1, self._clock.now(), seconds)
        return locked, PinResult(PinOutcome.LOCKED, 0, _until(locked))

    def _current(self) -> Tries:
        """The count now; a lock moved by a clock set back is kept moved."""
        tries = self._lockouts.read(self._key)
        if tries.locked_at is not None and self._clock.now() < tries.locked_at:
            with contextlib.suppress(LockoutUnavailable):
                return self._lockouts.update(self._key, lambda t: (self._now(t), self._now(t)))
        return self._now(tries)

    def _now(self, tries: Tries) -> Tries:
        """The count as it stands now: a lock that has run out is over."""
        if tries.locked_at is None:
            return tries
        now = self._clock.now()
        if now < tries.locked_at:
            # The clock was set back: the lock lasts its time from now, not
            # until a moment that may be hours away.
            tries = replace(tries, locked_at=now)
        assert tries.locked_at is not None
        if now >= tries.locked_at + tries.lock_seconds:
            return Tries(0, tries.locks)
        return tries


def _until(tries: Tries) -> float | None:
    return None if tries.locked_at is None else tries.locked_at + tries.lock_seconds
