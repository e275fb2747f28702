"""Status lookup: the online source (injected) and the local cache behind it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.status import Status, parse_status
from kiosk.store import Store


class StatusFacts(Protocol):
    """What an online answer tells: the status and until when it holds."""

    @property
    def status(self) -> Status: ...

    @property
    def valid_until(self) -> float | None: ...


class ServiceProblem(StrEnum):
    """Why the national service could not be used just now."""

    OFFLINE = "offline"  # no connection, a time-out, 5xx
    SLOW = "slow"  # no answer within the lookup's deadline
    NOT_REGISTERED = "device_not_registered"  # the device token was refused
    REFUSED = "refused"  # the service answered with an error
    CLOSED = "closed"  # the desk is stopping


class LookupFailed(Exception):
    """No answer from the online source (offline, slow, refused); `reason` says which."""

    def __init__(self, reason: ServiceProblem | str) -> None:
        super().__init__(str(reason))
        self.reason = ServiceProblem(reason)


class StatusSource(Protocol):
    """Where live statuses come from (the national service, in production)."""

    def lookup(self, iin: str) -> StatusFacts:
        """The person's status now; raise LookupFailed when there is no answer."""
        ...


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


def remember(
    conn: sqlite3.Connection,
    subject: str,
    status: Status,
    valid_until: float | None,
    checked_at: float,
) -> None:
    """Cache a status inside the caller's transaction (newest answer wins)."""
    conn.execute(
        "INSERT INTO status_cache (subject, status, valid_until, checked_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (subject) DO UPDATE SET status = excluded.status, "
        "valid_until = excluded.valid_until, checked_at = excluded.checked_at "
        "WHERE excluded.checked_at >= status_cache.checked_at",
        (subject, status.value, valid_until, checked_at),
    )
