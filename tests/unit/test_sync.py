"""Outbox sync against a scripted service: order, batches, backoff, dead
letters, lost answers and retroactive red alerts."""

from __future__ import annotations

import random
import threading
from pathlib import Path
from typing import Any

import pytest

from kiosk.decision import StaffInput
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.service.errors import DeviceNotRegistered, TransientError
from kiosk.status import Status
from kiosk.storage.alerts import AlertKind, Alerts
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.sync import Syncer, SyncReport, SyncState, SyncWorker
from kiosk.vocabulary import Method, StaffAnswer
from shared.backoff import Backoff, BackoffPolicy
from tests.fakes import GREEN_IIN, START, FakeClock, FakeSource, PassIssuer, ScriptedService

DESK = DeskIdentity("150340012345", "main", "desk-1")


@pytest.fixture
def service() -> ScriptedService:
    return ScriptedService()


def syncer(store: Store, service: ScriptedService, clock: FakeClock, batch: int = 500) -> Syncer:
    backoff = Backoff(BackoffPolicy(1.0, 60.0, jitter=True), rng=random.Random(7))
    return Syncer(store, service, clock, batch_size=batch, backoff=backoff)


def queue(store: Store, count: int, at: float = START) -> list[str]:
    events = [
        NewEvent(EventType.CHECK_IN, at + i, {"decision": "admit"}, GREEN_IIN) for i in range(count)
    ]
    Outbox(store).add(events, desk=DESK, now=at)
    return [e.id for e in events]


def test_sends_in_order_in_batches_and_erases_iins(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    ids = queue(store, 12)

    report = syncer(store, service, clock, batch=5).run_once()

    assert report.sent == 12 and report.acknowledged == 12 and report.error is None
    assert [len(b) for b in service.batches] == [5, 5, 2]
    assert [i for b in service.batches for i in b] == ids
    assert Outbox(store).stats().pending == 0
    assert all(e.iin is None for e in Outbox(store).get(ids))
    assert store.get_meta("last_sync_ok") is not None


def test_transient_failure_backs_off_then_delivers_once(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    ids = queue(store, 3)
    service.failures = [TransientError("503", retry_after=30.0), TransientError("reset")]
    sync = syncer(store, service, clock)

    first = sync.run_once()
    early = sync.run_once()
    batches_before_due = len(service.batches)
    clock.advance(30)
    second = sync.run_once()
    clock.advance(second.retry_in or 0)
    third = sync.run_once()

    assert first.retry_in == 30.0, "Retry-After is honoured"
    assert early.sent == 0 and batches_before_due == 1, "nothing is sent before it is due"
    assert second.error and second.retry_in is not None and 1.0 <= second.retry_in <= 4.0
    assert third.acknowledged == 3
    assert sorted(service.stored) == sorted(ids)
    assert Outbox(store).get(ids)[0].attempts == 2


def test_send_now_forgets_the_pause_and_the_backoff_a_failure_left(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    ids = queue(store, 3)
    service.failures = [TransientError("503", retry_after=300.0)]
    sync = syncer(store, service, clock)
    assert sync.run_once().retry_in == 300.0

    sync.send_now()
    report = syncer(store, service, clock).run_once()  # a restarted kiosk too

    assert report.acknowledged == 3 and report.error is None
    assert sorted(service.stored) == sorted(ids)


def test_backoff_grows_exponentially_with_jitter_up_to_the_cap() -> None:
    backoff = Backoff(BackoffPolicy(1.0, 60.0, jitter=True), rng=random.Random(1))
    delays = [backoff.next_delay() for _ in range(10)]
    assert all(0.5 * min(60, 2**i) <= d <= min(60, 2**i) for i, d in enumerate(delays))
    assert delays[-1] <= 60
    backoff.reset()
    assert backoff.next_delay() <= 1.0


def test_lost_answer_resends_and_the_service_keeps_one_copy(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    ids = queue(store, 4)
    service.lose_answer_once = True
    sync = syncer(store, service, clock)

    lost = sync.run_once()
    clock.advance(lost.retry_in or 0)
    again = sync.run_once()

    assert lost.error and again.duplicates == 4
    assert len(service.stored) == 4
    assert Outbox(store).stats().pending == 0
    assert sorted(service.stored) == sorted(ids)


def test_rejected_events_go_to_dead_letter_and_the_rest_flows(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    ids = queue(store, 3)
    service.reject = {ids[1]}

    report = syncer(store, service, clock).run_once()

    assert report.rejected == 1 and report.acknowledged == 2
    stats = Outbox(store).stats()
    assert (stats.pending, stats.dead) == (0, 1)
    assert Outbox(store).dead()[0].dead_reason == "bad venue"
    assert [a.kind for a in Alerts(store).unseen()] == [AlertKind.DEAD_LETTER]
    assert Outbox(store).retry_dead() == 1


def test_a_batch_refused_whole_is_split_to_isolate_the_bad_event(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    ids = queue(store, 8)
    service.refuse_whole_batch_with = {ids[5]}

    syncer(store, service, clock).run_once()

    assert set(service.stored) == set(ids) - {ids[5]}
    assert [e.id for e in Outbox(store).dead()] == [ids[5]]


def test_unregistered_device_stops_retrying_for_a_long_while(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    queue(store, 2)
    service.failures = [DeviceNotRegistered()]

    report = syncer(store, service, clock).run_once()

    assert report.fatal and report.error == "this device is not registered"
    assert [a.kind for a in Alerts(store).unseen()] == [AlertKind.DEVICE_NOT_REGISTERED]
    assert Outbox(store).stats().pending == 2
    assert service.batches and len(service.batches) == 1


def test_unverified_check_in_later_found_red_raises_alert_and_queues_report(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    source = FakeSource(online=False)
    issuer = PassIssuer()
    reception = Reception(
        DeskSettings(desk=DESK, policy=Policy()), store, clock, lambda: issuer.trust, source
    )
    pending = reception.check(GREEN_IIN, Method.SCANNER)
    admitted = reception.record(pending, StaffInput(StaffAnswer.ADMIT, "aigerim"))
    service.statuses[GREEN_IIN] = Status.RED
    sync = syncer(store, service, clock)

    report = sync.run_once()

    assert report.retroactive_red == 1
    alerts = Alerts(store).unseen()
    assert [a.kind for a in alerts] == [AlertKind.RETROACTIVE_RED]
    assert alerts[0].payload.check_in == admitted.event_ids[0]
    assert alerts[0].payload.masked_id == "••••••••0005"
    assert GREEN_IIN not in str(alerts[0].payload)
    reports = [e for e in service.stored.values() if e["type"] == "red_report"]
    assert len(reports) == 1 and reports[0]["iin"] == GREEN_IIN
    assert reports[0]["data"]["check_in"] == admitted.event_ids[0]

    sync.run_once()
    assert len([e for e in service.stored.values() if e["type"] == "red_report"]) == 1


def test_the_worker_publishes_when_the_service_last_acknowledged(
    tmp_path: Path, service: ScriptedService, clock: FakeClock
) -> None:
    path = tmp_path / "kiosk.sqlite3"
    store = Store(path)
    queue(store, 3)
    store.close()
    published: list[SyncState] = []
    arrived = threading.Event()

    def on_report(report: SyncReport, state: SyncState) -> None:
        published.append(state)
        arrived.set()

    worker = SyncWorker(
        lambda: Store(path),
        lambda store: syncer(store, service, clock),
        clock,
        interval=3600,
        on_report=on_report,
    )
    worker.start()
    try:
        assert arrived.wait(10)
    finally:
        worker.stop()

    assert published[0].pending == 0 and published[0].last_acked_at == clock.now()
    assert worker.state.last_acked_at == clock.now()


def test_the_status_is_cached_under_the_subject_the_check_in_was_recorded_with(
    store: Store, service: ScriptedService, clock: FakeClock
) -> None:
    [event_id] = queue(store, 1)
    with store.transaction() as conn:  # what the desk worked out when it recorded it
        conn.execute("UPDATE outbox SET subject = 'as-recorded' WHERE id = ?", (event_id,))
    service.statuses = {GREEN_IIN: Status.YELLOW}

    syncer(store, service, clock).run_once()

    cached = store.query("SELECT subject, status FROM status_cache")
    assert cached == [{"subject": "as-recorded", "status": "yellow"}], "not worked out again"


class ClosingService(ScriptedService):
    """The service answers just after another process closed the day: the
    close-out runs on its own connection while the batch is on its way."""

    def __init__(self, path: Path, clock: FakeClock) -> None:
        super().__init__()
        self.path, self.clock = path, clock
        self.closed = False

    def post_events(self, events: Any) -> Any:
        from kiosk.dayend import BusinessDay, DayEnd

        if not self.closed:
            self.closed = True
            other = Store(self.path)
            try:
                DayEnd(other, DESK, BusinessDay()).close_out(self.clock.now(), now=self.clock.now())
            finally:
                other.close()
        return super().post_events(events)


def test_a_close_out_while_a_batch_is_on_its_way_caches_under_the_new_key_only(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = Store(tmp_path / "kiosk.sqlite3")
    try:
        reception = Reception(
            DeskSettings(desk=DESK, policy=Policy()), store, clock, lambda: PassIssuer().trust
        )
        recorded = reception.record(
            reception.check(GREEN_IIN, Method.SCANNER), StaffInput(StaffAnswer.ADMIT, "aigerim")
        )
        old_subject = store.query("SELECT subject FROM outbox WHERE id = ?", (recorded.id,))
        service = ClosingService(store.path, clock)
        service.statuses = {GREEN_IIN: Status.YELLOW}

        report = syncer(store, service, clock).run_once()

        assert report.acknowledged == 2, "the check-in, then the close-out's check-out"
        new_subject = store.keys.current(clock.now()).subject(GREEN_IIN)
        cached = {str(r["subject"]) for r in store.query("SELECT subject FROM status_cache")}
        assert cached == {new_subject} and old_subject[0]["subject"] not in cached
    finally:
        store.close()
