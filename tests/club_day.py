"""A scripted day at a fitness club (Almaty, closing at 22:00), recorded
through the real desk flow and the real sync, for the day report's tests
and the dashboard's: entries and exits, a refusal, a red, visitors let in
while offline (two later found red), a staff override, referrals and the
close-out."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from kiosk.dayend import BusinessDay
from kiosk.decision import StaffInput
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.policy import Outcome, Policy
from kiosk.reception import Reception
from kiosk.reports.dashboard import DayReport, day_report
from kiosk.status import Status
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.sync import Syncer
from kiosk.vocabulary import Method, StaffAnswer
from shared.backoff import Backoff, BackoffPolicy
from tests.fakes import (
    BLUE_IIN,
    GREEN_IIN,
    OTHER_IIN,
    RED_IIN,
    YELLOW_IIN,
    FakeClock,
    FakeSource,
    PassIssuer,
    ScriptedService,
)

ALMATY = ZoneInfo("Asia/Almaty")
DAY = dt.date(2026, 9, 22)
ONE = dt.timedelta(days=1)
NEXT = DAY + ONE
CLUB = BusinessDay(dt.time(22, 0), ALMATY)
DESK = DeskIdentity("150340012345", "main", "desk-1")
# Visitors the service cannot be asked about (the network is down).
U1, U2, U3, U4 = "870412300054", "870412300066", "870412300078", OTHER_IIN
STAFF = StaffInput(StaffAnswer.ADMIT, "aigerim")


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> float:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ALMATY).timestamp()


def local(moment: float) -> str:
    return dt.datetime.fromtimestamp(moment, ALMATY).strftime("%H:%M")


class ClubDay:
    """A day at the club, told step by step; `report(now)` reads it at any time."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock = FakeClock(at(7, 0))
        self.issuer = PassIssuer()
        self.source = FakeSource(
            {GREEN_IIN: Status.GREEN, BLUE_IIN: Status.BLUE, YELLOW_IIN: Status.YELLOW}
        )
        self.source.people[RED_IIN] = Status.RED
        settings = DeskSettings(
            desk=DESK, policy=Policy(), closing_time=dt.time(22, 0), timezone=ALMATY
        )
        self.desk = Reception(settings, store, self.clock, lambda: self.issuer.trust, self.source)
        self.service = ScriptedService()
        self.service.statuses = {U1: Status.RED, U2: Status.BLUE, U4: Status.RED}

    def at(self, moment: float) -> ClubDay:
        self.clock.current = moment
        return self

    def scan(self, iin: str, staff: StaffInput | None = None) -> Outcome:
        return self.desk.check(iin, Method.MANUAL, staff).outcome

    def unverified(self, iin: str, staff: StaffInput | None) -> Outcome:
        self.source.online = False
        pending = self.desk.check(iin, Method.MANUAL)
        assert pending.outcome is Outcome.ASK_STAFF
        outcome = self.desk.record(pending, staff).outcome  # None: nobody answered in time
        self.source.online = True
        return outcome

    def refer(self, **data: str) -> None:
        """The events the referral flow records (built on another branch)."""
        self._record(NewEvent(EventType.REFERRAL_OPENED, self.clock.now(), data, YELLOW_IIN))

    def resolve(self, referral_id: str, outcome: str) -> None:
        data = {"referral_id": referral_id, "outcome": outcome}
        self._record(NewEvent(EventType.REFERRAL_RESOLVED, self.clock.now(), data))

    def _record(self, event: NewEvent) -> None:
        Outbox(self.store).add([event], desk=DESK, now=self.clock.now())

    def sync(self) -> None:
        backoff = Backoff(BackoffPolicy(1.0, 60.0, jitter=True), rng=random.Random(7))
        report = Syncer(self.store, self.service, self.clock, backoff=backoff)
        assert report.run_once().error is None

    def report(self, now: float, day: dt.date = DAY) -> DayReport:
        return day_report(self.store, day, CLUB, now=now)


def play(day: ClubDay, *, until: float, after: float = 0.0) -> None:
    """The club's day (and the next morning): the steps after *after*, up to *until*."""
    script = [
        (at(8, 0), lambda: day.desk.check(_pass(day, GREEN_IIN), Method.CAMERA)),
        (at(8, 30), lambda: day.scan(BLUE_IIN)),
        (at(9, 0), lambda: day.scan(YELLOW_IIN)),  # refused
        (at(9, 15), lambda: day.scan(RED_IIN)),  # refused, reported to the SES
        (at(9, 20), lambda: day.refer(referral_id="r1", ticket="A1")),
        (at(9, 21), lambda: day.refer(referral_id="r2", ticket="A2")),
        (at(9, 25), lambda: day.refer()),  # no id: still counted
        (at(9, 40), lambda: day.resolve("r1", "cleared")),
        (at(10, 0), lambda: day.unverified(U1, STAFF)),  # offline: staff let them in
        (at(10, 10), lambda: day.unverified(U2, STAFF)),
        (at(10, 20), lambda: day.unverified(U3, None)),  # nobody answered: not admitted
        (at(11, 0), lambda: day.scan(YELLOW_IIN, StaffInput(StaffAnswer.ADMIT, "aigerim", "note"))),
        (at(12, 0), lambda: day.scan(GREEN_IIN)),  # leaves
        (at(13, 0), day.sync),  # back online: U1 was red all along, U2 blue
        (at(14, 0), lambda: day.unverified(U4, STAFF)),
        (at(15, 0), lambda: day.scan(BLUE_IIN)),  # leaves
        (at(22, 5), day.desk.tick),  # closing time passed: everyone inside checked out at 22:00
        (at(8, 30, NEXT), day.sync),  # U4 was red: found the next morning
        (at(9, 0, NEXT), lambda: day.resolve("r2", "confirmed")),  # the doctor, next morning
    ]
    for moment, step in script:
        if moment > until:
            return
        if moment <= after:
            continue
        day.at(moment)
        step()


def _pass(day: ClubDay, iin: str) -> str:
    return day.issuer.issue(iin, Status.GREEN, at=day.clock.now())
