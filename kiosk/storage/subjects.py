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

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from kiosk.storage.errors import from_os_error

KEY_FILENAME = "subject.key"
KEY_META = "subject_key"
"""meta: the `mark` of the key the last close-out committed."""
KEY_TRIES = 3
T = TypeVar("T")


@dataclass(frozen=True)
class SubjectKey:
    """One day's key and when it was made (Unix seconds)."""

    secret: bytes
    created_at: float

    def subject(self, iin: str) -> str:
        return hmac.digest(self.secret, iin.encode("ascii", "replace"), "sha256").hex()

    @property
    def mark(self) -> str:
        """How the database names this key: a digest that tells nothing of the secret."""
        return hashlib.sha256(b"ashyq-kiosk subject key\0" + self.secret).hexdigest()[:32]


class KeyReplaced(Exception):
    """The day's key was replaced (a close-out) after a subject was worked out
    with the old one: nothing may be written under that subject any more."""


class SubjectKeys:
    """The key file of one data folder, shared by every thread and process using it.

    Reads are cached by the file's identity, so a key replaced by another
    process is picked up at the next use.

    The database decides when the key turns. A close-out writes the next key
    beside the current one (`subject.key.new`) and names it in the database
    (`meta`), in the transaction that forgets the day: from its commit on,
    that is the day's key for every connection, whether or not the file has
    been renamed yet; a close-out that did not commit leaves a file nobody
    uses. The file is put in place (the old key's bytes overwritten first),
    or an unused one removed, by the next connection that writes: under the
    database's write lock, so never while another stages one.
    """

    def __init__(self, path: Path | None, named: Callable[[], str | None] | None = None) -> None:
        """*named*: the key the database names (`mark` of the last one committed)."""
        self.path = path
        """None: a key held in memory only (for an in-memory database)."""
        self._named = named or (lambda: None)
        self._cache: dict[Path, tuple[tuple[int, int, int], SubjectKey]] = {}
        self._memory: SubjectKey | None = None
        self._staged_memory: SubjectKey | None = None

    @property
    def staged_path(self) -> Path | None:
        return None if self.path is None else self.path.with_name(self.path.name + ".new")

    def current(self, now: float) -> SubjectKey:
        """Today's key; made (as of *now*) when there is none yet."""
        try:
            return self._current(now)
        except OSError as exc:
            raise from_os_error(exc, str(self.path)) from None

    def _current(self, now: float) -> SubjectKey:
        staged = self._staged()
        if staged is not None and self._named() == staged.mark:
            return staged  # committed by a close-out, not yet put in place
        if self.path is None:
            if self._memory is None:
                self._memory = SubjectKey(secrets.token_bytes(32), now)
            return self._memory
        try:
            return self._read()
        except FileNotFoundError:
            pass
        _create_once(self.path, _encode(SubjectKey(secrets.token_bytes(32), now)))
        return self._read()

    def subject(self, iin: str, now: float) -> str:
        return self.current(now).subject(iin)

    def confirm(self, key: SubjectKey, now: float) -> None:
        """Raise KeyReplaced unless *key* is still the day's key. Inside a write
        transaction the answer holds until the commit: a close-out turns the key
        while it holds the database's write lock."""
        if self.current(now) != key:
            raise KeyReplaced

    def stage(self, now: float) -> SubjectKey:
        """Write the next key beside the current one; it becomes the day's key when
        the caller's transaction commits its `mark` (see the class)."""
        key = SubjectKey(secrets.token_bytes(32), now)
        staged = self.staged_path
        if staged is None:
            self._staged_memory = key
            return key
        try:
            with open(staged, "w", encoding="ascii") as handle:
                handle.write(_encode(key))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise from_os_error(exc, str(staged)) from None
        return key

    def settle(self) -> None:
        """Under the database's write lock: put a committed key in place (the old
        key's bytes overwritten first), or remove one that was never committed."""
        staged = self._staged()
        if staged is None:
            return
        committed = self._named() == staged.mark
        if self.path is None:
            if committed:
                self._memory = staged
            self._staged_memory = None
            return
        staged_path = self.staged_path
        assert staged_path is not None
        try:
            if committed:
                _overwrite(self.path)
                os.replace(staged_path, self.path)
            else:
                _overwrite(staged_path)
                staged_path.unlink()
        except OSError:
            # Gone already (another writer settled it), or held open by a reader
            # (Windows): the database still names the right key; a later write
            # settles the files.
            pass
        self._cache.clear()

    def _staged(self) -> SubjectKey | None:
        if self.path is None:
            return self._staged_memory
        staged_path = self.staged_path
        assert staged_path is not None
        try:
            return self._load(staged_path)
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None  # cut short as it was written: never committed

    def _read(self) -> SubjectKey:
        assert self.path is not None
        try:
            return self._load(self.path)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            # A damaged key file only costs today's links (presence, cache):
            # start a fresh key rather than stop the desk.
            key = SubjectKey(secrets.token_bytes(32), 0.0)
            _overwrite(self.path)
            self.path.write_text(_encode(key), encoding="ascii")
            return self._load(self.path)

    def _load(self, path: Path) -> SubjectKey:
        info = os.stat(path)
        identity = (info.st_ino, info.st_mtime_ns, info.st_size)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == identity:
            return cached[1]
        data = json.loads(path.read_text(encoding="ascii"))
        key = SubjectKey(bytes.fromhex(data["key"]), float(data["created_at"]))
        if len(key.secret) != 32:
            raise ValueError("short key")
        self._cache[path] = (identity, key)
        return key


def again_if_key_replaced(step: Callable[[], T]) -> T:
    """Run *step*; again when a close-out (another process's) replaced the key
    while it ran: its transaction wrote nothing, and the code belongs to the
    new day. A key replaced at every try (it cannot be) ends in KeyReplaced."""
    for _ in range(KEY_TRIES - 1):
        try:
            return step()
        except KeyReplaced:
            continue
    return step()


def _create_once(path: Path, text: str) -> None:
    """Write *path* whole unless it exists: the first of several racing writers
    wins, and nobody ever reads it half written (it appears complete, by a hard
    link from a file of the writer's own; where links fail, by a rename, which
    on Windows refuses an existing target)."""
    own = path.with_name(f"{path.name}.{secrets.token_hex(8)}.new")
    try:
        with open(own, "x", encoding="ascii") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(own, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            with contextlib.suppress(FileExistsError):
                os.rename(own, path)
    finally:
        own.unlink(missing_ok=True)


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
