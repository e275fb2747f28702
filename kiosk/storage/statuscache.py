"""The status cache: the last status the service told for each person today,
keyed by the person's subject (never the IIN); read when the service cannot
be asked, and emptied at close-out with the day's key."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.status import Status, parse_status
from kiosk.storage.store import Store


@dataclass(frozen=True)
class CachedStatus:
    status: Status
    valid_until: float | None
    checked_at: float


class StatusCache:
    """Last known statuses, keyed by the person's subject hash."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, subject: str) -> CachedStatus | None:
        rows = self._store.query(
            "SELECT status, valid_until, checked_at FROM status_cache WHERE subject = ?",
            (subject,),
        )
        if not rows:
            return None
        row = rows[0]
        status = parse_status(row["status"])
        checked, until = row["checked_at"], row["valid_until"]
        if status is None or not isinstance(checked, int | float):
            return None
        return CachedStatus(
            status, float(until) if isinstance(until, int | float) else None, float(checked)
        )


_REMEMBER = (
    "INSERT INTO status_cache (subject, status, valid_until, checked_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (subject) DO UPDATE SET status = excluded.status, "
    "valid_until = excluded.valid_until, checked_at = excluded.checked_at "
    "WHERE excluded.checked_at >= status_cache.checked_at"
)


def remember(
    conn: sqlite3.Connection,
    subject: str,
    status: Status,
    valid_until: float | None,
    checked_at: float,
) -> None:
    """Cache a status inside the caller's transaction (newest answer wins)."""
    conn.execute(_REMEMBER, (subject, status.value, valid_until, checked_at))


def remember_all(
    conn: sqlite3.Connection,
    known: Iterable[tuple[str, Status, float | None]],
    checked_at: float,
) -> None:
    """:func:`remember` for each (subject, status, valid until) in order, as one statement."""
    conn.executemany(
        _REMEMBER, [(subject, status.value, until, checked_at) for subject, status, until in known]
    )
