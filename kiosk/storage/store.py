"""The kiosk's SQLite database: connection, schema versions, failures.

One file in the user data directory, WAL mode, `synchronous=FULL` so a
check-in the screen showed survives a power cut, and `secure_delete` so
erased IINs cannot be read back from the file. Each thread opens its own
`Store` (connections are not shared across threads).

The files are watched: a write-ahead log removed under a running desk (a
clean-up tool, an antivirus) is folded back into the main file through the
still-open connection before anything else is confirmed, and every other
connection to the file (the desk's network thread, another process) then
moves to the new log; a main file removed or replaced is copied out to a
rescue file and the store refuses to go on (`StoreProblem.REPLACED`). A log
cut short while the kiosk was off is caught at the next open by the
outbox's high-water mark (:mod:`kiosk.storage.eventmark`).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.storage.errors import StoreError, StoreProblem, classify
from kiosk.storage.eventmark import MARK_SUFFIX, EventMark, LostEvents
from kiosk.storage.schema import MIGRATIONS
from kiosk.storage.subjects import KEY_FILENAME, KEY_META, SubjectKeys

DB_FILENAME = "kiosk.sqlite3"
BUSY_TIMEOUT_MS = 5000
CHECKPOINT_TRIES = 3  # each waits up to BUSY_TIMEOUT_MS for readers to move on
FOLD_WAIT = 15.0
"""Seconds a removed log may take to be folded in while other connections read."""


FileId = tuple[int, int]


class Store:
    """One connection to the kiosk database (one per thread)."""

    def __init__(self, path: Path | str, *, migrations: tuple[str, ...] = MIGRATIONS) -> None:
        self.path = Path(path)
        self._on_disk = str(path) != ":memory:"
        self._watched = (str(self.path), str(self.wal_path))  # stat'ed twice per write
        key_path = self.path.with_name(KEY_FILENAME) if self._on_disk else None
        self.keys = SubjectKeys(key_path, lambda: self.get_meta(KEY_META))
        """The day's subject key, in its own file beside the database."""
        self.rescues: list[str] = []
        """What the store had to rescue since the owner last looked (then cleared)."""
        mark = self.path.with_name(self.path.name + MARK_SUFFIX) if self._on_disk else None
        self._mark = EventMark(mark)
        self.lost_events: LostEvents | None = None
        """Confirmed events the database no longer holds (its log was cut), found
        at open; reported with :meth:`lost_events_reported`."""
        self._open(migrations)

    def _open(self, migrations: tuple[str, ...] = MIGRATIONS) -> None:
        try:
            if self._on_disk:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=True)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(StoreProblem.READ_ONLY, f"{self.path}: {exc}") from None
        self.conn = conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = ON")
            self._files = self._file_ids()
            self._migrate(migrations)
            self.lost_events = self._mark.check(self._outbox_counter()) or self.lost_events
        except sqlite3.Error as exc:
            conn.close()
            raise classify(exc) from None
        self._files = self._file_ids()

    @classmethod
    def in_dir(cls, data_dir: Path) -> Store:
        return cls(data_dir / DB_FILENAME)

    def close(self) -> None:
        self._mark.close()
        self.conn.close()

    def lost_events_reported(self) -> None:
        """The loss found at open is on record (an alert): the mark starts again
        from what the database holds."""
        if self.lost_events is not None:
            self._mark.restart(self._outbox_counter())
            self.lost_events = None

    def _outbox_counter(self) -> int:
        """The outbox's AUTOINCREMENT counter: the last event sequence ever given."""
        try:
            row = self.conn.execute(
                "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'"
            ).fetchone()
        except sqlite3.OperationalError:  # a schema without the outbox (tests' own)
            return 0
        return int(row[0]) if row is not None else 0

    # -- the files under the connection --------------------------------------

    @property
    def wal_path(self) -> Path:
        return self.path.with_name(self.path.name + "-wal")

    def _file_ids(self) -> tuple[FileId | None, FileId | None]:
        if not self._on_disk:
            return (None, None)
        main, wal = self._watched
        return (_file_id(main), _file_id(wal))

    def guard(self) -> None:
        """Make sure the connection still writes to the files on disk.

        A write-ahead log removed under us is folded into the main file
        through this connection (which still holds it), then the store
        reopens on a new log. When another connection got there first (the
        log in place is a new one), this one finds nothing left to fold and
        just moves over. A main file removed or replaced cannot be written
        any more: what this connection sees is copied to a rescue file and
        `StoreError(REPLACED)` is raised.
        """
        if not self._on_disk:
            return
        main, wal = self._file_ids()
        known_main, known_wal = self._files
        if main != known_main:
            rescue = self._copy_out()
            self.conn.close()
            raise StoreError(StoreProblem.REPLACED, f"{self.path}; rescue file: {rescue}")
        if wal == known_wal:
            return
        if known_wal is None:  # the log appeared (first write after open): now it is ours
            self._files = (main, wal)
            return
        try:
            folded = self._fold_log()
        except sqlite3.Error as exc:
            # The log index describes a log this connection cannot read: another
            # connection folded ours in and started a new one. Anything else
            # (no new log in place) and the frames only this connection still
            # holds cannot be folded: rescue what it sees.
            if self._file_ids()[1] is None:
                rescue = self._copy_out()
                raise StoreError(StoreProblem.REPLACED, f"{exc}; rescue file: {rescue}") from None
            folded = True
        if not folded:
            raise StoreError(StoreProblem.LOCKED, "the removed log could not be folded in yet")
        self.conn.close()
        self._open()
        self.rescues.append("wal_removed")

    def _fold_log(self) -> bool:
        """Checkpoint the whole log into the main file. True once it is folded in,
        by this connection or by another one that then started a new log; False
        when readers kept it from finishing for FOLD_WAIT seconds."""
        deadline = time.monotonic() + FOLD_WAIT
        pause = 0.005
        while True:
            busy, _log, _done = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return True
            # Another connection's checkpoint holds the log (SQLite does not wait
            # for that one): it folds ours too, and then starts a new log.
            if self._file_ids()[1] is not None:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause)
            pause = min(pause * 2, 0.2)

    def _moved_log(self) -> bool:
        """The log on disk is not the one this connection opened (checked after a
        failed read: another connection may have moved to a new log)."""
        return self._on_disk and self._files[1] is not None and self._file_ids() != self._files

    def _copy_out(self) -> str:
        """Copy what this connection sees to a new file beside the database."""
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.stem}-rescued-{stamp}{self.path.suffix}")
        try:
            with sqlite3.connect(str(target)) as copy:
                self.conn.backup(copy)
            copy.close()
        except (OSError, sqlite3.Error) as exc:
            return f"(could not write {target}: {exc})"
        self.rescues.append("database_replaced")
        return str(target)

    def check_integrity(self) -> None:
        """Refuse a damaged database (`PRAGMA quick_check`), before anything is written."""
        try:
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.Error as exc:
            raise classify(exc) from None
        if [tuple(r) for r in rows] != [("ok",)]:
            detail = "; ".join(" ".join(str(r[0]).split()) for r in rows[:3])
            raise StoreError(StoreProblem.UNREADABLE, f"integrity check: {detail}")

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _migrate(self, migrations: tuple[str, ...]) -> None:
        current = self.schema_version
        if current > len(migrations):
            raise StoreError(StoreProblem.TOO_NEW, f"version {current}")
        for version in range(current + 1, len(migrations) + 1):
            with self.transaction():
                for statement in _statements(migrations[version - 1]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic, durable write: BEGIN IMMEDIATE … COMMIT, or nothing.

        The files are checked before and after: a commit reported back is in
        the database file's log on disk, not in a log someone deleted.
        """
        self.guard()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise classify(exc) from None
        try:
            self.keys.settle()  # a key a close-out committed goes in place, under the lock
            yield self.conn
            counter = self._outbox_counter() if self._on_disk else 0
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise classify(exc) from None
            raise
        self.guard()
        self._mark.confirmed(counter)

    def query(
        self, sql: str, params: tuple[object, ...] | dict[str, object] = ()
    ) -> list[dict[str, object]]:
        """Rows as dicts; one statement, no wrapping transaction (a desk runs
        several of these per check-in)."""
        try:
            return self._rows(sql, params)
        except sqlite3.Error as exc:
            if not self._moved_log():
                raise classify(exc) from None
        # Another connection moved to a new log under this one: follow it, read again.
        self.guard()
        try:
            return self._rows(sql, params)
        except sqlite3.Error as exc:
            raise classify(exc) from None

    def _rows(
        self, sql: str, params: tuple[object, ...] | dict[str, object]
    ) -> list[dict[str, object]]:
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def get_meta(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            set_meta_in(conn, key, value)

    def checkpoint(self) -> bool:
        """Fold the WAL into the main file and empty it, so erased data leaves
        no copy there. False when another connection kept it from finishing
        (the log is then folded in and emptied by a later checkpoint)."""
        try:
            for _ in range(CHECKPOINT_TRIES):
                busy, _log, _done = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if not busy:
                    return True
        except sqlite3.Error as exc:
            raise classify(exc) from None
        return False

    def rewrite(self) -> bool:
        """Rebuild the file from its live rows, then checkpoint; False when either
        could not be done now (no room for the copy, the file kept busy).

        `secure_delete` zeroes deleted rows, but a page that SQLite rebuilds
        while rebalancing its tree keeps stale bytes in its spare space: an
        erased subject or masked id can survive there. VACUUM writes every
        page afresh; it runs at close-out only (about 70 ms for 10 MB).
        """
        try:
            self.conn.execute("VACUUM")
        except sqlite3.Error as exc:
            error = classify(exc)
            if error.problem not in (StoreProblem.FULL, StoreProblem.LOCKED):
                raise error from None
            # VACUUM needs room for a copy, and the write lock for a while:
            # without them the next close-out tries again; the desk goes on.
            self.checkpoint()
            return False
        return self.checkpoint()


def set_meta_in(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set a meta value inside the caller's open transaction (see `Store.transaction`),
    so it commits, or not, with the rest of that write."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def float_or_none(value: object) -> float | None:
    """A number read back (a REAL column, a number of an event's JSON data) as a
    float; None for NULL and for anything that is not a number."""
    return float(value) if isinstance(value, int | float) else None


def _file_id(path: str) -> FileId | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return (-1, -1)
    return (info.st_dev, info.st_ino)


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
