"""The gate keeper's rules, on decisions the real desk flow makes: when the
gate opens, and what a passage, or none, means."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from kiosk.decision import Decision, Direction, StaffInput
from kiosk.desksettings import DeskRole, DeskSettings
from kiosk.events import DeskIdentity
from kiosk.gate.inbox import GateInbox
from kiosk.gate.keeper import GateKeeper, GateRules
from kiosk.gate.values import (
    Annulment,
    GateReachable,
    GateUnreachable,
    NoOpen,
    NoOpenReason,
    NoPassage,
    OpenDropped,
    Opened,
    OpenRequest,
    Passed,
    Unconfirmed,
)
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.status import Status
from kiosk.storage.store import Store
from kiosk.vocabulary import Method, StaffAnswer
from tests.fakes import (
    BLUE_IIN,
    GREEN_IIN,
    OTHER_IIN,
    RED_IIN,
    YELLOW_IIN,
    FakeClock,
    FakeSource,
    PassIssuer,
    RecordingGate,
)

DESK = DeskIdentity("150340012345", "main", "desk-1")
PEOPLE = {GREEN_IIN: Status.GREEN, BLUE_IIN: Status.BLUE, YELLOW_IIN: Status.YELLOW}
PEOPLE |= {RED_IIN: Status.RED}
RULES = GateRules(passage_timeout_s=8.0, open_within_s=2.0, settle_s=1.0)


@pytest.fixture
def source() -> FakeSource:
    return FakeSource(dict(PEOPLE))


@pytest.fixture
def desk(store: Store, clock: FakeClock, source: FakeSource) -> Reception:
    issuer = PassIssuer()
    return Reception(
        DeskSettings(desk=DESK, policy=Policy()), store, clock, lambda: issuer.trust, source
    )


@pytest.fixture
def gate() -> RecordingGate:
    return RecordingGate(entry=True, exit=True, entry_sensor=True, exit_sensor=True)


@pytest.fixture
def keeper(gate: RecordingGate, clock: FakeClock) -> GateKeeper:
    keeper = GateKeeper(gate, clock, RULES)
    assert keeper.gate_linked(reachable=True) == (GateReachable(clock.now()),)
    return keeper


def entered(keeper: GateKeeper, decision: Decision) -> OpenRequest | NoOpen:
    """What the desk does after recording a check-in (`entry_recorded`)."""
    event_id = decision.event_ids[0] if decision.event_ids else ""
    return keeper.entry_recorded(event_id, decision.decided_at, decision)


def opened(keeper: GateKeeper, decision: Decision) -> OpenRequest:
    request = entered(keeper, decision)
    assert isinstance(request, OpenRequest), request
    return request


# -- when the gate opens -------------------------------------------------------------


def test_an_admitted_entry_opens_the_entry_channel_once(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception
) -> None:
    decision = desk.check(GREEN_IIN, Method.CAMERA)

    request = opened(keeper, decision)

    assert request.direction is Direction.ENTRY
    assert request.event_id == decision.event_ids[0]
    assert request.staff is None
    assert gate.pulses == [(False, request.command, 2.0)]
    assert entered(keeper, decision) == NoOpen(NoOpenReason.ALREADY_OPENED)
    assert len(gate.pulses) == 1


@pytest.mark.parametrize("iin", [YELLOW_IIN, RED_IIN])
def test_a_denial_opens_nothing(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception, iin: str
) -> None:
    decision = desk.check(iin, Method.CAMERA)
    assert decision.event_ids  # recorded, as a denial

    assert entered(keeper, decision) == NoOpen(NoOpenReason.NOT_ADMITTED)
    assert gate.pulses == []


def test_an_invalid_code_opens_nothing(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception
) -> None:
    assert entered(keeper, desk.check("not a code", Method.CAMERA)) == NoOpen(
        NoOpenReason.NOT_ADMITTED
    )
    assert gate.pulses == []


def test_a_repeat_opens_nothing_more(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception, clock: FakeClock
) -> None:
    opened(keeper, desk.check(GREEN_IIN, Method.CAMERA))
    clock.advance(5)

    again = desk.check(GREEN_IIN, Method.CAMERA)

    assert again.repeat and again.admitted
    assert entered(keeper, again) == NoOpen(NoOpenReason.REPEAT)
    assert len(gate.pulses) == 1


def test_a_doctor_room_look_up_opens_nothing(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception
) -> None:
    desk.settings = replace(desk.settings, role=DeskRole.DOCTOR)
    decision = desk.check(GREEN_IIN, Method.CAMERA)

    assert entered(keeper, decision) == NoOpen(NoOpenReason.LOOKUP_ONLY)
    assert gate.pulses == []


def test_an_open_staff_question_opens_nothing_until_staff_admit(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception, source: FakeSource, clock: FakeClock
) -> None:
    source.online = False
    pending = desk.check(GREEN_IIN, Method.CAMERA)
    assert pending.awaiting_staff

    assert keeper.entry_recorded(pending.id, pending.decided_at, pending) == NoOpen(
        NoOpenReason.AWAITING_STAFF
    )
    assert gate.pulses == []

    clock.advance(30)  # staff take their time; the visitor waits at the gate
    admitted = desk.record(pending, StaffInput(StaffAnswer.ADMIT, "Aigerim"))
    # The check-in keeps the scan's time; the open counts from when it was recorded.
    assert admitted.decided_at == pending.decided_at
    request = keeper.entry_recorded(admitted.event_ids[0], clock.now(), admitted)
    assert isinstance(request, OpenRequest)
    assert gate.pulses == [(False, request.command, 2.0)]


def test_a_question_nobody_answered_or_staff_refused_opens_nothing(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception, source: FakeSource
) -> None:
    source.online = False
    timed_out = desk.record(desk.check(GREEN_IIN, Method.CAMERA), None)
    refused = desk.record(
        desk.check(BLUE_IIN, Method.CAMERA), StaffInput(StaffAnswer.REFUSE, "Aigerim")
    )

    assert entered(keeper, timed_out) == NoOpen(NoOpenReason.NOT_ADMITTED)
    assert entered(keeper, refused) == NoOpen(NoOpenReason.NOT_ADMITTED)
    assert gate.pulses == []


def test_only_the_recorded_event_of_the_decision_opens(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception
) -> None:
    decision = desk.check(GREEN_IIN, Method.CAMERA)

    assert keeper.entry_recorded("someone-else", decision.decided_at, decision) == NoOpen(
        NoOpenReason.NOT_RECORDED
    )
    assert keeper.exit_recorded(decision.event_ids[0], decision.decided_at, decision) == NoOpen(
        NoOpenReason.WRONG_DIRECTION
    )
    assert gate.pulses == []


def test_an_entry_recorded_too_long_ago_is_not_opened_for_now(
    keeper: GateKeeper, gate: RecordingGate, desk: Reception, clock: FakeClock
) -> None:
    first = desk.check(GREEN_IIN, Method.CAMERA)
    second = desk.check(BLUE_IIN, Method.CAMERA)
    clock.advance(1.5)
    request = opened(keeper, first)
    clock.advance(0.5)

    assert entered(keeper, second) == NoOpen(NoOpenReason.LATE)
    # What is left of the 2 s goes with the command: the driver drops it after that.
    assert gate.pulses == [(False, request.command, pytest.approx(0.5))]


def test_an_exit_opens_the_exit_channel_only_where_there_is_one(
    clock: FakeClock, desk: Reception
) -> None:
    with_exit = RecordingGate(entry=True, exit=True)
    entry_only = RecordingGate(entry=True, exit=False)
    two_way, one_way = GateKeeper(with_exit, clock, RULES), GateKeeper(entry_only, clock, RULES)
    desk.check(GREEN_IIN, Method.CAMERA)
    clock.advance(60)
    leaving = desk.check_out(GREEN_IIN, Method.MANUAL)

    request = two_way.exit_recorded(leaving.event_ids[0], leaving.decided_at, leaving)
    assert isinstance(request, OpenRequest) and request.direction is Direction.EXIT
    assert with_exit.pulses == [(True, request.command, 2.0)]
    assert one_way.exit_recorded(leaving.event_ids[0], leaving.decided_at, leaving) == NoOpen(
        NoOpenReason.NO_CHANNEL
    )
    assert entry_only.pulses == []


def test_staff_open_says_who_and_why(keeper: GateKeeper, gate: RecordingGate) -> None:
    assert keeper.open_by_staff(Direction.ENTRY, " ", "delivery") == NoOpen(
        NoOpenReason.NO_OPERATOR
    )
    assert keeper.open_by_staff(Direction.ENTRY, "Aigerim", "  ") == NoOpen(NoOpenReason.NO_REASON)
    assert gate.pulses == []

    request = keeper.open_by_staff(Direction.ENTRY, " Aigerim ", "a delivery ")

    assert isinstance(request, OpenRequest)
    assert request.staff is not None
    assert (request.staff.operator, request.staff.reason) == ("Aigerim", "a delivery")
    assert request.event_id is None
    assert gate.pulses == [(False, request.command, 2.0)]


def test_no_gate_no_open(clock: FakeClock, desk: Reception) -> None:
    nothing = RecordingGate(entry=False, exit=False, entry_sensor=False)
    keeper = GateKeeper(nothing, clock, RULES)

    assert entered(keeper, desk.check(GREEN_IIN, Method.CAMERA)) == NoOpen(NoOpenReason.NO_CHANNEL)
    assert keeper.open_by_staff(Direction.ENTRY, "Aigerim", "test") == NoOpen(
        NoOpenReason.NO_CHANNEL
    )
    assert not keeper.state.present and nothing.pulses == []


# -- passages and annulments ---------------------------------------------------------------


def test_an_entry_nobody_walks_through_is_annulled_after_the_time_out(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    decision = desk.check(GREEN_IIN, Method.CAMERA)
    request = opened(keeper, decision)
    clock.advance(0.05)
    assert keeper.gate_pulsed(command=request.command, delivered=True) == (
        Opened(request, clock.now()),
    )
    assert keeper.state.waiting == 1

    clock.advance(RULES.passage_timeout_s + RULES.settle_s - 0.1)
    assert keeper.tick() == ()
    clock.advance(0.1)

    [annulment] = keeper.tick()
    assert annulment == Annulment(Direction.ENTRY, decision.event_ids[0], request, clock.now())
    assert keeper.tick() == () and keeper.state.waiting == 0


def test_an_entry_someone_walks_through_is_not_annulled(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    request = opened(keeper, desk.check(GREEN_IIN, Method.CAMERA))
    keeper.gate_pulsed(command=request.command, delivered=True)
    clock.advance(3)

    assert keeper.gate_passed(exit=False) == (Passed(Direction.ENTRY, clock.now(), request),)

    clock.advance(60)
    assert keeper.tick() == ()


def test_the_wall_clock_set_during_the_wait_annuls_nothing_before_its_time(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    decision = desk.check(GREEN_IIN, Method.CAMERA)
    request = opened(keeper, decision)
    keeper.gate_pulsed(command=request.command, delivered=True)
    clock.set_wall(3600)  # the PC's clock synced an hour ahead a second later
    clock.advance(1)

    assert keeper.tick() == (), "the visitor still has their seconds to walk through"
    assert keeper.gate_passed(exit=False) == (Passed(Direction.ENTRY, clock.now(), request),)


def test_the_wall_clock_set_while_an_open_waits_for_the_gate_loses_no_report(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    request = opened(keeper, desk.check(GREEN_IIN, Method.CAMERA))
    clock.set_wall(3600)  # synced an hour ahead while the pulse was on its way
    keeper.tick()
    clock.advance(0.2)

    assert keeper.gate_pulsed(command=request.command, delivered=True) == (
        Opened(request, clock.now()),
    ), "the gate's report on the open was thrown away as a minute old"


def test_the_visitors_time_starts_when_the_gate_opened(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    request = opened(keeper, desk.check(GREEN_IIN, Method.CAMERA))
    clock.advance(1.5)  # the command took its time to reach the gate
    keeper.gate_pulsed(command=request.command, delivered=True)

    clock.advance(RULES.passage_timeout_s + RULES.settle_s - 0.1)
    assert keeper.tick() == ()
    clock.advance(0.1)
    assert [type(n) for n in keeper.tick()] == [Annulment]


def test_passages_go_to_the_oldest_open_and_the_rest_are_annulled(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    first = opened(keeper, desk.check(GREEN_IIN, Method.CAMERA))
    second_decision = desk.check(BLUE_IIN, Method.CAMERA)
    second = opened(keeper, second_decision)
    for request in (first, second):
        keeper.gate_pulsed(command=request.command, delivered=True)

    [passed] = keeper.gate_passed(exit=False)
    clock.advance(RULES.passage_timeout_s + RULES.settle_s)

    assert isinstance(passed, Passed) and passed.request == first
    [annulment] = keeper.tick()
    assert isinstance(annulment, Annulment)
    assert annulment.event_id == second_decision.event_ids[0]


def test_without_a_sensor_nothing_is_annulled(clock: FakeClock, desk: Reception) -> None:
    blind_gate = RecordingGate(entry=True, entry_sensor=False)
    keeper = GateKeeper(blind_gate, clock, RULES)
    keeper.gate_linked(reachable=True)
    request = opened(keeper, desk.check(GREEN_IIN, Method.CAMERA))
    keeper.gate_pulsed(command=request.command, delivered=True)

    clock.advance(3600)

    assert keeper.tick() == ()
    assert keeper.due_at() is None and keeper.state.waiting == 0


def test_a_gate_unreachable_during_the_wait_annuls_nothing(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    request = opened(keeper, desk.check(GREEN_IIN, Method.CAMERA))
    keeper.gate_pulsed(command=request.command, delivered=True)
    clock.advance(2)
    assert keeper.gate_linked(reachable=False, detail="connection refused") == (
        GateUnreachable("connection refused", clock.now()),
    )
    assert keeper.gate_linked(reachable=False, detail="still refused") == ()
    clock.advance(1)
    assert keeper.gate_linked(reachable=True) == (GateReachable(clock.now()),)

    clock.advance(60)

    assert keeper.tick() == (NoPassage(request, Unconfirmed.GATE_UNREACHABLE, clock.now()),)


def test_an_entry_while_the_gate_is_away_is_tried_dropped_and_stands(
    keeper: GateKeeper, desk: Reception, clock: FakeClock, gate: RecordingGate
) -> None:
    keeper.gate_linked(reachable=False, detail="timed out")
    decision = desk.check(GREEN_IIN, Method.CAMERA)
    request = opened(keeper, decision)
    assert gate.pulses == [(False, request.command, 2.0)]  # it may come back in time
    clock.advance(2)

    assert keeper.gate_pulsed(command=request.command, delivered=False) == (
        OpenDropped(request, clock.now()),
    )
    clock.advance(60)
    assert keeper.tick() == (NoPassage(request, Unconfirmed.GATE_UNREACHABLE, clock.now()),)
    assert keeper.state.reachable is False and keeper.state.detail == "timed out"


def test_a_dropped_open_at_a_watched_gate_is_annulled_when_nobody_passes(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    decision = desk.check(GREEN_IIN, Method.CAMERA)
    request = opened(keeper, decision)
    keeper.gate_pulsed(command=request.command, delivered=False)  # e.g. the coil was refused

    clock.advance(RULES.passage_timeout_s + RULES.settle_s)

    [annulment] = keeper.tick()
    assert isinstance(annulment, Annulment) and annulment.event_id == decision.event_ids[0]


def test_a_staff_open_nobody_uses_annuls_nothing(keeper: GateKeeper, clock: FakeClock) -> None:
    request = keeper.open_by_staff(Direction.ENTRY, "Aigerim", "a delivery")
    assert isinstance(request, OpenRequest)
    keeper.gate_pulsed(command=request.command, delivered=True)

    clock.advance(60)

    assert keeper.tick() == (NoPassage(request, Unconfirmed.STAFF_OPEN, clock.now()),)


def test_a_passage_nobody_was_let_through_for_is_told_as_such(
    keeper: GateKeeper, clock: FakeClock
) -> None:
    assert keeper.gate_passed(exit=True) == (Passed(Direction.EXIT, clock.now()),)


def test_an_exit_nobody_walks_through_is_annulled_too(
    keeper: GateKeeper, desk: Reception, clock: FakeClock
) -> None:
    desk.check(OTHER_IIN, Method.CAMERA)
    clock.advance(60)
    leaving = desk.check_out(OTHER_IIN, Method.MANUAL)
    request = keeper.exit_recorded(leaving.event_ids[0], leaving.decided_at, leaving)
    assert isinstance(request, OpenRequest)
    keeper.gate_pulsed(command=request.command, delivered=True)
    assert keeper.gate_passed(exit=False)[0] == Passed(Direction.ENTRY, clock.now())

    clock.advance(RULES.passage_timeout_s + RULES.settle_s)

    assert keeper.tick() == (Annulment(Direction.EXIT, leaving.event_ids[0], request, clock.now()),)


# -- the driver's reports, from its thread ----------------------------------------------------


def test_reports_from_the_drivers_thread_reach_the_keeper_in_order(
    gate: RecordingGate, clock: FakeClock, desk: Reception
) -> None:
    keeper = GateKeeper(gate, clock, RULES)
    nudges: list[int] = []
    inbox = GateInbox(nudge=lambda: nudges.append(1))
    inbox.gate_linked(reachable=True, detail=None)
    request = opened(keeper, desk.check(GREEN_IIN, Method.CAMERA))

    def driver() -> None:
        inbox.gate_pulsed(command=request.command, delivered=True)
        inbox.gate_passed(exit=False)

    thread = threading.Thread(target=driver)
    thread.start()
    thread.join(5)

    assert inbox.wait(0)
    news = inbox.deliver(keeper)
    assert [type(n) for n in news] == [GateReachable, Opened, Passed]
    assert isinstance(news[2], Passed) and news[2].request == request
    assert len(nudges) == 3
    assert inbox.deliver(keeper) == () and not inbox.wait(0)
