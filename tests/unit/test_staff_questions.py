"""Staff questions queue: a second visitor waits behind the first instead of
wiping it; the panel is told the question to show and how many wait; answers
go to the one shown; each is answered or times out on its own. A visit found
red at sync is "admitted offline" only when it was admitted."""

from __future__ import annotations

from typing import Any

from kiosk.decision import StaffInput
from kiosk.desksettings import DeskSettings
from kiosk.news import QuestionEnd, StaffQuestion
from kiosk.policy import Outcome, Policy
from kiosk.recent import RedReports
from kiosk.reception import Reception
from kiosk.status import Status
from kiosk.storage.alerts import AlertKind, Alerts
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.sync import Syncer
from kiosk.vocabulary import Method, StaffAnswer
from tests.fakes import (
    BLUE_IIN,
    GREEN_IIN,
    OTHER_IIN,
    FakeClock,
    FakeSource,
    PassIssuer,
    ScriptedService,
)
from tests.unit import test_desk
from tests.unit.test_desk import DESK

make_desk = test_desk.make_desk  # the desks of test_desk.py, with its `source`
source = test_desk.source


def shown(desk: Any) -> StaffQuestion:
    """The question the panel shows now (the last one told)."""
    question: StaffQuestion = desk.heard.of("question_asked")[-1][0]
    return question


def test_a_second_visitor_waits_behind_the_open_question_instead_of_replacing_it(
    make_desk: Any, source: FakeSource
) -> None:
    source.online = False
    desk = make_desk()
    first = desk.scan(GREEN_IIN)
    assert shown(desk).id == first.id

    second = desk.scan(BLUE_IIN)
    assert second.outcome is Outcome.ASK_STAFF
    assert shown(desk).id == first.id, "the first stays shown"
    assert shown(desk).waiting == 1

    desk.heard.clear()
    desk.do(lambda: desk.controller.answer(first.id, StaffAnswer.ADMIT, "aigerim"))
    [(closed_id, end, recorded)] = desk.heard.of("question_closed")
    assert (closed_id, end, recorded.outcome) == (first.id, QuestionEnd.ANSWERED, Outcome.ADMIT)
    assert (shown(desk).id, shown(desk).waiting) == (second.id, 0), "then the second"
    order = [name for name, _ in desk.heard.calls if name.startswith("question")]
    assert order == ["question_closed", "question_asked"]

    desk.heard.clear()
    desk.do(lambda: desk.controller.answer(second.id, StaffAnswer.REFUSE, "aigerim"))
    [(_, _, refused)] = desk.heard.of("question_closed")
    assert refused.outcome is Outcome.DENY and not desk.heard.of("question_asked")
    assert desk.count("check_in") == 2


def test_each_queued_question_times_out_on_its_own(
    make_desk: Any, source: FakeSource, clock: FakeClock
) -> None:
    source.online = False
    desk = make_desk()
    first = desk.scan(GREEN_IIN)
    clock.advance(30)
    second = desk.scan(BLUE_IIN)
    third = desk.scan(OTHER_IIN)
    assert shown(desk).waiting == 2

    clock.advance(31)  # the first's minute is up, not the others'
    desk.heard.clear()
    desk.do(desk.controller.tick)
    assert [(q, end) for q, end, _ in desk.heard.of("question_closed")] == [
        (first.id, QuestionEnd.TIMED_OUT)
    ]
    assert (shown(desk).id, shown(desk).waiting) == (second.id, 1)

    desk.heard.clear()
    desk.do(lambda: desk.controller.answer(second.id, StaffAnswer.ADMIT, "aigerim"))
    assert [q for q, _, _ in desk.heard.of("question_closed")] == [second.id]
    assert (shown(desk).id, shown(desk).waiting) == (third.id, 0)

    clock.advance(30)
    desk.do(desk.controller.tick)
    ends = {q: (end, d.outcome) for q, end, d in desk.heard.of("question_closed")}
    assert ends[third.id] == (QuestionEnd.TIMED_OUT, Outcome.ASK_STAFF)


def test_a_visitor_refused_or_never_answered_offline_is_reported_but_not_alerted_when_found_red(
    store: Store, clock: FakeClock
) -> None:
    source = FakeSource(online=False)
    issuer = PassIssuer()
    reception = Reception(
        DeskSettings(desk=DESK, policy=Policy()), store, clock, lambda: issuer.trust, source
    )
    admitted = reception.record(
        reception.check(GREEN_IIN, Method.SCANNER), StaffInput(StaffAnswer.ADMIT, "aigerim")
    )
    refused = reception.record(
        reception.check(BLUE_IIN, Method.SCANNER), StaffInput(StaffAnswer.REFUSE, "aigerim")
    )
    unanswered = reception.record(reception.check(OTHER_IIN, Method.SCANNER), None)
    assert unanswered.outcome is Outcome.ASK_STAFF
    service = ScriptedService()
    service.statuses = {iin: Status.RED for iin in (GREEN_IIN, BLUE_IIN, OTHER_IIN)}

    report = Syncer(store, service, clock).run_once()

    assert report.retroactive_red == 1
    [alert] = Alerts(store).unseen()
    assert alert.kind is AlertKind.RETROACTIVE_RED
    assert alert.payload.check_in == admitted.event_ids[0]
    assert Outbox(store).stats().pending == 0
    # Every unverified visit found red is the sanitary service's to know, let in or not.
    assert report.retroactive_reports == 3
    reports = [e["data"] for e in service.stored.values() if e["type"] == "red_report"]
    visits = (admitted, refused, unanswered)
    assert [r["check_in"] for r in reports] == [v.event_ids[0] for v in visits]
    assert {r["provenance"] for r in reports} == {"retroactive"}
    # The sanitary-service tab says which visitor was let in offline.
    shown = {(r.masked_id, r.retroactive, r.admitted) for r in RedReports(store).since(0)}
    assert shown == {
        (admitted.masked_id, True, True),
        (refused.masked_id, True, False),
        (unanswered.masked_id, True, False),
    }
    assert {refused.outcome, unanswered.outcome} == {Outcome.DENY, Outcome.ASK_STAFF}
