"""What the gate keeper answers and tells: typed values, no display text.

A screen translates these; the desk records some of them as events
(`gate_opened` for a staff open, `entry_annulled` / `exit_annulled` for an
annulment) and raises or clears the `gate_unreachable` alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.decision import Direction


@dataclass(frozen=True)
class StaffOpen:
    """Who opened the gate by hand, and why (recorded as a `gate_opened` event)."""

    operator: str
    reason: str


@dataclass(frozen=True)
class OpenRequest:
    """One open the keeper asked of the gate.

    `command` numbers the keeper's requests; `event_id` is the check-in (an
    entry) or check-out (an exit) the open lets through, None for a staff
    open, which carries `staff` instead.
    """

    command: int
    direction: Direction
    requested_at: float
    event_id: str | None = None
    staff: StaffOpen | None = None


class NoOpenReason(StrEnum):
    """Why an input opened nothing."""

    NOT_ADMITTED = "not_admitted"  # a denial, an unanswered question, a bad code
    REPEAT = "repeat"  # shown again: nothing was recorded
    LOOKUP_ONLY = "lookup_only"  # a doctor-room look-up
    AWAITING_STAFF = "awaiting_staff"  # staff have not answered yet
    NOT_RECORDED = "not_recorded"  # the event is not one the decision recorded
    WRONG_DIRECTION = "wrong_direction"  # an exit reported as an entry, or the reverse
    NO_CHANNEL = "no_channel"  # this gate has no output for that direction
    ALREADY_OPENED = "already_opened"  # the same event again: one open per event
    LATE = "late"  # recorded longer ago than an open may take: opening now is for nobody
    NO_OPERATOR = "no_operator"  # a staff open must say who
    NO_REASON = "no_reason"  # … and why


@dataclass(frozen=True)
class NoOpen:
    """The keeper did not open the gate, and why."""

    reason: NoOpenReason


@dataclass(frozen=True)
class Opened:
    """The gate took the pulse: it is open for one person now ("Go through")."""

    request: OpenRequest
    at: float


@dataclass(frozen=True)
class OpenDropped:
    """The open did not reach the gate in time; it is dropped, never sent later."""

    request: OpenRequest
    at: float


@dataclass(frozen=True)
class Passed:
    """Someone went through; `request` is the open it used, None when no open was
    waiting (a tailgater, the gate opened by hand)."""

    direction: Direction
    at: float
    request: OpenRequest | None = None


@dataclass(frozen=True)
class Annulment:
    """Nobody went through an open for a recorded entry or exit, while the sensor
    was watched the whole time: the desk annuls `event_id` (`entry_annulled`
    names a check-in, `exit_annulled` a check-out)."""

    direction: Direction
    event_id: str
    request: OpenRequest
    at: float


class Unconfirmed(StrEnum):
    """Why an open nobody used annuls nothing."""

    GATE_UNREACHABLE = "gate_unreachable"  # the sensor could not be watched: the event stands
    STAFF_OPEN = "staff_open"  # a staff open has no event to annul


@dataclass(frozen=True)
class NoPassage:
    """An open's wait for a passage ended without one, and nothing is annulled."""

    request: OpenRequest
    why: Unconfirmed
    at: float


@dataclass(frozen=True)
class GateUnreachable:
    """The gate stopped answering (raise the `gate_unreachable` alert). The desk
    goes on deciding and recording; opens meanwhile are dropped after their time."""

    detail: str | None
    at: float


@dataclass(frozen=True)
class GateReachable:
    """The gate answers (again): clear the `gate_unreachable` alert."""

    at: float


GateNews = Opened | OpenDropped | Passed | Annulment | NoPassage | GateUnreachable | GateReachable
"""Everything the keeper tells its owner after an input or a tick."""


@dataclass(frozen=True)
class GateState:
    """The gate as the staff panel shows it.

    `reachable` is None until the driver first reports; `waiting` counts the
    opens still waiting for a passage.
    """

    entry_channel: bool = False
    exit_channel: bool = False
    entry_sensor: bool = False
    exit_sensor: bool = False
    reachable: bool | None = None
    detail: str | None = None
    waiting: int = 0

    @property
    def present(self) -> bool:
        """A gate is configured (the `none` driver opens nothing)."""
        return self.entry_channel or self.exit_channel

    def senses(self, direction: Direction) -> bool:
        """Passages that way are seen: an open there ends with news of how."""
        return self.exit_sensor if direction is Direction.EXIT else self.entry_sensor
