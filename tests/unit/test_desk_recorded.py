"""entry_recorded and exit_recorded: told once per recorded entry or exit, after
its commit, with the events and the commit's time; never for a repeat, a
denial, a doctor-room look-up, or a question staff have not answered. The gate
keeper takes what they tell as it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.decision import Direction
from kiosk.desksettings import DeskRole
from kiosk.gate.keeper import GateKeeper
from kiosk.gate.values import NoOpen, OpenRequest
from kiosk.listeners import DeskListener
from kiosk.news import Recorded
from kiosk.policy import Outcome
from kiosk.storage.store import Store
from kiosk.vocabulary import Method, StaffAnswer
from tests.fakes import BLUE_IIN, GREEN_IIN, RED_IIN, FakeClock, FakeSource, RecordingGate
from tests.unit.test_desk import PEOPLE, Desk


class OnDisk(DeskListener):
    """Checks, as it is told an entry or an exit, that its events are committed:
    read through a connection of its own, as another thread would."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[tuple[str, bool]] = []

    def entry_recorded(self, recorded: Recorded) -> None:
        self.found.append(("entry", self._stored(recorded)))

    def exit_recorded(self, recorded: Recorded) -> None:
        self.found.append(("exit", self._stored(recorded)))

    def _stored(self, recorded: Recorded) -> bool:
        store = Store(self.path)
        try:
            marks = ",".join("?" * len(recorded.event_ids))
            rows = store.query(f"SELECT id FROM outbox WHERE id IN ({marks})", recorded.event_ids)
            return len(rows) == len(recorded.event_ids)
        finally:
            store.close()


@pytest.fixture
def source() -> FakeSource:
    return FakeSource(dict(PEOPLE))


@pytest.fixture
def make_desk(tmp_path: Path, clock: FakeClock, source: FakeSource) -> Iterator[Any]:
    desks: list[Desk] = []

    def make(**settings: Any) -> Desk:
        desk = Desk(tmp_path / "kiosk.sqlite3", clock, source, **settings)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.controller.stop()


def told(desk: Desk, what: str) -> list[Recorded]:
    return [recorded for (recorded,) in desk.heard.of(what)]


def test_an_admitted_scan_is_one_entry_on_disk_when_told(
    make_desk: Any, clock: FakeClock, tmp_path: Path
) -> None:
    on_disk = OnDisk(tmp_path / "kiosk.sqlite3")
    desk = make_desk(role=DeskRole.ENTRY, listeners=(on_disk,))
    admitted = desk.scan(GREEN_IIN)

    [entry] = told(desk, "entry_recorded")
    assert entry.decision == admitted and entry.event_ids == admitted.event_ids
    assert entry.event_id == admitted.event_ids[0] == admitted.id  # the check-in
    assert entry.at == clock.now()
    assert told(desk, "exit_recorded") == []
    assert on_disk.found == [("entry", True)]


def test_a_repeat_a_denial_and_a_doctor_room_look_up_record_no_entry(
    make_desk: Any, clock: FakeClock
) -> None:
    desk = make_desk(role=DeskRole.ENTRY)
    desk.scan(GREEN_IIN)
    clock.advance(5)
    again = desk.scan(GREEN_IIN)  # within the re-scan window
    denied = desk.scan(RED_IIN)
    assert again.repeat and denied.outcome is Outcome.DENY and denied.event_ids
    assert told(desk, "entry_recorded") == [], "cleared by each scan: none since the first"
    desk.controller.stop()

    doctor = make_desk(role=DeskRole.DOCTOR)
    looked = doctor.scan(BLUE_IIN)
    assert looked.outcome is Outcome.ADMIT and not looked.event_ids
    assert told(doctor, "entry_recorded") == told(doctor, "exit_recorded") == []


def test_an_entry_staff_let_in_is_told_when_the_answer_is_committed(
    make_desk: Any, source: FakeSource, clock: FakeClock
) -> None:
    source.online = False  # unverified: staff decide
    desk = make_desk(role=DeskRole.ENTRY)
    asked = desk.scan(GREEN_IIN)
    refused = desk.scan(BLUE_IIN)
    assert asked.awaiting_staff and told(desk, "entry_recorded") == []

    clock.advance(20)
    desk.do(lambda: desk.controller.answer(asked.id, StaffAnswer.ADMIT, "aigerim"))
    desk.do(lambda: desk.controller.answer(refused.id, StaffAnswer.REFUSE, "aigerim"))

    [entry] = told(desk, "entry_recorded")
    assert entry.event_id == asked.id and entry.decision.outcome is Outcome.ADMIT
    assert entry.at == clock.now() and entry.at == entry.decision.decided_at + 20
    assert entry.decision.staff is not None and entry.decision.staff.operator == "aigerim"


def test_an_unanswered_question_timing_out_records_no_entry(
    make_desk: Any, source: FakeSource, clock: FakeClock
) -> None:
    source.online = False
    desk = make_desk(role=DeskRole.ENTRY)
    desk.scan(GREEN_IIN)
    clock.advance(61)
    desk.do(desk.controller.tick)
    [(_, _, recorded)] = desk.heard.of("question_closed")
    assert recorded.event_ids and recorded.outcome is Outcome.ASK_STAFF
    assert told(desk, "entry_recorded") == []


def test_each_check_out_is_one_exit_recorded(make_desk: Any, clock: FakeClock) -> None:
    desk = make_desk()
    desk.scan(GREEN_IIN)
    clock.advance(60)
    leaving = desk.scan(GREEN_IIN)  # a two-way desk: past the re-scan window, an exit
    [left] = told(desk, "exit_recorded")
    assert leaving.direction is Direction.EXIT and left.event_ids == leaving.event_ids
    assert left.at == clock.now() and told(desk, "entry_recorded") == []

    clock.advance(60)
    desk.heard.clear()
    desk.do(lambda: desk.controller.check_out(BLUE_IIN, Method.MANUAL))  # staff's Check out
    [checked_out] = told(desk, "exit_recorded")
    assert checked_out.event_ids == desk.heard.decisions()[-1].event_ids
    assert checked_out.at == clock.now()


def test_the_gate_keeper_opens_for_what_the_desk_tells(make_desk: Any, clock: FakeClock) -> None:
    gate = RecordingGate(exit=True)
    keeper = GateKeeper(gate, clock)

    class Turnstile(DeskListener):
        def __init__(self) -> None:
            self.answers: list[OpenRequest | NoOpen] = []

        def entry_recorded(self, recorded: Recorded) -> None:
            self.answers.append(
                keeper.entry_recorded(recorded.event_id, recorded.at, recorded.decision)
            )

        def exit_recorded(self, recorded: Recorded) -> None:
            self.answers.append(
                keeper.exit_recorded(recorded.event_id, recorded.at, recorded.decision)
            )

    turnstile = Turnstile()
    desk = make_desk(listeners=(turnstile,))
    entry = desk.scan(GREEN_IIN)
    desk.scan(RED_IIN)  # denied: the gate hears nothing
    clock.advance(60)
    leaving = desk.scan(GREEN_IIN)

    opened_in, opened_out = turnstile.answers
    assert isinstance(opened_in, OpenRequest) and opened_in.event_id == entry.event_ids[0]
    assert isinstance(opened_out, OpenRequest) and opened_out.event_id == leaving.event_ids[0]
    assert [exit_ for exit_, _, _ in gate.pulses] == [False, True]
