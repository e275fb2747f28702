"""The desk controller's state machine, with a fake clock: questions and their
time-outs, idempotent answers, re-scans, exits, pass-back, ticks, alerts,
service and device news, a failing database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.decision import Decision, Direction, Flag
from kiosk.desk import DeskController, DeskOptions
from kiosk.desksettings import DeskRole, DeskSettings, PassbackPolicy
from kiosk.events import DeskIdentity
from kiosk.listeners import DeskListener
from kiosk.news import AnswerIgnored, DeviceKind, DeviceReport, QuestionEnd, StaffQuestion
from kiosk.policy import Mode, Outcome, Policy
from kiosk.reception import Reception
from kiosk.service.errors import ServiceProblem
from kiosk.service.lookup import StatusSource
from kiosk.status import Status
from kiosk.storage.alerts import AlertKind, Alerts, ClockSkew
from kiosk.storage.errors import StoreProblem
from kiosk.storage.store import Store
from kiosk.sync import SyncReport, SyncState
from kiosk.vocabulary import Method, StaffAnswer
from shared.device import DeviceState
from tests.breakage import damage_a_page, table_pages
from tests.fakes import BLUE_IIN, GREEN_IIN, OTHER_IIN, RED_IIN, FakeClock, FakeSource

DESK = DeskIdentity("150340012345", "main", "desk-1")
PEOPLE = {GREEN_IIN: Status.GREEN, BLUE_IIN: Status.BLUE, RED_IIN: Status.RED}


class Heard(DeskListener):
    """Records every call, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattribute__(self, name: str) -> Any:
        if name in DeskListener.__dict__ and not name.startswith("_"):
            calls = object.__getattribute__(self, "calls")
            return lambda *args: calls.append((name, args))
        return object.__getattribute__(self, name)

    def of(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]

    def decisions(self) -> list[Decision]:
        return [args[0] for args in self.of("decision_shown")]

    def clear(self) -> None:
        self.calls.clear()


@pytest.fixture
def source() -> FakeSource:
    return FakeSource(dict(PEOPLE))


class Desk:
    """A started controller on a real database, with its listener."""

    def __init__(
        self,
        path: Path,
        clock: FakeClock,
        source: StatusSource | None,
        options: DeskOptions | None = None,
        controller: dict[str, Any] | None = None,
        listeners: tuple[DeskListener, ...] = (),
        **settings: Any,
    ) -> None:
        """*controller*: more of the controller's keyword arguments; *listeners*:
        more listeners, after the recording one."""
        self.path = path
        self.clock = clock
        desk_settings = replace(DeskSettings(desk=DESK, policy=Policy()), **settings)

        def reception(store: Store, watched: StatusSource | None) -> Reception:
            return Reception(desk_settings, store, clock, _no_keys, watched)

        self.heard = Heard()
        self.nudges = 0
        self.controller = DeskController(
            lambda: Store(path),
            reception,
            clock,
            source=source,
            options=options or DeskOptions(question_timeout=60, idle_tick=3600),
            recorded=self._nudged,
            **(controller or {}),
        )
        self.controller.add_listener(self.heard)
        for listener in listeners:
            self.controller.add_listener(listener)
        self.controller.start()
        assert self.controller.wait_ready()

    def _nudged(self) -> None:
        self.nudges += 1

    def do(self, *calls: Any) -> None:
        """Run inputs and wait until the desk has handled them."""
        for call in calls:
            call()
        assert self.controller.flush()

    def scan(self, text: str, method: Method = Method.SCANNER) -> Decision:
        self.heard.clear()
        self.do(lambda: self.controller.submit(text, method))
        return self.heard.decisions()[-1]

    def question(self) -> StaffQuestion:
        return self.heard.of("question_asked")[-1][0]

    def count(self, type_: str) -> int:
        store = Store(self.path)
        try:
            rows = store.query("SELECT count(*) AS n FROM outbox WHERE type = ?", (type_,))
            return int(str(rows[0]["n"]))
        finally:
            store.close()


def _no_keys() -> Any:
    from kiosk.passes import TrustList

    return TrustList()


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


def test_a_scan_is_decided_recorded_counted_and_nudges_the_sync(make_desk: Any) -> None:
    desk = make_desk()
    decision = desk.scan(GREEN_IIN)

    assert decision.outcome is Outcome.ADMIT and len(decision.event_ids) == 1
    assert desk.heard.of("occupancy_changed")[-1][0].local == 1
    [recent] = desk.heard.of("recent_changed")[-1][0]
    assert recent.type == "check_in" and recent.masked_id == "••••••••0005"
    assert desk.nudges == 1
    assert desk.heard.of("service_changed")[-1][0].online is True


def test_staff_answer_is_recorded_once_and_a_second_answer_is_ignored(
    make_desk: Any, source: FakeSource
) -> None:
    source.online = False
    desk = make_desk()
    asked = desk.scan(GREEN_IIN)
    question = desk.question()
    assert asked.outcome is Outcome.ASK_STAFF and question.id == asked.id
    assert desk.count("check_in") == 0, "nothing is recorded before staff answer"

    desk.heard.clear()
    desk.do(
        lambda: desk.controller.answer(question.id, StaffAnswer.ADMIT, "aigerim"),
        lambda: desk.controller.answer(question.id, StaffAnswer.ADMIT, "aigerim"),  # double tap
        lambda: desk.controller.answer(question.id, StaffAnswer.REFUSE, "dana"),
    )

    [(qid, end, recorded)] = desk.heard.of("question_closed")
    assert (qid, end) == (question.id, QuestionEnd.ANSWERED)
    assert recorded.outcome is Outcome.ADMIT and recorded.staff.operator == "aigerim"
    assert desk.heard.decisions() == [recorded]
    assert desk.heard.of("answer_ignored") == [
        (question.id, AnswerIgnored.ALREADY_ANSWERED),
        (question.id, AnswerIgnored.ALREADY_ANSWERED),
    ]
    assert desk.count("check_in") == 1


def test_an_unanswered_question_times_out_as_ask_staff_and_a_late_answer_changes_nothing(
    make_desk: Any, source: FakeSource, clock: FakeClock
) -> None:
    source.online = False
    desk = make_desk()
    # Everything heard since the start: the count told last must still be nobody inside.
    desk.do(lambda: desk.controller.submit(GREEN_IIN, Method.SCANNER))
    question = desk.question()

    clock.advance(59)
    desk.do(desk.controller.tick)
    assert not desk.heard.of("question_closed")
    clock.advance(2)
    desk.do(desk.controller.tick)
    [(_, end, recorded)] = desk.heard.of("question_closed")
    desk.do(lambda: desk.controller.answer(question.id, StaffAnswer.ADMIT, "late"))

    assert end is QuestionEnd.TIMED_OUT
    assert recorded.outcome is Outcome.ASK_STAFF and recorded.event_ids
    assert desk.heard.of("answer_ignored") == [(question.id, AnswerIgnored.TIMED_OUT)]
    assert desk.heard.of("occupancy_changed")[-1][0].local == 0, "not admitted"


def test_the_same_visitor_again_while_staff_decide_is_the_same_question(
    make_desk: Any, source: FakeSource
) -> None:
    source.online = False
    desk = make_desk()
    first = desk.scan(GREEN_IIN)
    again = desk.scan(GREEN_IIN)

    assert again.id == first.id
    assert [q.id for (q,) in desk.heard.of("question_asked")] == [first.id]


def test_a_rescan_is_a_repeat_never_an_exit_then_past_the_window_an_exit(
    make_desk: Any, clock: FakeClock
) -> None:
    desk = make_desk()
    entry = desk.scan(GREEN_IIN)
    clock.advance(5)
    again = desk.scan(GREEN_IIN, Method.CAMERA)
    clock.advance(30)
    leaving = desk.scan(GREEN_IIN)
    clock.advance(3)
    leaving_again = desk.scan(GREEN_IIN)

    assert again.repeat and again.direction is Direction.ENTRY and again.event_ids == ()
    assert again.decided_at == entry.decided_at and again.repeat_of == entry.event_ids[0]
    assert leaving.direction is Direction.EXIT and not leaving.repeat
    assert leaving_again.repeat and leaving_again.direction is Direction.EXIT
    assert (desk.count("check_in"), desk.count("check_out")) == (1, 1)


def test_passback_asks_staff_by_default_and_admit_flagged_admits_with_an_alert(
    make_desk: Any, clock: FakeClock, tmp_path: Path
) -> None:
    desk = make_desk(role=DeskRole.ENTRY)
    desk.scan(GREEN_IIN)
    clock.advance(60)
    second = desk.scan(GREEN_IIN)
    assert second.outcome is Outcome.ASK_STAFF and Flag.PASSBACK in second.flags
    desk.controller.stop()

    flagged = make_desk(role=DeskRole.ENTRY, passback=PassbackPolicy.ADMIT_FLAGGED)
    clock.advance(60)
    third = flagged.scan(GREEN_IIN)
    assert third.outcome is Outcome.ADMIT and Flag.PASSBACK in third.flags
    [alert] = [a for (a,) in flagged.heard.of("alert_raised") if a.kind is AlertKind.PASSBACK]
    assert alert.payload.masked_id == "••••••••0005"
    assert alert.payload.entered_at is not None


def test_red_report_alert_is_raised_and_acknowledged_once(make_desk: Any) -> None:
    desk = make_desk()
    red = desk.scan(RED_IIN)
    [(alert,)] = desk.heard.of("alert_raised")
    assert red.outcome is Outcome.DENY and alert.kind is AlertKind.RED_REPORT_QUEUED
    assert alert.payload.check_in == red.event_ids[0]
    assert RED_IIN not in str(alert.payload)

    desk.do(
        lambda: desk.controller.acknowledge(alert.id),
        lambda: desk.controller.acknowledge(alert.id),
    )
    assert desk.heard.of("alert_acknowledged") == [(alert.id,)]


def test_the_sanitary_service_list_follows_reports_once_the_desk_is_idle(
    make_desk: Any, tmp_path: Path, clock: FakeClock
) -> None:
    desk = make_desk()
    desk.heard.clear()
    desk.do(
        lambda: desk.controller.submit(RED_IIN, Method.SCANNER),
        lambda: desk.controller.submit(GREEN_IIN, Method.SCANNER),
    )
    [(reports,)] = desk.heard.of("red_reports_changed")  # one update for the burst
    [report] = reports
    assert report.masked_id == "••••••••" + RED_IIN[-4:] and report.delivered_at is None

    store = Store(tmp_path / "kiosk.sqlite3")
    with store.transaction() as conn:  # what the sync does when the service has it
        conn.execute("UPDATE outbox SET acked_at = ? WHERE id = ?", (clock.now(), report.id))
    store.close()
    desk.heard.clear()
    desk.do(lambda: desk.controller.sync_reported(SyncReport(sent=2, acknowledged=2), SyncState()))
    [(after,)] = desk.heard.of("red_reports_changed")
    assert [r.delivered_at for r in after] == [clock.now()]


def test_the_staff_panel_is_told_only_what_changed(
    make_desk: Any, tmp_path: Path, clock: FakeClock
) -> None:
    desk = make_desk()
    desk.do()
    started = {name for name, _ in desk.heard.calls}
    assert {"occupancy_changed", "recent_changed", "red_reports_changed"} <= started
    desk.scan(GREEN_IIN)
    [(visit,)] = desk.heard.of("recent_changed")

    # The sync delivered the check-in; the service has not acknowledged it yet.
    desk.heard.clear()
    desk.do(lambda: desk.controller.sync_reported(SyncReport(sent=1), SyncState(pending=1)))
    desk.do(lambda: desk.controller.sync_reported(SyncReport(acknowledged=1), SyncState()))
    panel = ("occupancy_changed", "recent_changed", "red_reports_changed")
    assert [name for name, _ in desk.heard.calls if name in panel] == []

    store = Store(tmp_path / "kiosk.sqlite3")
    with store.transaction() as conn:  # what the sync does when the service has it
        conn.execute("UPDATE outbox SET acked_at = ? WHERE id = ?", (clock.now(), visit[0].id))
    store.close()
    desk.do(lambda: desk.controller.sync_reported(SyncReport(acknowledged=1), SyncState()))
    [(synced,)] = desk.heard.of("recent_changed")
    assert [e.synced for e in synced] == [True] and synced[0].id == visit[0].id
    assert not desk.heard.of("occupancy_changed"), "nobody came or left"


def test_unseen_alerts_are_told_when_the_desk_starts(
    tmp_path: Path, make_desk: Any, clock: FakeClock
) -> None:
    store = Store(tmp_path / "kiosk.sqlite3")
    Alerts(store).add(ClockSkew(300.0, 120.0), now=clock.now())
    store.close()

    desk = make_desk()
    desk.do()
    [(alert,)] = desk.heard.of("alert_raised")
    assert alert.kind is AlertKind.CLOCK_SKEW and alert.payload.skew_s == 300.0


def test_capacity_reached_denies_and_alerts_once(make_desk: Any) -> None:
    desk = make_desk(capacity=1)
    desk.scan(GREEN_IIN)
    full = desk.scan(BLUE_IIN)
    desk.scan(OTHER_IIN)

    assert full.outcome is Outcome.DENY and Flag.CAPACITY_REACHED in full.flags
    kinds = [a.kind for (a,) in desk.heard.of("alert_raised")]
    assert kinds.count(AlertKind.CAPACITY_REACHED) <= 1


def test_staff_check_out_leaves_whatever_the_role(make_desk: Any, clock: FakeClock) -> None:
    desk = make_desk(role=DeskRole.ENTRY)
    desk.scan(GREEN_IIN)
    desk.heard.clear()
    desk.do(lambda: desk.controller.check_out(GREEN_IIN))
    [out] = desk.heard.decisions()
    assert out.direction is Direction.EXIT and out.event_ids
    assert desk.heard.of("occupancy_changed")[-1][0].local == 0


def test_lookups_and_sync_reports_tell_the_service_state(
    make_desk: Any, source: FakeSource
) -> None:
    desk = make_desk()
    desk.scan(GREEN_IIN)
    source.online = False
    desk.scan(BLUE_IIN)
    offline = desk.heard.of("service_changed")[-1][0]
    assert offline.online is False and offline.problem is ServiceProblem.OFFLINE

    desk.heard.clear()
    state = SyncState(pending=3, dead=0, last_success=None, last_error="down", running=True)
    desk.do(lambda: desk.controller.sync_reported(SyncReport(error="down"), state))
    assert desk.heard.of("service_changed")[-1][0].pending == 3

    source.online = True
    desk.scan(OTHER_IIN)
    assert desk.heard.of("service_changed")[-1][0].online is True


def test_a_lost_camera_is_told_and_alerted_once(make_desk: Any) -> None:
    desk = make_desk()
    lost = DeviceReport(DeviceKind.CAMERA, DeviceState.LOST)
    desk.do(
        lambda: desk.controller.device_changed(lost),
        lambda: desk.controller.device_changed(lost),
    )
    assert desk.heard.of("device_changed") == [(lost,), (lost,)]
    kinds = [a.kind for (a,) in desk.heard.of("alert_raised")]
    assert kinds == [AlertKind.DEVICE_LOST]


def test_stopping_with_a_question_open_records_the_visit_as_ask_staff(
    make_desk: Any, source: FakeSource
) -> None:
    source.online = False
    desk = make_desk()
    desk.scan(GREEN_IIN)
    desk.controller.stop()
    [(_, end, recorded)] = desk.heard.of("question_closed")
    assert end is QuestionEnd.STOPPED and recorded.outcome is Outcome.ASK_STAFF
    assert desk.count("check_in") == 1


def test_a_database_file_replaced_under_the_desk_is_rescued_and_the_desk_stops(
    make_desk: Any, tmp_path: Path, clock: FakeClock
) -> None:
    desk = make_desk()
    desk.scan(GREEN_IIN)
    path = tmp_path / "kiosk.sqlite3"
    path.rename(tmp_path / "moved-away.sqlite3")  # a clean-up tool, a restore from backup
    path.write_bytes(b"")
    clock.advance(30)
    desk.heard.clear()
    desk.do(lambda: desk.controller.submit(BLUE_IIN, Method.SCANNER))

    assert desk.heard.decisions() == [], "no decision shown that could not be kept"
    [(failure,)] = desk.heard.of("desk_failed")
    assert failure.problem is StoreProblem.REPLACED
    [rescue] = tmp_path.glob("kiosk-rescued-*.sqlite3")
    assert str(rescue) in failure.message
    assert main_file_events(rescue, tmp_path / "copy.sqlite3") == 1


def test_a_damaged_database_is_refused_at_start(
    tmp_path: Path, clock: FakeClock, source: FakeSource
) -> None:
    path = filled_database(tmp_path / "kiosk.sqlite3")
    damage_a_page(path, page=6)

    desk = Desk(path, clock, source)
    try:
        [(failure,)] = desk.heard.of("desk_failed")
        assert failure.problem is StoreProblem.UNREADABLE
        assert "recover" in failure.message
        desk.do(lambda: desk.controller.submit(GREEN_IIN, Method.SCANNER))
        assert desk.heard.decisions() == []
    finally:
        desk.controller.stop()


def test_a_page_damaged_while_the_desk_runs_is_found_by_the_daily_check(
    tmp_path: Path, clock: FakeClock, source: FakeSource
) -> None:
    path = filled_database(tmp_path / "kiosk.sqlite3")
    # Checked every 2 hours here (daily in the kiosk), so that no close-out,
    # which rewrites the file and so reads every page too, comes in between.
    every = DeskOptions(question_timeout=60, idle_tick=3600, integrity_every=2 * 3600)
    desk = Desk(path, clock, source, every)
    try:
        desk.scan(GREEN_IIN)
        damage_a_page(path, page=table_pages(path, "filler")[3])
        other = Store(path)  # another process writes: the desk's page cache is stale now
        other.set_meta("touched", "yes")
        other.close()
        clock.advance(3600)
        desk.do(desk.controller.tick)
        assert not desk.heard.of("desk_failed"), "checked every so often, not at every tick"

        clock.advance(3600)
        desk.do(desk.controller.tick)
        [(failure,)] = desk.heard.of("desk_failed")
        assert failure.problem is StoreProblem.UNREADABLE and "recover" in failure.message
        desk.heard.clear()
        desk.do(lambda: desk.controller.submit(BLUE_IIN, Method.SCANNER))
        assert desk.heard.decisions() == [], "nothing more is recorded"
    finally:
        desk.controller.stop()


def test_the_wal_removed_under_a_running_desk_is_folded_back_and_alerted(
    make_desk: Any, tmp_path: Path, clock: FakeClock
) -> None:
    desk = make_desk()
    desk.scan(GREEN_IIN)
    (tmp_path / "kiosk.sqlite3-wal").unlink()
    clock.advance(30)
    after = desk.scan(BLUE_IIN)
    kinds = [a.kind for (a,) in desk.heard.of("alert_raised")]
    clock.advance(30)
    desk.scan(OTHER_IIN)

    assert after.event_ids, "the decision was recorded and shown"
    assert AlertKind.DATABASE_RESCUED in kinds
    # What a crash now would leave: the files on disk hold every confirmed check-in.
    assert events_on_disk(tmp_path / "kiosk.sqlite3", tmp_path / "after-crash") == 3


def test_boarding_desk_offers_a_referral_for_red(make_desk: Any) -> None:
    desk = make_desk(policy=Policy(mode=Mode.BOARDING))
    red = desk.scan(RED_IIN)
    assert red.outcome is Outcome.DENY and red.offer_referral


# -- helpers -----------------------------------------------------------------------


def filled_database(path: Path) -> Path:
    """A kiosk database with 40 pages of filler, all in the main file."""
    store = Store(path)
    store.conn.execute("CREATE TABLE filler (x BLOB)")
    for _ in range(40):
        store.conn.execute("INSERT INTO filler VALUES (randomblob(3000))")
    store.checkpoint()
    store.close()
    return path


def events_on_disk(path: Path, folder: Path) -> int:
    """Check-ins in a copy of the database's files as they are on disk now."""
    folder.mkdir()
    for suffix in ("", "-wal"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            (folder / (path.name + suffix)).write_bytes(source.read_bytes())
    store = Store(folder / path.name)
    try:
        return int(str(store.query("SELECT count(*) AS n FROM outbox")[0]["n"]))
    finally:
        store.close()


def main_file_events(path: Path, copy: Path) -> int:
    """Check-ins in the main database file alone, without its log."""
    copy.write_bytes(path.read_bytes())
    store = Store(copy)
    try:
        rows = store.query("SELECT count(*) AS n FROM outbox")
        return int(str(rows[0]["n"]))
    finally:
        store.close()
