"""What the desk controller tells its listeners (:mod:`kiosk.listeners`): typed
values, no display text.

A screen translates these enums and dataclasses into words, colours and
sounds; the terminal desk prints them as JSON lines (:mod:`kiosk.jsonlines`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.decision import Decision
from kiosk.gate.values import OpenRequest
from kiosk.service.errors import ServiceProblem
from kiosk.storage.errors import StoreProblem
from shared.device import DeviceState


class DeviceKind(StrEnum):
    CAMERA = "camera"
    SCANNER = "scanner"


@dataclass(frozen=True)
class DeviceReport:
    """A code reader's state as its worker reported it; None: this desk has no
    such reader (not configured, or it could not be built: `detail` says why)."""

    kind: DeviceKind
    state: DeviceState | None
    detail: str | None = None


@dataclass(frozen=True)
class ServiceState:
    """The service as this desk last saw it, and the outbox behind it.

    `online` is None until the first call; `last_sync` the last time the
    outbox was delivered; `retry_in` when the next attempt is due.
    """

    online: bool | None = None
    problem: ServiceProblem | None = None
    detail: str | None = None
    pending: int = 0
    dead: int = 0
    last_sync: float | None = None
    retry_in: float | None = None


@dataclass(frozen=True)
class OccupancyState:
    """People inside: this desk's own count now, and the whole venue's from the
    service (None when unknown), against the venue's capacity (0: no limit)."""

    local: int = 0
    venue: int | None = None
    capacity: int = 0

    @property
    def inside(self) -> int:
        """The venue's count, never below this desk's own (its latest entries may
        not have reached the service yet)."""
        return self.local if self.venue is None else max(self.venue, self.local)


@dataclass(frozen=True)
class KeyListState:
    """The pass-signing keys this desk holds, as of `as_of`: when the list was
    last fetched from the service (None: never), how many keys it trusts (pinned
    ones too), and the age past which staff are alerted (seconds)."""

    fetched_at: float | None = None
    keys: int = 0
    alert_after: float = 7 * 86_400.0
    as_of: float = 0.0

    @property
    def age(self) -> float | None:
        """Seconds since the fetch, at `as_of` (None: never fetched)."""
        return None if self.fetched_at is None else max(0.0, self.as_of - self.fetched_at)

    @property
    def too_old(self) -> bool:
        """Older than allowed (or never fetched): a pass signed by a key rotated in
        since is let in only by staff while the service cannot be asked."""
        age = self.age
        return age is None or age > self.alert_after


@dataclass(frozen=True)
class StaffQuestion:
    """Staff must decide (unverified visitor, pass-back): Admit or Refuse.

    `id` is the decision's id; after `deadline` the visit is recorded as
    `ask_staff` (not admitted). Questions queue: the desk tells the oldest
    open one, with `waiting` the number of others behind it."""

    id: str
    decision: Decision
    deadline: float
    waiting: int = 0


class QuestionEnd(StrEnum):
    ANSWERED = "answered"
    TIMED_OUT = "timed_out"
    STOPPED = "stopped"  # the desk stopped with the question open


class AnswerIgnored(StrEnum):
    """Why a staff answer changed nothing (a double tap, a late answer)."""

    ALREADY_ANSWERED = "already_answered"
    TIMED_OUT = "timed_out"
    UNKNOWN_QUESTION = "unknown_question"


@dataclass(frozen=True)
class RecentEvent:
    """One of today's events for the staff panel: masked, no raw IIN. An
    annulment (`entry_annulled`, `exit_annulled`) has the masked id of the
    event it annuls; a `gate_opened` the operator, direction and reason."""

    id: str
    type: str
    occurred_at: float
    decision: str | None = None
    status: str | None = None
    masked_id: str | None = None
    method: str | None = None
    automatic: bool = False
    operator: str | None = None
    synced: bool = False
    annulled: bool = False
    """A check-in (check-out) the gate annulled: nobody walked through."""
    direction: str | None = None
    """A gate opened by staff: `entry` or `exit`."""
    reason: str | None = None
    """… and why, as staff said."""


@dataclass(frozen=True)
class RedReport:
    """A report to the sanitary service about a red-status visitor, and where it is:
    queued, delivered (with the service's receipt time), or refused."""

    id: str
    occurred_at: float
    masked_id: str | None = None
    retroactive: bool = False  # decided offline, found red later
    admitted: bool = False  # the visitor was let in (for a retroactive one: while offline)
    delivered_at: float | None = None
    received_at: float | None = None
    refused: str | None = None


@dataclass(frozen=True)
class Recorded:
    """An entry or an exit on disk, told once, after the commit.

    `event_ids` are the events written for it, the check-in or check-out
    first (`event_id`), then a staff override or a red report that went with
    it; `at` is when they were committed, by the desk's clock: for an entry
    staff let in, the answer's time, not the scan's (`decision.decided_at`).
    """

    event_ids: tuple[str, ...]
    at: float
    decision: Decision

    @property
    def event_id(self) -> str:
        """The check-in (an entry) or the check-out (an exit)."""
        return self.event_ids[0]


class GateEnd(StrEnum):
    """How an open of the gate ended."""

    PASSED = "passed"  # someone went through
    ANNULLED = "annulled"  # nobody did: the entry (exit) it was for is annulled
    NO_PASSAGE = "no_passage"  # nobody did, nothing annulled (a staff open; the gate unreachable)
    DROPPED = "dropped"  # the open never reached the gate in time: it is not sent later


@dataclass(frozen=True)
class GateClosed:
    """An open of the gate ended. For an annulment, `annulment` is the event
    recorded (`entry_annulled`, `exit_annulled`) and `masked_id` whose it was."""

    request: OpenRequest
    end: GateEnd
    at: float
    annulment: str | None = None
    masked_id: str | None = None


@dataclass(frozen=True)
class DeskFailure:
    """The desk cannot record any more: it has stopped (exit 3 for a command)."""

    problem: StoreProblem
    message: str
