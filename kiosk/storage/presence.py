"""Who is inside now, keyed by an HMAC of the IIN (never the IIN itself)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.storage.store import Store


@dataclass(frozen=True)
class Stay:
    """One person inside: when and where they came in."""

    subject: str
    entered_at: float
    entrance: str
    desk: str
    event_id: str


class Presence:
    def __init__(self, store: Store) -> None:
        self._store = store

    def find(self, subject: str) -> Stay | None:
        rows = self._store.query(
            "SELECT subject, entered_at, entrance, desk, event_id FROM presence WHERE subject = ?",
            (subject,),
        )
        return _to_stay(rows[0]) if rows else None

    def count(self) -> int:
        rows = self._store.query("SELECT count(*) AS n FROM presence")
        value = rows[0]["n"]
        return int(value) if isinstance(value, int) else 0

    def all(self) -> list[Stay]:
        """Everyone inside, earliest in first."""
        rows = self._store.query(
            "SELECT subject, entered_at, entrance, desk, event_id FROM presence ORDER BY entered_at"
        )
        return [_to_stay(row) for row in rows]


def enter(conn: sqlite3.Connection, stay: Stay) -> bool:
    """Note *stay* inside the caller's transaction; True when the person was not
    inside before (the count grew by one), False when their stay was replaced."""
    values = (stay.entered_at, stay.entrance, stay.desk, stay.event_id, stay.subject)
    replaced = conn.execute(
        "UPDATE presence SET entered_at = ?, entrance = ?, desk = ?, event_id = ? "
        "WHERE subject = ?",
        values,
    ).rowcount
    if replaced:
        return False
    conn.execute(
        "INSERT INTO presence (entered_at, entrance, desk, event_id, subject) "
        "VALUES (?, ?, ?, ?, ?)",
        values,
    )
    return True


def leave(conn: sqlite3.Connection, subject: str) -> None:
    conn.execute("DELETE FROM presence WHERE subject = ?", (subject,))


def undo_entry(conn: sqlite3.Connection, check_in: str) -> bool:
    """The stay that check-in *check_in* began never was (nobody walked through
    the gate), inside the caller's transaction; True when it was still there."""
    return conn.execute("DELETE FROM presence WHERE event_id = ?", (check_in,)).rowcount > 0


def _to_stay(row: dict[str, object]) -> Stay:
    entered = row["entered_at"]
    return Stay(
        subject=str(row["subject"]),
        entered_at=float(entered) if isinstance(entered, int | float) else 0.0,
        entrance=str(row["entrance"]),
        desk=str(row["desk"]),
        event_id=str(row["event_id"]),
    )
