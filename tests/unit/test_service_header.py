"""What the header says follows the last call to the service (a lookup, a sync
that sent something, a key fetch, an occupancy poll): a sync pass with nothing
to send, or one waiting out a pause, asked nothing and says nothing about the
service. Back online, the waiting events go at once. The count inside is never
below this desk's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.context import App, app_for
from app.online import network_chores
from config.settings import parse_settings
from kiosk.events import EventType, NewEvent
from kiosk.news import OccupancyState, ServiceState
from kiosk.service.errors import ServiceProblem, TransientError
from kiosk.service.occupancy import OccupancyReading, OccupancySource
from kiosk.service.wire import Occupancy
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.sync import Syncer, SyncReport, SyncState
from shared.clock import Clock
from tests.fakes import BLUE_IIN, GREEN_IIN, OTHER_IIN, FakeClock, FakeSource, ScriptedService
from tests.unit import test_desk
from tests.unit.test_desk import DESK

make_desk = test_desk.make_desk  # the desks of test_desk.py, with its `source`
source = test_desk.source


def header(desk: Any) -> ServiceState:
    state: ServiceState = desk.heard.of("service_changed")[-1][0]
    return state


def test_a_sync_pass_with_nothing_to_send_does_not_say_the_service_answered(
    make_desk: Any, source: FakeSource
) -> None:
    desk = make_desk()
    source.online = False
    desk.scan(GREEN_IIN)  # the lookup found the service gone
    assert header(desk).online is False

    desk.do(lambda: desk.controller.sync_reported(SyncReport(), SyncState(pending=1)))

    assert header(desk).online is False, "an empty pass asked nothing"
    assert header(desk).pending == 1


def test_a_sync_pass_waiting_out_its_pause_does_not_undo_a_lookup_that_answered(
    make_desk: Any, source: FakeSource, tmp_path: Path, clock: FakeClock
) -> None:
    store = Store(tmp_path / "sync.sqlite3")
    service = ScriptedService()
    service.failures = [TransientError("connection refused")]
    syncer = Syncer(store, service, clock)
    event = NewEvent(EventType.CHECK_OUT, clock.now(), {"automatic": False}, GREEN_IIN)
    Outbox(store).add([event], desk=DESK, now=clock.now())
    failed = syncer.run_once()
    assert failed.error is not None and failed.retry_in
    paused = syncer.run_once()  # a nudge while the pause lasts: nothing is sent
    assert service.batches and len(service.batches) == 1
    store.close()

    desk = make_desk()
    source.online = False
    desk.scan(GREEN_IIN)
    desk.do(lambda: desk.controller.sync_reported(failed, SyncState(pending=1)))
    source.online = True
    desk.scan(BLUE_IIN)  # the service is back: the lookup answered
    assert header(desk).online is True

    desk.do(lambda: desk.controller.sync_reported(paused, SyncState(pending=2)))

    assert header(desk).online is True, "the paused pass asked nothing"
    assert header(desk).pending == 2


def test_key_fetches_and_occupancy_polls_move_the_header_too(make_desk: Any) -> None:
    desk = make_desk()
    desk.do(lambda: desk.controller.service_tried(ServiceProblem.OFFLINE))
    assert (header(desk).online, header(desk).problem) == (False, ServiceProblem.OFFLINE)
    desk.do(lambda: desk.controller.service_tried(None))
    assert header(desk).online is True


def test_back_online_the_waiting_events_are_sent_at_once(
    make_desk: Any, source: FakeSource
) -> None:
    sent_now: list[str] = []
    desk = make_desk(controller={"service_back": lambda: sent_now.append("now")})
    source.online = False
    desk.scan(GREEN_IIN)
    state = SyncState(pending=2, last_error="down")
    desk.do(lambda: desk.controller.sync_reported(SyncReport(error="down", retry_in=60), state))
    assert sent_now == []

    source.online = True
    desk.scan(BLUE_IIN)
    desk.scan(OTHER_IIN)  # still online: no second nudge

    assert sent_now == ["now"]


def test_the_count_inside_is_never_below_the_desks_own(make_desk: Any, clock: FakeClock) -> None:
    desk = make_desk()
    for iin in (GREEN_IIN, BLUE_IIN, OTHER_IIN):
        desk.scan(iin)
    venue = OccupancyReading(1, OccupancySource.VENUE, clock.now())  # it has not synced yet

    desk.do(lambda: desk.controller.venue_occupancy_reported(venue))

    told: OccupancyState = desk.heard.of("occupancy_changed")[-1][0]
    assert (told.local, told.venue, told.inside) == (3, 1, 3)
    assert OccupancyState(local=2, venue=9).inside == 9


class DownService:
    """The service's keys and occupancy, each answering or not."""

    def __init__(self) -> None:
        self.up = False

    def get_keys(self, **_: object) -> dict[str, Any]:
        if not self.up:
            raise TransientError("connection refused")
        return {"keys": []}

    def get_occupancy(self, venue_bin: str, **_: object) -> Occupancy:
        if not self.up:
            raise TransientError("connection refused")
        return Occupancy(inside=4, as_of=0.0, venue=venue_bin)


def test_the_network_chores_tell_each_call_they_make(tmp_path: Path) -> None:
    settings = parse_settings({"venue": {"bin": "150340012345"}, "camera": {"device": "none"}})
    clock: Clock = FakeClock()
    app: App = app_for(settings, tmp_path, clock)
    service = DownService()
    tried: list[ServiceProblem | None] = []
    readings: list[OccupancyReading] = []
    try:
        chores = network_chores(
            app,
            service,  # type: ignore[arg-type]
            SyncState,
            readings.append,
            on_attempt=tried.append,
        )
        for chore in chores:
            chore(app.store)
        assert tried == [ServiceProblem.OFFLINE, ServiceProblem.OFFLINE]
        service.up = True
        assert isinstance(clock, FakeClock)
        clock.advance(31)
        for chore in chores:
            chore(app.store)
        assert tried[2:] == [None, None] and [r.inside for r in readings] == [4]
        for chore in chores:
            chore(app.store)  # keys fresh, occupancy asked 0 s ago: nothing asked
        assert len(tried) == 4
    finally:
        app.close()
