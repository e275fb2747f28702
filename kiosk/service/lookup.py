"""Status lookup: the online source (injected) and the local cache behind it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from kiosk.status import Status, parse_status
from kiosk.storage.store import Store


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
class VenueStay:
    """The service's answer whether a person is inside the venue (entered at any desk).

    When inside: the check-in that let them in, when and where. `venue_inside`
    is the venue's count of people inside, when the service gave it.
    """

    inside: bool
    check_in: str | None = None
    entered_at: float | None = None
    entrance: str | None = None
    desk: str | None = None
    venue_inside: int | None = None


@dataclass(frozen=True)
class VisitFacts:
    """What one scan learnt from the service within one deadline.

    `status` when it was asked for and came (else `status_problem` says why
    not); `presence` when the venue answered (else `presence_problem`).
    """

    status: StatusFacts | None = None
    status_problem: ServiceProblem | None = None
    presence: VenueStay | None = None
    presence_problem: ServiceProblem | None = None


@runtime_checkable
class VisitSource(Protocol):
    """A source that also knows who is inside the whole venue (a two-way desk asks
    before telling entry from exit), both within one lookup deadline."""

    def lookup(self, iin: str) -> StatusFacts: ...

    def visit(self, iin: str, *, status: bool) -> VisitFacts:
        """Presence in the venue, and the status too when *status*; never raises."""
        ...


@runtime_checkable
class KeySource(Protocol):
    """A source that can also fetch the pass-signing keys, within the lookup's
    deadline (a pass names a key the desk does not know yet)."""

    def fetch_keys(self) -> dict[str, Any]:
        """The service's JWKS now; raise LookupFailed when there is no answer."""
        ...


class WatchedSource:
    """The live source, telling the desk whether the service answered each call."""

    def __init__(self, inner: StatusSource, noted: Callable[[ServiceProblem | None], None]) -> None:
        self._inner = inner
        self._noted = noted

    def lookup(self, iin: str) -> StatusFacts:
        try:
            facts = self._inner.lookup(iin)
        except LookupFailed as exc:
            self._noted(exc.reason)
            raise
        self._noted(None)
        return facts

    def fetch_keys(self) -> dict[str, Any]:
        if not isinstance(self._inner, KeySource):
            raise LookupFailed(ServiceProblem.REFUSED)  # nothing to ask: not the service's word
        try:
            jwks = self._inner.fetch_keys()
        except LookupFailed as exc:
            self._noted(exc.reason)
            raise
        self._noted(None)
        return jwks

    def visit(self, iin: str, *, status: bool) -> VisitFacts:
        if isinstance(self._inner, VisitSource):
            facts = self._inner.visit(iin, status=status)
            self._noted(facts.status_problem if status else facts.presence_problem)
            return facts
        # No venue to ask: the status alone; who is inside stays this desk's knowledge.
        if not status:
            return VisitFacts()
        try:
            return VisitFacts(status=self.lookup(iin))
        except LookupFailed as exc:
            return VisitFacts(status_problem=exc.reason)


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
