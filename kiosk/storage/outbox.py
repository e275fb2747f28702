"""The outbox: every event stays here until the national service acknowledges it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.events import DeskIdentity, EventType, NewEvent, StoredEvent
from kiosk.storage.store import Store, float_or_none

MAX_BATCH = 500
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # made once: json.dumps with
# options builds a new encoder for every event

_COLUMNS = (
    "seq, id, type, occurred_at, venue_bin, entrance, desk, iin, data, attempts, acked_at, "
    "dead_reason, subject"
)


@dataclass(frozen=True)
class OutboxStats:
    pending: int
    dead: int
    oldest_pending_at: float | None
    last_acked_at: float | None


def insert_events(
    conn: sqlite3.Connection,
    events: Iterable[NewEvent],
    *,
    desk: DeskIdentity,
    subject_of: Callable[[str], str],
    now: float,
) -> None:
    """Add events inside the caller's transaction."""
    conn.executemany(
        "INSERT INTO outbox (id, type, occurred_at, venue_bin, entrance, desk, iin, subject, "
        "data, created_at, next_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        [
            (
                e.id,
                e.type.value,
                e.occurred_at,
                desk.venue_bin,
                desk.entrance,
                desk.desk,
                e.iin,
                subject_of(e.iin) if e.iin else e.subject,
                _JSON.encode(dict(e.data)),
                now,
            )
            for e in events
        ],
    )


_IDS_PER_STATEMENT = 500  # SQLite takes 32 766 parameters; a batch is at most 500 events

# An event from before the day's key was replaced (no subject any more) also
# loses its masked id and name: nothing of it links to a person.
_UNLINKED = (
    "CASE WHEN subject IS NULL THEN json_remove(data, '$.masked_id', '$.name') ELSE data END"
)


def acknowledge_in(
    conn: sqlite3.Connection,
    ids: Sequence[str],
    *,
    now: float,
    received_at: float | None = None,
) -> None:
    """Mark events delivered and erase their raw IINs, in the caller's transaction.

    A sanitary-service report keeps the service's own receipt time
    (*received_at*), which staff show if asked when the report went.
    """
    # One statement for a batch, not one per event (and a second one per
    # event for the reports): the rows are found by their id's index.
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = tuple(ids[start : start + _IDS_PER_STATEMENT])
        marks = ",".join("?" * len(chunk))
        conn.execute(
            "UPDATE outbox SET acked_at = ?, iin = NULL, last_error = NULL, data = CASE "
            f"WHEN type = 'red_report' AND ? IS NOT NULL "
            f"THEN json_set({_UNLINKED}, '$.received_at', ?) ELSE {_UNLINKED} END "
            f"WHERE id IN ({marks})",
            (now, received_at, received_at, *chunk),
        )


def dead_letter_in(
    conn: sqlite3.Connection, reasons: Sequence[tuple[str, str]], *, now: float
) -> None:
    conn.executemany(
        "UPDATE outbox SET dead_at = ?, dead_reason = ?, attempts = attempts + 1 WHERE id = ?",
        [(now, reason, event_id) for event_id, reason in reasons],
    )


class Outbox:
    """Queue operations on the outbox table."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, events: Sequence[NewEvent], *, desk: DeskIdentity, now: float) -> None:
        keys = self._store.keys
        with self._store.transaction() as conn:
            insert_events(
                conn, events, desk=desk, subject_of=lambda iin: keys.subject(iin, now), now=now
            )

    def pending(self, *, now: float, limit: int = MAX_BATCH) -> list[StoredEvent]:
        """The oldest unacknowledged events that are due, in creation order."""
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM outbox WHERE acked_at IS NULL AND dead_at IS NULL "
            "AND next_attempt <= ? ORDER BY seq LIMIT ?",
            (now, limit),
        )
        return [_to_event(row) for row in rows]

    def get(self, ids: Sequence[str]) -> list[StoredEvent]:
        marks = ",".join("?" * len(ids))
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM outbox WHERE id IN ({marks}) ORDER BY seq", tuple(ids)
        )
        return [_to_event(row) for row in rows]

    def acknowledge(self, ids: Sequence[str], *, now: float) -> None:
        """Mark events delivered and erase their raw IINs."""
        if not ids:
            return
        with self._store.transaction() as conn:
            acknowledge_in(conn, ids, now=now)

    def defer(self, ids: Sequence[str], *, error: str, next_attempt: float) -> None:
        """Count a failed attempt; the events wait until *next_attempt*."""
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt = ? "
                "WHERE id = ?",
                [(error, next_attempt, event_id) for event_id in ids],
            )

    def dead_letter(self, reasons: Sequence[tuple[str, str]], *, now: float) -> None:
        """Park events the service rejected as invalid: shown to staff, not retried."""
        with self._store.transaction() as conn:
            dead_letter_in(conn, reasons, now=now)

    def due_now(self) -> None:
        """Every waiting event is due now, whatever backoff an earlier pass left."""
        with self._store.transaction() as conn:
            # Only the rows that wait: rewriting every pending row would grow the
            # log by the whole queue at each `sync` run.
            conn.execute(
                "UPDATE outbox SET next_attempt = 0 WHERE acked_at IS NULL AND next_attempt > 0"
            )

    def retry_dead(self) -> int:
        """Put dead-lettered events back in the queue (after a fix upstream)."""
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "UPDATE outbox SET dead_at = NULL, dead_reason = NULL, next_attempt = 0 "
                "WHERE dead_at IS NOT NULL AND acked_at IS NULL"
            )
            return cursor.rowcount

    def dead(self) -> list[StoredEvent]:
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM outbox WHERE dead_at IS NOT NULL AND acked_at IS NULL "
            "ORDER BY seq"
        )
        return [_to_event(row) for row in rows]

    def stats(self) -> OutboxStats:
        row = self._store.query(
            "SELECT "
            "(SELECT count(*) FROM outbox WHERE acked_at IS NULL AND dead_at IS NULL) AS pending, "
            "(SELECT count(*) FROM outbox WHERE acked_at IS NULL AND dead_at IS NOT NULL) AS dead,"
            " (SELECT min(occurred_at) FROM outbox WHERE acked_at IS NULL AND dead_at IS NULL) "
            "AS oldest, (SELECT max(acked_at) FROM outbox) AS last_acked"
        )[0]
        return OutboxStats(
            pending=_int(row["pending"]),
            dead=_int(row["dead"]),
            oldest_pending_at=float_or_none(row["oldest"]),
            last_acked_at=float_or_none(row["last_acked"]),
        )

    def between(self, start: float, end: float) -> list[StoredEvent]:
        """Events that happened in [start, end), in time order, raw IINs left out."""
        rows = self._store.query(
            f"SELECT {_COLUMNS} FROM outbox WHERE occurred_at >= ? AND occurred_at < ? "
            "ORDER BY occurred_at, seq",
            (start, end),
        )
        return [_to_event({**row, "iin": None, "subject": None}) for row in rows]


def _to_event(row: dict[str, Any]) -> StoredEvent:
    return StoredEvent(
        seq=int(row["seq"]),
        id=str(row["id"]),
        type=EventType(row["type"]),
        occurred_at=float(row["occurred_at"]),
        desk=DeskIdentity(str(row["venue_bin"]), str(row["entrance"]), str(row["desk"])),
        iin=row["iin"],
        data=json.loads(row["data"]),
        attempts=int(row["attempts"]),
        acked_at=float_or_none(row["acked_at"]),
        dead_reason=row["dead_reason"],
        subject=row["subject"],
    )


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0
