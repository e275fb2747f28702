"""The service's wire: an outbox event as the service takes it, the answers as
typed values, and the checks that read them.

Anything off the contract in an answer is a `TransientError`: the service
(or a proxy in front of it) sent something this kiosk cannot trust now.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from kiosk.events import StoredEvent
from kiosk.service.errors import PermanentError, TransientError
from kiosk.status import Status, parse_status
from kiosk.wiretime import format_time, parse_time


def event_to_wire(event: StoredEvent) -> dict[str, Any]:
    """The event as `POST /v1/events` carries it (docs/api.yaml)."""
    desk = event.desk
    return {
        "id": event.id,
        "type": event.type.value,
        "venue_bin": desk.venue_bin,
        "entrance": desk.entrance,
        "desk": desk.desk,
        "occurred_at": format_time(event.occurred_at),
        "iin": event.iin,
        "data": dict(event.data),
    }


@dataclass(frozen=True)
class KnownStatus:
    """A status as the service knows it now."""

    status: Status
    valid_until: float | None


@dataclass(frozen=True)
class StatusAnswer:
    """The answer to a status look-up; times are Unix seconds."""

    iin: str
    status: Status
    valid_until: float | None
    checked_at: float


@dataclass(frozen=True)
class BatchResult:
    """What the service did with each event of a batch, by event id.

    `rejected` pairs an id (None when the event had no usable id) with the
    reason; `statuses` holds the current status for each check-in with an IIN;
    `received_at` is when the service stored the batch, by its clock (None
    from a service too old to say).
    """

    accepted: tuple[str, ...]
    duplicate: tuple[str, ...]
    rejected: tuple[tuple[str | None, str], ...]
    statuses: Mapping[str, KnownStatus] = field(default_factory=lambda: MappingProxyType({}))
    received_at: float | None = None


@dataclass(frozen=True)
class Occupancy:
    """People inside a venue now, in total and by the desk that admitted them."""

    inside: int
    as_of: float
    venue: str = ""
    desks: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class RemoteReferral:
    """A doctor referral as the service holds it; times are Unix seconds.

    `iin` is raw (the venue's own devices get it): keep a keyed hash of it and
    show `masked_id`. `state` is `open` or `resolved`; once resolved,
    `outcome` is `cleared` or `confirmed` and holds until `valid_until`.
    """

    id: str
    ticket: str
    state: str
    iin: str
    masked_id: str
    name: str | None
    status_shown: Status | None
    provenance: str
    reason: str
    note: str | None
    entrance: str
    desk: str
    opened_at: float
    check_in: str | None
    outcome: str | None
    resolution_note: str | None
    resolved_at: float | None
    resolved_by_entrance: str | None
    resolved_by_desk: str | None
    valid_until: float | None
    venue: str | None = None
    """The venue whose desk opened it (None from a service too old to say)."""
    resolved_by_venue: str | None = None
    """The doctor room's venue, as the service knows the device that resolved it."""


@dataclass(frozen=True)
class ReferralPull:
    """A venue's referrals and the service's time of the answer.

    Pass `as_of` as the next pull's `since`: the service then also returns
    referrals that desks uploaded late, which a `since` from this PC's clock
    could miss.
    """

    venue: str
    as_of: float
    referrals: tuple[RemoteReferral, ...]


@dataclass(frozen=True)
class VenuePresence:
    """Whether a person is inside the venue now, and the check-in that let them in.

    `venue_inside` is how many people are inside the whole venue by the same
    count (None from a service too old to say).
    """

    inside: bool
    entered_at: float | None
    entrance: str | None
    desk: str | None
    check_in: str | None
    as_of: float
    venue_inside: int | None = None


class AlreadyResolved(PermanentError):
    """Another resolution of the referral came first (409): the first resolution wins.

    `detail` says with which outcome; `referral` is the referral as that
    resolution left it, when the answer carried a readable one (else None).
    """

    def __init__(self, message: str, *, referral: RemoteReferral | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.referral = referral


def referral_from(value: object) -> RemoteReferral:
    """A referral object of an answer; anything off the contract is a TransientError."""
    body = as_object(value)
    state, outcome = _text(body, "state"), optional_text(body, "outcome")
    if (state, outcome) not in _REFERRAL_STATES:
        raise TransientError(f"unexpected answer: a referral {state} with outcome {outcome}")
    shown = body.get("status_shown")
    status_shown = parse_status(shown)
    if shown is not None and status_shown is None:
        raise TransientError(f"unexpected answer: unknown status {shown!r}")
    resolved_by = body.get("resolved_by")
    by = {} if resolved_by is None else as_object(resolved_by)
    return RemoteReferral(
        id=_text(body, "id"),
        ticket=_text(body, "ticket"),
        state=state,
        iin=_text(body, "iin"),
        masked_id=_text(body, "masked_id"),
        name=optional_text(body, "name"),
        status_shown=status_shown,
        provenance=_text(body, "provenance"),
        reason=_text(body, "reason"),
        note=optional_text(body, "note"),
        entrance=_text(body, "entrance"),
        desk=_text(body, "desk"),
        opened_at=as_time(body.get("opened_at")),
        check_in=optional_text(body, "check_in"),
        outcome=outcome,
        resolution_note=optional_text(body, "resolution_note"),
        resolved_at=as_time_or_none(body.get("resolved_at")),
        resolved_by_entrance=optional_text(by, "entrance"),
        resolved_by_desk=optional_text(by, "desk"),
        valid_until=as_time_or_none(body.get("valid_until")),
        venue=optional_text(body, "venue"),
        resolved_by_venue=optional_text(by, "venue"),
    )


# A referral's state and outcome go together: the kiosk lets a passenger board
# on "cleared", so an answer that mixes them up is not believed.
_REFERRAL_STATES = frozenset({("open", None), ("resolved", "cleared"), ("resolved", "confirmed")})


def _text(body: Mapping[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str):
        raise TransientError(f"unexpected answer: {name} is not a text")
    return value


def optional_text(body: Mapping[str, Any], name: str) -> str | None:
    return None if body.get(name) is None else _text(body, name)


def as_object(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TransientError("unexpected answer: not a JSON object")
    return value


def as_list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TransientError("unexpected answer: not a JSON array")
    return value


def as_strings(value: object) -> tuple[str, ...]:
    items = as_list(value)
    if not all(isinstance(item, str) for item in items):
        raise TransientError("unexpected answer: ids are not strings")
    return tuple(items)


def rejection_from(value: object) -> tuple[str | None, str]:
    entry = as_object(value)
    event_id, reason = entry.get("id"), entry.get("reason")
    if not (event_id is None or isinstance(event_id, str)) or not isinstance(reason, str):
        raise TransientError("unexpected answer: a rejection without id or reason")
    return event_id, reason


def known_status_from(body: Mapping[str, Any]) -> KnownStatus:
    status = parse_status(body.get("status"))
    if status is None:
        raise TransientError(f"unexpected answer: unknown status {body.get('status')!r}")
    return KnownStatus(status, as_time_or_none(body.get("valid_until")))


def as_time(value: object) -> float:
    unix = parse_time(value)
    if unix is None:
        raise TransientError(f"unexpected answer: {value!r} is not a time")
    return unix


def as_time_or_none(value: object) -> float | None:
    return None if value is None else as_time(value)


def is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
