"""Doctor referrals: opened by a boarding desk, resolved by the doctor, listed per venue.

A `referral_opened` event opens one (its `data.referral_id` names it; the
same id again changes nothing). A resolution arrives either as a
`referral_resolved` event or through `POST /v1/referrals/{id}/resolution`;
both go through `ReferralStore.apply`, so the rules are one: only a doctor
room of the referral's venue resolves it, at a time neither ahead of the
service's clock nor before the referral was opened (both by more than
RESOLUTION_SKEW); the first resolution wins, and the same resolution id
again is a harmless replay (a kiosk that resolved online still uploads the
event from its outbox, with the event id as the resolution id).
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.referrals.values import RESOLUTION_LIFETIME, RESOLUTION_SKEW, ReferralState
from sandbox.devices import Device, DeviceRole
from sandbox.events import ValidEvent
from sandbox.wire import canonical_uuid
from shared.clock import Clock

if TYPE_CHECKING:
    from sandbox.db import SandboxDb


class Applied(StrEnum):
    """What a resolution did; all but the first two are refusals, each also the
    event's rejection reason and the problem's code."""

    RESOLVED = "resolved"
    REPLAYED = "replayed"
    UNKNOWN = "unknown_referral"
    CONFLICT = "already_resolved"
    NOT_A_DOCTOR = "not_a_doctor_room"
    WRONG_VENUE = "wrong_venue"
    IN_FUTURE = "resolved_in_future"
    BEFORE_OPENED = "resolved_before_opened"

    @property
    def refused(self) -> bool:
        return self not in (Applied.RESOLVED, Applied.REPLAYED)


@dataclass(frozen=True)
class Resolution:
    """A doctor's decision on a referral; `id` is its idempotency key (canonical UUIDs)."""

    id: str
    referral_id: str
    outcome: str
    note: str
    resolved_at: float
    venue_bin: str | None = None
    entrance: str | None = None
    desk: str | None = None


@dataclass(frozen=True)
class ReferralRecord:
    """A referral as stored; the `resolved_*` fields, outcome and valid_until once resolved."""

    id: str
    venue_bin: str
    entrance: str
    desk: str
    opened_at: float
    iin: str
    ticket: str
    masked_id: str
    name: str | None
    status_shown: str | None
    provenance: str
    reason: str
    note: str | None
    check_in: str | None
    resolution_id: str | None
    outcome: str | None
    resolution_note: str | None
    resolved_at: float | None
    resolved_by_venue: str | None
    resolved_by_entrance: str | None
    resolved_by_desk: str | None
    valid_until: float | None

    @property
    def state(self) -> ReferralState:
        return ReferralState.OPEN if self.resolution_id is None else ReferralState.RESOLVED


@dataclass(frozen=True)
class ResolutionResult:
    applied: Applied
    referral: ReferralRecord | None


@dataclass(frozen=True)
class ReferralList:
    """A venue's referrals, by opened_at; `as_of` is a safe `since` for the next pull."""

    venue_bin: str
    as_of: float
    referrals: list[ReferralRecord]


_COLUMNS = (
    "id, venue_bin, entrance, desk, opened_at, iin, ticket, masked_id, name, status_shown, "
    "provenance, reason, note, check_in, resolution_id, outcome, resolution_note, resolved_at, "
    "resolved_by_venue, resolved_by_entrance, resolved_by_desk, valid_until"
)
_BY_ID = f"SELECT {_COLUMNS} FROM referrals WHERE id = ?"


class ReferralStore:
    """Referrals in the sandbox file, with the service's clock for `changed_at` and `as_of`."""

    def __init__(self, db: SandboxDb, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def on_event(
        self, conn: sqlite3.Connection, event: ValidEvent, by: Device | None = None
    ) -> str | None:
        """The intake effect of a new event (inside the intake transaction); a reason
        refuses it. *by*: the device that uploaded it (None: the service itself)."""
        if event.type == "referral_opened":
            self._open(conn, event)
        elif event.type == "referral_resolved":
            result = self.apply(conn, _resolution_of(event), by)
            if result.applied.refused:
                return result.applied.value
        return None

    def resolve(self, resolution: Resolution, by: Device | None = None) -> ResolutionResult:
        with self._db.transaction() as conn:
            return self.apply(conn, resolution, by)

    def apply(
        self, conn: sqlite3.Connection, resolution: Resolution, by: Device | None = None
    ) -> ResolutionResult:
        """Resolve a referral unless it is resolved already: the first resolution wins.

        *by* is the device asking (None: the service itself, trusted). A device
        must be a doctor room of the referral's venue; the resolution must name
        no other venue, and its time must fit the service's clock and the
        referral's opening, within RESOLUTION_SKEW.
        """
        found = _get(conn, resolution.referral_id)
        if found is None:
            return ResolutionResult(Applied.UNKNOWN, None)
        refused = _who_may_not(found, resolution, by)
        if refused is not None:
            # nothing of the referral goes back to a device that may not resolve it
            return ResolutionResult(refused, None)
        if found.resolution_id == resolution.id:
            return ResolutionResult(Applied.REPLAYED, found)
        if found.resolution_id is not None:
            return ResolutionResult(Applied.CONFLICT, found)
        if resolution.resolved_at > self._clock.now() + RESOLUTION_SKEW:
            return ResolutionResult(Applied.IN_FUTURE, found)
        if resolution.resolved_at < found.opened_at - RESOLUTION_SKEW:
            return ResolutionResult(Applied.BEFORE_OPENED, found)
        venue = by.venue_bin if by is not None else resolution.venue_bin
        conn.execute(
            "UPDATE referrals SET resolution_id = ?, outcome = ?, resolution_note = ?, "
            "resolved_at = ?, resolved_by_venue = ?, resolved_by_entrance = ?, "
            "resolved_by_desk = ?, valid_until = ?, changed_at = ? WHERE id = ?",
            (
                resolution.id,
                resolution.outcome,
                resolution.note,
                resolution.resolved_at,
                venue,
                resolution.entrance,
                resolution.desk,
                resolution.resolved_at + RESOLUTION_LIFETIME,
                self._clock.now(),
                found.id,
            ),
        )
        return ResolutionResult(Applied.RESOLVED, _get(conn, found.id))

    def get(self, referral_id: str) -> ReferralRecord | None:
        rows = self._db.read(_BY_ID, (referral_id,))
        return ReferralRecord(*rows[0]) if rows else None

    def list(
        self,
        venue_bin: str,
        *,
        state: ReferralState | None = None,
        since: float | None = None,
        limit: int | None = None,
    ) -> ReferralList:
        """A venue's referrals in the order they were opened.

        *since* keeps those opened or resolved at or after it, by the kiosks'
        times, and those the service learnt of or saw resolved since, by its
        own: a referral uploaded late, after an outage, is not missed by a
        doctor's screen that pulls with the previous answer's `as_of`.
        """
        where: list[str] = ["venue_bin = ?"]
        params: list[object] = [venue_bin]
        if state is ReferralState.OPEN:
            where.append("resolution_id IS NULL")
        elif state is ReferralState.RESOLVED:
            where.append("resolution_id IS NOT NULL")
        if since is not None:
            where.append("(opened_at >= ? OR resolved_at >= ? OR changed_at >= ?)")
            params += [since, since, since]
        sql = (
            f"SELECT {_COLUMNS} FROM referrals WHERE {' AND '.join(where)} "
            "ORDER BY opened_at, rowid LIMIT ?"
        )
        with self._db.locked():
            # cut to the millisecond the wire carries: rounded up, a change in
            # that fraction of a millisecond would fall before the next `since`
            as_of = math.floor(self._clock.now() * 1000) / 1000
            rows = self._db.read(sql, [*params, -1 if limit is None else limit])
        return ReferralList(venue_bin, as_of, [ReferralRecord(*row) for row in rows])

    def _open(self, conn: sqlite3.Connection, event: ValidEvent) -> None:
        data = event.data
        conn.execute(
            "INSERT OR IGNORE INTO referrals (id, venue_bin, entrance, desk, opened_at, "
            "opened_by, iin, ticket, masked_id, name, status_shown, provenance, reason, note, "
            "check_in, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                canonical_uuid(data["referral_id"]),
                event.venue_bin,
                event.entrance,
                event.desk,
                event.occurred_at,
                event.key,
                event.iin,
                data["ticket"],
                data["masked_id"],
                data.get("name"),
                data["status_shown"],
                data["provenance"],
                data["reason"],
                data.get("note"),
                canonical_uuid(data.get("check_in")),
                self._clock.now(),
            ),
        )


def _who_may_not(
    found: ReferralRecord, resolution: Resolution, by: Device | None
) -> Applied | None:
    """Why *by* may not resolve *found* (None: it may)."""
    if resolution.venue_bin is not None and resolution.venue_bin != found.venue_bin:
        return Applied.WRONG_VENUE
    if by is None:
        return None
    if by.role is not DeviceRole.DOCTOR:
        return Applied.NOT_A_DOCTOR
    if by.venue_bin != found.venue_bin:
        return Applied.WRONG_VENUE
    return None


def _resolution_of(event: ValidEvent) -> Resolution:
    """A `referral_resolved` event as a resolution: its id is the key, its desk the doctor's."""
    referral_id = canonical_uuid(event.data["referral_id"])
    assert referral_id is not None  # validated at intake
    return Resolution(
        id=event.key,
        referral_id=referral_id,
        outcome=event.data["outcome"],
        note=event.data["note"],
        resolved_at=event.occurred_at,
        venue_bin=event.venue_bin,
        entrance=event.entrance,
        desk=event.desk,
    )


def _get(conn: sqlite3.Connection, referral_id: str) -> ReferralRecord | None:
    """`ReferralStore.get` inside a write already under way."""
    row = conn.execute(_BY_ID, (referral_id,)).fetchone()
    return None if row is None else ReferralRecord(*row)
