"""Wrong-PIN counts that every screen and command of a kiosk share.

The count of a PIN lives in the data folder (`pin-lockout.json`), so the
doctor room's screen and `referral resolve --pin` count the same tries and a
restart clears nothing. Each change happens under a file lock held across the
PIN check itself, so two processes guessing at once get no more tries than
one; the file is replaced whole (written beside it, then renamed), so a
crash leaves the old count or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from kiosk.storage.files import replace_whole

LOCKOUT_FILE = "pin-lockout.json"
LOCK_WAIT = 10.0
"""Seconds to wait for another process's PIN check (one scrypt: ~0.1 s)."""

T = TypeVar("T")


@dataclass(frozen=True)
class Tries:
    """One PIN's count: wrong PINs since the last lock ended (or the right PIN),
    locks since the right PIN was last given, and the lock in force, if any."""

    failures: int = 0
    locks: int = 0
    locked_at: float | None = None
    lock_seconds: float = 0.0


class LockoutUnavailable(Exception):
    """The count could not be read or kept; *kept* is what the check decided."""

    def __init__(self, reason: str, kept: object = None) -> None:
        super().__init__(reason)
        self.kept = kept


class Lockouts(Protocol):
    """Where PINs' counts live, by the PIN's name (`admin`, `doctor`)."""

    def read(self, key: str) -> Tries: ...

    def update(self, key: str, change: Callable[[Tries], tuple[Tries, T]]) -> T:
        """Run *change* on the count with every other change held off, keep
        the count it returns, and give back its answer."""
        ...


class MemoryLockouts:
    """Counts in memory: one process only (tests, a guard nobody else shares)."""

    def __init__(self) -> None:
        self._tries: dict[str, Tries] = {}
        self._lock = threading.Lock()

    def read(self, key: str) -> Tries:
        with self._lock:
            return self._tries.get(key, Tries())

    def update(self, key: str, change: Callable[[Tries], tuple[Tries, T]]) -> T:
        with self._lock:
            tries, answer = change(self._tries.get(key, Tries()))
            self._tries[key] = tries
            return answer


class FileLockouts:
    """Counts in *folder*/pin-lockout.json, shared by every process of the folder."""

    def __init__(self, folder: str | os.PathLike[str], *, wait: float = LOCK_WAIT) -> None:
        self._path = Path(folder) / LOCKOUT_FILE
        self._wait = wait
        self._thread_lock = threading.Lock()  # filelock is per process and thread-reentrant

    @property
    def path(self) -> Path:
        return self._path

    def read(self, key: str) -> Tries:
        """The count now; one that cannot be read counts as none (and is not kept)."""
        try:
            with self._held():
                return self._load().get(key, Tries())
        except LockoutUnavailable:
            return Tries()

    def update(self, key: str, change: Callable[[Tries], tuple[Tries, T]]) -> T:
        with self._held():
            every = self._load()
            tries, answer = change(every.get(key, Tries()))
            every[key] = tries
            try:
                self._save(every)
            except OSError as exc:
                raise LockoutUnavailable(f"{self._path}: {exc.strerror}", answer) from None
            return answer

    def _held(self) -> _Held:
        return _Held(self._path.with_name(LOCKOUT_FILE + ".lock"), self._wait, self._thread_lock)

    def _load(self) -> dict[str, Tries]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}  # damaged: counting starts again (the file is rewritten whole)
        if not isinstance(data, dict):
            return {}
        return {key: _tries(value) for key, value in data.items() if isinstance(key, str)}

    def _save(self, every: dict[str, Tries]) -> None:
        text = json.dumps({key: asdict(tries) for key, tries in every.items()}, sort_keys=True)
        replace_whole(self._path, text.encode("utf-8"))


class _Held:
    """The file lock (and, inside the process, a thread lock) for one change."""

    def __init__(self, path: Path, wait: float, thread_lock: threading.Lock) -> None:
        from filelock import FileLock

        self._file_lock = FileLock(path)
        self._wait = wait
        self._thread_lock = thread_lock

    def __enter__(self) -> None:
        from filelock import Timeout

        if not self._thread_lock.acquire(timeout=self._wait):
            raise LockoutUnavailable("another PIN check of this process is still running")
        try:
            self._path_ready()
            self._file_lock.acquire(timeout=self._wait)
        except (Timeout, OSError) as exc:
            self._thread_lock.release()
            raise LockoutUnavailable(f"the PIN lock-out file is busy or unusable ({exc})") from None

    def __exit__(self, *exc: object) -> None:
        try:
            self._file_lock.release()
        finally:
            self._thread_lock.release()

    def _path_ready(self) -> None:
        Path(self._file_lock.lock_file).parent.mkdir(parents=True, exist_ok=True)


def _tries(value: object) -> Tries:
    """A count from the file; anything off its shape counts as none."""
    if not isinstance(value, dict):
        return Tries()
    failures, locks = _count(value.get("failures")), _count(value.get("locks"))
    raw_at = value.get("locked_at")
    locked_at, seconds = _time(raw_at), _time(value.get("lock_seconds"))
    if failures is None or locks is None or seconds is None:
        return Tries()
    if raw_at is not None and locked_at is None:
        return Tries()
    return Tries(failures, locks, locked_at, seconds)


def _count(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1_000_000:
        return value
    return None


def _time(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e12:
        return float(value)
    return None
