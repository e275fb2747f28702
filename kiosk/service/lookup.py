"""Status lookup as the desk asks for it: the ports a live source fills (a status,
the venue's presence, the signing keys), what it answers, and why it could not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from kiosk.service.errors import ServiceProblem
from kiosk.status import Status


class StatusFacts(Protocol):
    """What an online answer tells: the status and until when it holds."""

    @property
    def status(self) -> Status: ...

    @property
    def valid_until(self) -> float | None: ...


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
