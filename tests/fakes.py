"""Hand-written fakes shared by the tests (no mocks)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.passes import TrustList, public_jwk, sign_pass
from kiosk.service.errors import PermanentError, ServiceProblem, TransientError
from kiosk.service.lookup import LookupFailed, VenueStay, VisitFacts
from kiosk.service.wire import BatchResult, KnownStatus
from kiosk.status import Status

START = 1_790_000_000.0  # 2026-09-21, a fixed "now" for tests


class FakeClock:
    """A clock that moves only when told."""

    def __init__(self, now: float = START) -> None:
        self.current = now
        self.wall_set = 0.0

    def now(self) -> float:
        return self.current + self.wall_set

    def monotonic(self) -> float:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += seconds

    def set_wall(self, seconds: float) -> None:
        """The wall clock is set by *seconds* (a time sync): intervals do not move."""
        self.wall_set += seconds


def clock_within_today(span_s: float = 1200.0) -> FakeClock:
    """A clock at about the real now (for tests against the sandbox, which
    refuses events far from its own time), moved back when the next *span_s*
    seconds would cross local midnight: without a closing time that is the
    business day's end, when everyone inside is checked out, and a test that
    advances its clock across it finds events it did not make."""
    now = time.time()
    today = dt.datetime.fromtimestamp(now).astimezone()
    midnight = (today + dt.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    left = midnight.timestamp() - now
    return FakeClock(now if left > span_s else now - (span_s - left) - 60)


@dataclass(frozen=True)
class Facts:
    status: Status
    valid_until: float | None = None


@dataclass
class FakeSource:
    """An online status source with a fixed list of people; can go offline."""

    people: dict[str, Status] = field(default_factory=dict)
    online: bool = True
    calls: list[str] = field(default_factory=list)

    def lookup(self, iin: str) -> Facts:
        self.calls.append(iin)
        if not self.online:
            raise LookupFailed("offline")
        return Facts(self.people.get(iin, Status.BLUE))


@dataclass
class KeyedSource(FakeSource):
    """A status source that also lists the pass-signing keys (a `KeySource`, and a
    keys API for `TrustKeeper.refresh`): `keys` is what the service lists now,
    `fetches` how often it was asked. Offline it answers nothing."""

    keys: TrustList = field(default_factory=TrustList)
    fetches: int = 0

    def fetch_keys(self) -> dict[str, Any]:
        self.fetches += 1
        if not self.online:
            raise LookupFailed(ServiceProblem.OFFLINE)
        return self.keys.to_jwks()

    def get_keys(self) -> dict[str, Any]:
        return self.fetch_keys()


class PassIssuer:
    """Signs passes with a key generated for the test, and trusts it."""

    def __init__(self, kid: str = "test-key") -> None:
        self.key = Ed25519PrivateKey.generate()
        self.kid = kid
        self.trust = TrustList.from_jwks({"keys": [public_jwk(self.key.public_key(), kid)]})

    def issue(
        self,
        iin: str,
        status: Status,
        *,
        at: float,
        lifetime: float = 300,
        status_valid_until: float | None = None,
        name: str | None = None,
    ) -> str:
        return sign_pass(
            self.key,
            self.kid,
            iin=iin,
            status=status,
            issued_at=at,
            lifetime=lifetime,
            status_valid_until=status_valid_until,
            name=name,
        )


class ScriptedService:
    """Stores events by id like the real service; fails as scripted first."""

    def __init__(self) -> None:
        self.stored: dict[str, dict[str, Any]] = {}
        self.batches: list[list[str]] = []
        self.failures: list[Exception] = []
        self.statuses: dict[str, Status] = {}
        self.reject: set[str] = set()
        self.refuse_whole_batch_with: set[str] = set()
        self.lose_answer_once = False

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchResult:
        ids = [str(e["id"]) for e in events]
        self.batches.append(ids)
        if self.failures:
            raise self.failures.pop(0)
        if self.refuse_whole_batch_with & set(ids):
            raise PermanentError("400 invalid event", status=400)
        accepted, duplicate, rejected = [], [], []
        statuses = {}
        for event in events:
            event_id = str(event["id"])
            if event_id in self.reject:
                rejected.append((event_id, "bad venue"))
                continue
            if event_id in self.stored:
                duplicate.append(event_id)
            else:
                self.stored[event_id] = dict(event)
                accepted.append(event_id)
            if event["type"] == "check_in" and event["iin"]:
                status = self.statuses.get(str(event["iin"]), Status.BLUE)
                statuses[event_id] = KnownStatus(status, None)
        if self.lose_answer_once:
            self.lose_answer_once = False
            raise TransientError("read timed out")
        return BatchResult(tuple(accepted), tuple(duplicate), tuple(rejected), statuses)


# Valid IINs for tests (checked by tests/unit/test_iin.py's reference).
GREEN_IIN = "870412300005"
BLUE_IIN = "870412300017"
YELLOW_IIN = "870412300029"
RED_IIN = "870412300030"
OTHER_IIN = "870412300042"


@dataclass
class FakeVenue(FakeSource):
    """A status source that also says who is inside the whole venue (a `VisitSource`).

    `inside` maps an IIN to the venue's stay; `count` is the venue's count.
    """

    inside: dict[str, VenueStay] = field(default_factory=dict)
    count: int | None = None

    def visit(self, iin: str, *, status: bool) -> VisitFacts:
        if not self.online:
            problem = ServiceProblem.OFFLINE
            return VisitFacts(status_problem=problem if status else None, presence_problem=problem)
        stay = replace(self.inside.get(iin, VenueStay(False)), venue_inside=self.count)
        return VisitFacts(status=self.lookup(iin) if status else None, presence=stay)


class RecordingGate:
    """The gate port, recording the pulses asked of it; a test plays the
    driver's reports to the keeper itself."""

    def __init__(
        self,
        *,
        entry: bool = True,
        exit: bool = False,
        entry_sensor: bool = True,
        exit_sensor: bool = False,
    ) -> None:
        self.outputs = (entry, exit)
        self.sensors = (entry_sensor, exit_sensor)
        self.pulses: list[tuple[bool, int, float]] = []  # (exit, command, within_s)

    def opens(self, *, exit: bool) -> bool:
        return self.outputs[exit]

    def senses(self, *, exit: bool) -> bool:
        return self.sensors[exit]

    def pulse(self, *, exit: bool, command: int, within_s: float) -> None:
        self.pulses.append((exit, command, within_s))
