"""The value a desk check produces: what to show, why, and what was recorded."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.policy import Outcome
from kiosk.reasons import CodeReason
from kiosk.status import Provenance, Status
from kiosk.vocabulary import Method, StaffAnswer


class Direction(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"


class Flag(StrEnum):
    """Things staff should notice about a check."""

    PASSBACK = "passback"
    CAPACITY_REACHED = "capacity_reached"
    RED_REPORT_QUEUED = "red_report_queued"
    NOT_INSIDE = "not_inside"
    STATUS_EXPIRED_IN_PASS = "status_expired_in_pass"
    REPEAT = "repeat"  # the same person again within the re-scan window: nothing recorded
    DOCTOR_CONFIRMED = "doctor_confirmed"  # the doctor confirmed the status: the denial stands
    LOOKUP_ONLY = "lookup_only"  # a doctor-room kiosk looked the status up: nothing recorded


class PresenceSource(StrEnum):
    """What a two-way desk knew about who is inside when it told entry from exit."""

    VENUE = "venue"  # the service's answer for the whole venue (every desk)
    LOCAL = "local"  # this desk's own records only (the service did not answer)


@dataclass(frozen=True)
class StaffInput:
    """A staff member's answer: admit or refuse, who, and why."""

    answer: StaffAnswer
    operator: str
    reason: str | None = None


@dataclass(frozen=True)
class Decision:
    """The outcome of one check at the desk.

    `id` is given at assessment: the check-in it becomes takes it, and it
    names the staff question while one is open. A `repeat` shows an earlier
    decision again (`decided_at` is that decision's time, `repeat_of` its
    event) and records nothing.
    """

    outcome: Outcome
    direction: Direction
    method: Method
    decided_at: float
    status: Status | None = None
    provenance: Provenance = Provenance.NONE
    status_age: float | None = None
    status_valid_until: float | None = None
    masked_id: str | None = None
    name: str | None = None
    reason: CodeReason | None = None
    offer_referral: bool = False
    report_to_ses: bool = False
    flags: frozenset[Flag] = frozenset()
    staff: StaffInput | None = None
    override: bool = False
    policy_outcome: Outcome | None = None
    event_ids: tuple[str, ...] = ()
    recorded_at: float | None = None
    """When `event_ids` were committed, by the desk's clock: for a staff answer,
    the answer's time (`decided_at` stays the scan's)."""
    occupancy: int = 0
    inside_since: float | None = None
    repeat_of: str | None = None
    referral_id: str | None = None
    """The doctor's referral behind the decision: set when `provenance` is doctor."""
    presence: PresenceSource | None = None
    """At a two-way desk: whose knowledge of who is inside told entry from exit."""
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    iin: str | None = field(default=None, repr=False)

    @property
    def awaiting_staff(self) -> bool:
        """An `ask_staff` case that nobody has answered (nothing recorded yet)."""
        return (
            self.outcome is Outcome.ASK_STAFF
            and self.staff is None
            and not self.event_ids
            and Flag.LOOKUP_ONLY not in self.flags
        )

    @property
    def repeat(self) -> bool:
        return Flag.REPEAT in self.flags

    @property
    def admitted(self) -> bool:
        return self.outcome is Outcome.ADMIT

    def to_json(self) -> dict[str, Any]:
        """The JSON words of the command line (docs/architecture.md, section 2); no raw IIN."""
        out: dict[str, Any] = {
            "decision": self.outcome.value,
            "direction": self.direction.value,
            "status": self.status.value if self.status else None,
            "provenance": self.provenance.value,
        }
        if self.status_age is not None:
            out["status_age_s"] = round(self.status_age, 1)
        out["masked_id"] = self.masked_id
        if self.name:
            out["name"] = self.name
        if self.reason:
            out["reason"] = self.reason.value
        if self.offer_referral:
            out["referral_offered"] = True
        out["flags"] = sorted(flag.value for flag in self.flags)
        if self.staff is not None:
            out["staff_answer"] = self.staff.answer.value
            out["operator"] = self.staff.operator
            out["override"] = self.override
        out["method"] = self.method.value
        out["occupancy"] = self.occupancy
        out["event_ids"] = list(self.event_ids)
        if self.repeat_of:
            out["repeat_of"] = self.repeat_of
        if self.referral_id:
            out["referral"] = self.referral_id
        if self.presence is not None:
            out["presence"] = self.presence.value
        return out
