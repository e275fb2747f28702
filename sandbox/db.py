"""The sandbox's SQLite file: people, signing keys and the events kiosks uploaded.

Referrals live in the same file; their storage is sandbox/referrals.py.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

from kiosk.status import Status
from sandbox.events import ValidEvent
from sandbox.presence import PresenceRow
from sandbox.schema import MIGRATIONS

KEYS_KEPT = 2  # the current signing key and the one before it


# What an event does beyond being stored (a referral opened or resolved), run
# inside the intake transaction; a text refuses the event with that reason.
EventEffect = Callable[[sqlite3.Connection, ValidEvent], str | None]


class DatabaseBusy(RuntimeError):
    """Another process holds the database for longer than the busy time-out."""


@dataclass(frozen=True)
class PersonRow:
    iin: str
    name: str | None
    status: Status
    valid_until: float | None
    updated_at: float
    demo: bool


@dataclass(frozen=True)
class ReceivedEvent:
    seq: int
    id: str
    type: str
    venue_bin: str
    entrance: str
    desk: str
    occurred_at: float
    received_at: float
    iin: str | None
    data: dict[str, Any]


class SandboxDb:
    """One SQLite connection (WAL) shared by the server's threads under a lock.

    Writes are serialised by SQLite anyway; one connection keeps the
    sandbox simple and lets the `sandbox pass` command open the same file
    from another process (WAL readers never block the writer).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        busy_timeout: float = 10.0,
        migrations: Sequence[str] = MIGRATIONS,
    ) -> None:
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
        self._closed = False
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate(migrations)
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction that holds the write lock from its start (no upgrade dead-lock)."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise DatabaseBusy(str(exc)) from None
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise DatabaseBusy(str(exc)) from None
                raise

    def _migrate(self, migrations: Sequence[str]) -> None:
        with self._write() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(migrations):
                raise RuntimeError(
                    f"the sandbox database has schema {version}; this version knows "
                    f"{len(migrations)} (use a newer ashyq-kiosk or another --db)"
                )
            for target, script in enumerate(migrations[version:], start=version + 1):
                # statement by statement: executescript() would commit the transaction
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction on the shared connection, for the modules built on this file."""
        return self._write()

    def read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return self._read(sql, params)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold off every other reader and writer: a time read inside is before all
        writes not yet visible, which is what makes `as_of` a safe `since`."""
        with self._lock:
            yield

    # --- people ---------------------------------------------------------

    def person(self, iin: str) -> PersonRow | None:
        rows = self._read(
            "SELECT iin, name, status, valid_until, updated_at, demo FROM people WHERE iin = ?",
            (iin,),
        )
        return _person(rows[0]) if rows else None

    def people(self) -> list[PersonRow]:
        rows = self._read(
            "SELECT iin, name, status, valid_until, updated_at, demo FROM people "
            "ORDER BY demo DESC, rowid"
        )
        return [_person(row) for row in rows]

    def people_by_iin(self, iins: Iterable[str]) -> dict[str, PersonRow]:
        wanted = sorted(set(iins))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self._read(
            "SELECT iin, name, status, valid_until, updated_at, demo FROM people "
            f"WHERE iin IN ({marks})",
            wanted,
        )
        return {row[0]: _person(row) for row in rows}

    def put_person(
        self,
        iin: str,
        status: Status,
        valid_until: float | None,
        now: float,
        *,
        name: str | None = None,
    ) -> PersonRow:
        """Set a person's status (creating the person); keep the name unless one is given."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO people (iin, name, status, valid_until, updated_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (iin) DO UPDATE SET "
                "name = coalesce(excluded.name, people.name), status = excluded.status, "
                "valid_until = excluded.valid_until, updated_at = excluded.updated_at",
                (iin, name, status.value, valid_until, now),
            )
            row = conn.execute(
                "SELECT iin, name, status, valid_until, updated_at, demo FROM people WHERE iin = ?",
                (iin,),
            ).fetchone()
        return _person(row)

    def seed_person(
        self, iin: str, name: str, status: Status, valid_until: float | None, now: float
    ) -> None:
        """Add a demo person, or give back their documented status once it has lapsed."""
        with self._write() as conn:
            row = conn.execute("SELECT valid_until FROM people WHERE iin = ?", (iin,)).fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO people (iin, name, status, valid_until, updated_at, demo) "
                    "VALUES (?, ?, ?, ?, ?, 1)",
                    (iin, name, status.value, valid_until, now),
                )
            elif row[0] is not None and row[0] < now:
                conn.execute(
                    "UPDATE people SET name = ?, status = ?, valid_until = ?, updated_at = ?, "
                    "demo = 1 WHERE iin = ?",
                    (name, status.value, valid_until, now, iin),
                )

    # --- signing keys -----------------------------------------------------

    def signing_keys(self) -> list[tuple[str, bytes]]:
        """(kid, raw Ed25519 private key) pairs, the current key first."""
        rows = self._read("SELECT kid, private_key FROM signing_keys ORDER BY generation DESC")
        return [(str(kid), bytes(raw)) for kid, raw in rows]

    def add_signing_key(self, kid: str, raw: bytes, now: float, *, only_if_none: bool) -> None:
        """Make *kid* the current key and drop all but the newest KEYS_KEPT.

        With `only_if_none`, do nothing when a key exists already: two
        processes starting on a fresh file must not make two "first" keys.
        """
        with self._write() as conn:
            if only_if_none and conn.execute("SELECT 1 FROM signing_keys LIMIT 1").fetchone():
                return
            conn.execute(
                "INSERT INTO signing_keys (kid, private_key, created_at) VALUES (?, ?, ?)",
                (kid, raw, now),
            )
            conn.execute(
                "DELETE FROM signing_keys WHERE generation NOT IN "
                "(SELECT generation FROM signing_keys ORDER BY generation DESC LIMIT ?)",
                (KEYS_KEPT,),
            )

    # --- events -----------------------------------------------------------

    def insert_events(
        self, events: Sequence[ValidEvent], received_at: float, effect: EventEffect | None = None
    ) -> list[bool | str]:
        """Store a batch in one transaction; per event True (stored), False (a duplicate)
        or the reason *effect* refused it for (not stored).

        *effect* runs for each event not seen before, before it is stored and
        inside the same transaction, so what it changes commits with the event.
        """
        results: list[bool | str] = []
        with self._write() as conn:
            # Which are stored already, asked once for the batch rather than per event.
            seen = _stored_ids(conn, [event.key for event in events])
            for event in events:
                if event.key in seen:
                    results.append(False)
                    continue
                refused = None if effect is None else effect(conn, event)
                if refused is not None:
                    results.append(refused)
                    continue
                conn.execute(
                    "INSERT INTO events (id, type, venue_bin, entrance, desk, "
                    "occurred_at, received_at, iin, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        event.key,
                        event.type,
                        event.venue_bin,
                        event.entrance,
                        event.desk,
                        event.occurred_at,
                        received_at,
                        event.iin,
                        json.dumps(event.data, ensure_ascii=False),
                    ),
                )
                seen.add(event.key)  # the same event twice in one batch: stored once
                results.append(True)
        return results

    def events(self, venue_bin: str | None, *, after: int, limit: int) -> list[ReceivedEvent]:
        """Stored events in the order they arrived, after sequence number *after*."""
        params: list[object]
        where, params = "seq > ?", [after]
        if venue_bin is not None:
            where += " AND venue_bin = ?"
            params.append(venue_bin)
        rows = self._read(
            "SELECT seq, id, type, venue_bin, entrance, desk, occurred_at, received_at, iin, "
            f"data FROM events WHERE {where} ORDER BY seq LIMIT ?",
            [*params, limit],
        )
        return [
            ReceivedEvent(
                seq=row[0],
                id=row[1],
                type=row[2],
                venue_bin=row[3],
                entrance=row[4],
                desk=row[5],
                occurred_at=row[6],
                received_at=row[7],
                iin=row[8],
                data=json.loads(row[9]),
            )
            for row in rows
        ]

    def presence_events(self, venue_bin: str) -> list[PresenceRow]:
        """A venue's check-ins and check-outs with the person each is about.

        A check-out may name the check-in it ends in `data.check_in`: that
        check-in gives the person when the check-out has no IIN (the kiosk's
        automatic end-of-day close-out keeps none), and its time. Events that
        name nobody either way are left out, and so are the check-ins and
        check-outs the venue annulled (nobody walked through the gate).
        """
        rows = self._read(
            "SELECT e.id, coalesce(e.iin, c.iin), e.type, "
            "json_extract(e.data, '$.decision'), e.entrance, e.desk, e.occurred_at, e.seq, "
            "c.occurred_at FROM events e LEFT JOIN events c "
            "ON e.type = 'check_out' AND c.id = lower(json_extract(e.data, '$.check_in')) "
            "AND c.type = 'check_in' AND c.venue_bin = e.venue_bin "
            "WHERE e.venue_bin = ? AND e.type IN ('check_in', 'check_out') "
            "AND coalesce(e.iin, c.iin) IS NOT NULL AND e.id NOT IN ("
            "SELECT lower(json_extract(a.data, CASE a.type WHEN 'entry_annulled' "
            "THEN '$.check_in' ELSE '$.check_out' END)) FROM events a "
            "WHERE a.venue_bin = ? AND a.type IN ('entry_annulled', 'exit_annulled') "
            "AND json_extract(a.data, CASE a.type WHEN 'entry_annulled' "
            "THEN '$.check_in' ELSE '$.check_out' END) IS NOT NULL)",
            (venue_bin, venue_bin),
        )
        return [PresenceRow(*row) for row in rows]

    def venue_desks(self, venue_bin: str) -> list[tuple[str, str]]:
        rows = self._read(
            "SELECT DISTINCT entrance, desk FROM events WHERE venue_bin = ? "
            "AND type IN ('check_in', 'check_out') ORDER BY entrance, desk",
            (venue_bin,),
        )
        return [(str(entrance), str(desk)) for entrance, desk in rows]


def _person(row: tuple[Any, ...]) -> PersonRow:
    iin, name, status, valid_until, updated_at, demo = row
    return PersonRow(iin, name, Status(status), valid_until, updated_at, bool(demo))


_IDS_PER_QUERY = 500  # SQLite allows 32 766 parameters; a batch holds at most 500 events


def _stored_ids(conn: sqlite3.Connection, keys: Sequence[str]) -> set[str]:
    """The ones of *keys* the events table holds."""
    found: set[str] = set()
    for start in range(0, len(keys), _IDS_PER_QUERY):
        chunk = keys[start : start + _IDS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id FROM events WHERE id IN ({marks})", chunk)
        found.update(row[0] for row in rows)
    return found
