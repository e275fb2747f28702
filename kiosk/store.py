"""The kiosk's SQLite database: connection, schema versions, failures.

One file in the user data directory, WAL mode, `synchronous=FULL` so a
check-in the screen showed survives a power cut, and `secure_delete` so
erased IINs cannot be read back from the file. Each thread opens its own
`Store` (connections are not shared across threads).
"""

from __future__ import annotations

import hmac
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

import sqlite_utils

DB_FILENAME = "kiosk.sqlite3"
BUSY_TIMEOUT_MS = 5000

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

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreProblem(StrEnum):
    FULL = "disk_full"
    LOCKED = "locked"
    UNREADABLE = "unreadable"
    READ_ONLY = "read_only"
    TOO_NEW = "schema_too_new"
    OTHER = "database_error"


class StoreError(Exception):
    """The database cannot do what was asked; nothing already written is lost."""

    def __init__(self, problem: StoreProblem, detail: str) -> None:
        super().__init__(f"{_PROBLEM_TEXT[problem]} ({detail})")
        self.problem = problem


_PROBLEM_TEXT = {
    StoreProblem.FULL: "the disk is full: free some space; nothing recorded so far is lost",
    StoreProblem.LOCKED: "the database is locked by another program: close it and retry",
    StoreProblem.UNREADABLE: "the database file is damaged or not a kiosk database",
    StoreProblem.READ_ONLY: "the database cannot be written: check the folder's permissions",
    StoreProblem.TOO_NEW: "the database was written by a newer ashyq-kiosk: update this one",
    StoreProblem.OTHER: "the database failed",
}


def classify(exc: sqlite3.Error) -> StoreError:
    """Map an sqlite3 error to a StoreError with a clear message."""
    text = str(exc).lower()
    if "full" in text:
        problem = StoreProblem.FULL
    elif "locked" in text or "busy" in text:
        problem = StoreProblem.LOCKED
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        problem = StoreProblem.UNREADABLE
    elif "readonly" in text or "read-only" in text or "unable to open" in text:
        problem = StoreProblem.READ_ONLY
    else:
        problem = StoreProblem.OTHER
    return StoreError(problem, str(exc))


class Store:
    """One connection to the kiosk database (one per thread)."""

    def __init__(self, path: Path | str, *, migrations: tuple[str, ...] = MIGRATIONS) -> None:
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(StoreProblem.READ_ONLY, f"{path}: {exc}") from None
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate(migrations)
        except sqlite3.Error as exc:
            conn.close()
            raise classify(exc) from None

    @classmethod
    def in_dir(cls, data_dir: Path) -> Store:
        return cls(data_dir / DB_FILENAME)

    def close(self) -> None:
        self.conn.close()

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
        """One atomic, durable write: BEGIN IMMEDIATE … COMMIT, or nothing."""
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

    def query(
        self, sql: str, params: tuple[object, ...] | dict[str, object] = ()
    ) -> list[dict[str, object]]:
        try:
            return list(self.db.query(sql, params))
        except sqlite3.Error as exc:
            raise classify(exc) from None

    def get_meta(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def checkpoint(self) -> None:
        """Fold the WAL into the main file, so erased data leaves no copy there."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            raise classify(exc) from None

    def subject_hasher(self) -> Callable[[str], str]:
        """HMAC-SHA256 of an IIN with this install's secret: the local key for a person."""
        secret_hex = self.get_meta("subject_secret")
        if secret_hex is None:
            secret_hex = secrets.token_hex(32)
            with self.transaction() as conn:
                conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('subject_secret', ?)",
                    (secret_hex,),
                )
            secret_hex = self.get_meta("subject_secret") or secret_hex
        key = bytes.fromhex(secret_hex)

        def subject(iin: str) -> str:
            return hmac.new(key, iin.encode("ascii", "replace"), "sha256").hexdigest()

        return subject


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
