"""The day's subject key: turns an IIN into the local key for a person.

Presence, the status cache and the re-scan window need to recognise the
same person again today, never tomorrow. They use `HMAC-SHA256(key, IIN)`
with a key that lives in its own file beside (not inside) the database,
is replaced at the end of each business day, and whose old bytes are
overwritten before the new key takes its place. Once replaced, nobody
holding the files can link yesterday's stored values to an IIN: neither by
reversing them nor by hashing candidate IINs.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from kiosk.storeerrors import from_os_error

KEY_FILENAME = "subject.key"


@dataclass(frozen=True)
class SubjectKey:
    """One day's key and when it was made (Unix seconds)."""

    secret: bytes
    created_at: float

    def subject(self, iin: str) -> str:
        return hmac.digest(self.secret, iin.encode("ascii", "replace"), "sha256").hex()


class SubjectKeys:
    """The key file of one data folder, shared by every thread and process using it.

    Reads are cached by the file's identity, so a key replaced by another
    process is picked up at the next use.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        """None: a key held in memory only (for an in-memory database)."""
        self._cached: tuple[tuple[int, int, int], SubjectKey] | None = None
        self._memory: SubjectKey | None = None

    def current(self, now: float) -> SubjectKey:
        """Today's key; made (as of *now*) when there is none yet."""
        try:
            return self._current(now)
        except OSError as exc:
            raise from_os_error(exc, str(self.path)) from None

    def _current(self, now: float) -> SubjectKey:
        if self.path is None:
            if self._memory is None:
                self._memory = SubjectKey(secrets.token_bytes(32), now)
            return self._memory
        try:
            return self._read()
        except FileNotFoundError:
            pass
        key = SubjectKey(secrets.token_bytes(32), now)
        try:
            with open(self.path, "x", encoding="ascii") as handle:  # first one wins
                handle.write(_encode(key))
                handle.flush()
                os.fsync(handle.fileno())
        except FileExistsError:
            pass
        return self._read()

    def subject(self, iin: str, now: float) -> str:
        return self.current(now).subject(iin)

    def replace(self, now: float) -> SubjectKey:
        """Put a new key in place and overwrite the old one's bytes first."""
        try:
            return self._replace(now)
        except OSError as exc:
            raise from_os_error(exc, str(self.path)) from None

    def _replace(self, now: float) -> SubjectKey:
        key = SubjectKey(secrets.token_bytes(32), now)
        if self.path is None:
            self._memory = key
            return key
        temporary = self.path.with_name(self.path.name + ".new")
        with open(temporary, "w", encoding="ascii") as handle:
            handle.write(_encode(key))
            handle.flush()
            os.fsync(handle.fileno())
        _overwrite(self.path)
        os.replace(temporary, self.path)
        self._cached = None
        return self._read()

    def _read(self) -> SubjectKey:
        assert self.path is not None
        info = os.stat(self.path)
        identity = (info.st_ino, info.st_mtime_ns, info.st_size)
        if self._cached is not None and self._cached[0] == identity:
            return self._cached[1]
        try:
            data = json.loads(self.path.read_text(encoding="ascii"))
            key = SubjectKey(bytes.fromhex(data["key"]), float(data["created_at"]))
            if len(key.secret) != 32:
                raise ValueError("short key")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            # A damaged key file only costs today's links (presence, cache):
            # start a fresh key rather than stop the desk.
            key = SubjectKey(secrets.token_bytes(32), 0.0)
            _overwrite(self.path)
            self.path.write_text(_encode(key), encoding="ascii")
            return self._read()
        self._cached = (identity, key)
        return key


def _encode(key: SubjectKey) -> str:
    return json.dumps({"key": key.secret.hex(), "created_at": key.created_at})


def _overwrite(path: Path) -> None:
    """Zero a file's bytes in place (best effort; the file system may keep old blocks)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    except FileNotFoundError:
        pass
