"""The kiosk's SQLite database: connection, schema versions, failures.

One file in the user data directory, WAL mode, `synchronous=FULL` so a
check-in the screen showed survives a power cut, and `secure_delete` so
erased IINs cannot be read back from the file. Each thread opens its own
`Store` (connections are not shared across threads).

The files are watched: a write-ahead log removed under a running desk (a
clean-up tool, an antivirus) is folded back into the main file through the
still-open connection before anything else is confirmed; a main file
removed or replaced is copied out to a rescue file and the store refuses
to go on (`StoreProblem.REPLACED`).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.storeerrors import StoreError, StoreProblem, classify
from kiosk.subjects import KEY_FILENAME, SubjectKeys

__all__ = ["Store", "StoreError", "StoreProblem", "classify", "float_or_none", "set_meta_in"]

DB_FILENAME = "kiosk.sqlite3"
BUSY_TIMEOUT_MS = 5000
CHECKPOINT_TRIES = 3  # each waits up to BUSY_TIMEOUT_MS for readers to move on

_V1 = """
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    occurred_at REAL NOT NULL,
    venue_bin TEXT NOT NULL,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    iin TEXT,
    subject TEXT,
    data TEXT NOT NULL,
    created_at REAL NOT NULL,
    acked_at REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE acked_at IS NULL;
CREATE INDEX outbox_time ON outbox (occurred_at);
CREATE INDEX outbox_subject ON outbox (subject, occurred_at);
CREATE TABLE presence (
    subject TEXT PRIMARY KEY,
    entered_at REAL NOT NULL,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX presence_time ON presence (entered_at);
CREATE TABLE status_cache (
    subject TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    valid_until REAL,
    checked_at REAL NOT NULL
);
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    masked_id TEXT NOT NULL,
    status TEXT,
    opened_at REAL NOT NULL,
    reason TEXT,
    resolved_at REAL,
    outcome TEXT,
    corrected_status TEXT,
    note TEXT
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_V2 = """
ALTER TABLE outbox ADD COLUMN dead_at REAL;
ALTER TABLE outbox ADD COLUMN dead_reason TEXT;
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox (seq) WHERE acked_at IS NULL AND dead_at IS NULL;
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    created_at REAL NOT NULL,
    data TEXT NOT NULL,
    seen_at REAL
);
"""

# Doctor referrals as the desk and the doctor room share them: the ticket, who
# opened it, the outcome and how long it holds. `subject` (today's keyed hash)
# is the only link to a person; the day's end clears it with the masked id.
_V3 = """
ALTER TABLE referrals RENAME TO referrals_v1;
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    ticket TEXT NOT NULL,
    subject TEXT,
    masked_id TEXT,
    name TEXT,
    status_shown TEXT,
    provenance TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    opened_at REAL NOT NULL,
    check_in TEXT,
    mine INTEGER NOT NULL DEFAULT 0,
    opened_event TEXT,
    outcome TEXT,
    resolution_note TEXT,
    resolved_at REAL,
    resolved_by TEXT,
    resolution_event TEXT,
    valid_until REAL,
    changed_at REAL NOT NULL
);
INSERT INTO referrals (id, ticket, subject, masked_id, status_shown, provenance, reason, note,
    entrance, desk, opened_at, mine, outcome, resolved_at, changed_at)
    SELECT id, 'R-' || substr(id, 1, 8), NULLIF(subject, ''), masked_id, status, 'none',
    coalesce(reason, 'other'), note, '', '', opened_at, 1, outcome, resolved_at, opened_at
    FROM referrals_v1;
DROP TABLE referrals_v1;
CREATE INDEX referrals_subject ON referrals (subject) WHERE subject IS NOT NULL;
CREATE INDEX referrals_opened ON referrals (opened_at);
CREATE INDEX referrals_ticket ON referrals (ticket);
"""

# The day's tables keyed by subject, without a rowid and so without a second
# b-tree for their key; presence needs no index on its time (it holds the
# people inside, a few hundred rows). A check-in writes three pages fewer,
# and its commit waits for a shorter log write.
_V4 = """
CREATE TABLE presence_new (
    subject TEXT PRIMARY KEY,
    entered_at REAL NOT NULL,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    event_id TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO presence_new SELECT subject, entered_at, entrance, desk, event_id FROM presence;
DROP TABLE presence;
ALTER TABLE presence_new RENAME TO presence;
CREATE TABLE status_cache_new (
    subject TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    valid_until REAL,
    checked_at REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO status_cache_new SELECT subject, status, valid_until, checked_at FROM status_cache;
DROP TABLE status_cache;
ALTER TABLE status_cache_new RENAME TO status_cache;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
SCHEMA_VERSION = len(MIGRATIONS)


FileId = tuple[int, int]


class Store:
    """One connection to the kiosk database (one per thread)."""

    def __init__(self, path: Path | str, *, migrations: tuple[str, ...] = MIGRATIONS) -> None:
        self.path = Path(path)
        self._on_disk = str(path) != ":memory:"
        self._watched = (str(self.path), str(self.wal_path))  # stat'ed twice per write
        self.keys = SubjectKeys(self.path.with_name(KEY_FILENAME) if self._on_disk else None)
        """The day's subject key, in its own file beside the database."""
        self.rescues: list[str] = []
        """What the store had to rescue since the owner last looked (then cleared)."""
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
        except sqlite3.Error as exc:
            conn.close()
            raise classify(exc) from None
        self._files = self._file_ids()

    @classmethod
    def in_dir(cls, data_dir: Path) -> Store:
        return cls(data_dir / DB_FILENAME)

    def close(self) -> None:
        self.conn.close()

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
        reopens; a main file removed or replaced cannot be written any more:
        what this connection sees is copied to a rescue file and
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
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            rescue = self._copy_out()
            raise StoreError(StoreProblem.REPLACED, f"{exc}; rescue file: {rescue}") from None
        self.conn.close()
        self._open()
        self.rescues.append("wal_removed")

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
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise classify(exc) from None
            raise
        self.guard()

    def query(
        self, sql: str, params: tuple[object, ...] | dict[str, object] = ()
    ) -> list[dict[str, object]]:
        """Rows as dicts; one statement, no wrapping transaction (a desk runs
        several of these per check-in)."""
        try:
            cursor = self.conn.execute(sql, params)
            names = [column[0] for column in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor]
        except sqlite3.Error as exc:
            raise classify(exc) from None

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
        """Rebuild the file from its live rows, then checkpoint.

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
