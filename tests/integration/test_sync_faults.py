"""The outbox sync over real HTTP through a misbehaving network: every fault
delays delivery, none loses or duplicates an event, and acknowledged rows
keep no raw IIN.

The desk records its events through the real desk flow (`Reception` with
live lookups through the fault proxy), then a `Syncer` with a clock that
moves only when told sends them: a backoff delay is "waited" by advancing
the clock, so no test sleeps through one.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import main
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.iin import Sex, make_iin
from kiosk.passes import TrustList
from kiosk.policy import Outcome, Policy
from kiosk.reception import Reception
from kiosk.service.api import ApiClient
from kiosk.service.live import LiveStatus
from kiosk.storage.alerts import AlertKind, Alerts
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.sync import Syncer, SyncReport, SyncState, SyncWorker
from kiosk.vocabulary import Method
from sandbox.server import SandboxServer
from shared.backoff import Backoff, BackoffPolicy
from shared.clock import SystemClock
from tests.fakes import FakeClock, clock_within_today
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import DEMO_IIN, VENUE_BIN, wait_until

MakeClient = Callable[..., ApiClient]
BATCH = 4
READ_TIMEOUT = 1.0
DESK = DeskIdentity(VENUE_BIN, "main", "desk-1")


def sample_iin(n: int) -> str:
    """The n-th of a run of valid IINs that the sandbox does not know (blue)."""
    serial = 4000 + n
    while (iin := make_iin(dt.date(1975, 1, 1) + dt.timedelta(days=n), Sex.FEMALE, serial)) is None:
        serial += 1
    return iin


@dataclass
class Desk:
    """A kiosk with a queue of real desk events, and what it takes to check on it."""

    store: Store
    clock: FakeClock
    iins: list[str]

    def queued_ids(self) -> list[str]:
        return [str(r["id"]) for r in self.store.query("SELECT id FROM outbox ORDER BY seq")]

    def pending(self) -> int:
        return Outbox(self.store).stats().pending

    def syncer(self, api: ApiClient, *, batch: int = BATCH, seed: int = 7) -> Syncer:
        backoff = Backoff(BackoffPolicy(1.0, 60.0, jitter=True), rng=random.Random(seed))
        return Syncer(self.store, api, self.clock, batch_size=batch, backoff=backoff)


@pytest.fixture
def desk(tmp_path: Path, fault_proxy: FaultProxy, make_client: MakeClient) -> Iterator[Desk]:
    """Eight people in, two of them out again, a red visitor refused (and
    reported), a yellow one refused: 13 events waiting in the outbox."""
    store = Store.in_dir(tmp_path / "kiosk")
    clock = clock_within_today()
    live = LiveStatus(make_client(fault_proxy.url, read_timeout=2.0), deadline=2.0)
    reception = Reception(DeskSettings(DESK, Policy()), store, clock, TrustList, live)
    people = [sample_iin(n) for n in range(8)]
    try:
        for iin in people:
            assert reception.check(iin, Method.SCANNER).outcome is Outcome.ADMIT
            clock.advance(20)
        for iin in [DEMO_IIN["red"], DEMO_IIN["yellow"], people[0], people[1]]:
            decision = reception.check(iin, Method.CAMERA)
            assert decision.provenance.value in ("live", "none")  # "none": an exit
            clock.advance(20)
        assert Outbox(store).stats().pending == 13
        yield Desk(store, clock, [*people, DEMO_IIN["red"], DEMO_IIN["yellow"]])
    finally:
        live.close()
        store.close()


@pytest.fixture
def client(fault_proxy: FaultProxy, make_client: MakeClient) -> ApiClient:
    return make_client(fault_proxy.url, connect_timeout=1.0, read_timeout=READ_TIMEOUT)


def stored_ids(sandbox: SandboxServer) -> list[str]:
    return [e.id for e in sandbox.service.events(VENUE_BIN, limit=10_000)]


def assert_delivered_exactly_once(
    desk: Desk, sandbox: SandboxServer, *, expected: list[str] | None = None, dead: int = 0
) -> None:
    """Every event at the service once, nothing left to send, no raw IIN kept."""
    ids = stored_ids(sandbox)
    assert len(ids) == len(set(ids)), "an event was stored twice"
    wanted = desk.queued_ids() if expected is None else expected
    assert sorted(ids) == sorted(wanted)
    stats = Outbox(desk.store).stats()
    assert (stats.pending, stats.dead) == (0, dead)
    kept = desk.store.query("SELECT count(*) AS n FROM outbox WHERE acked_at IS NOT NULL")
    assert kept[0]["n"] == len(wanted)
    raw = desk.store.query("SELECT count(*) AS n FROM outbox WHERE acked_at IS NOT NULL AND iin")
    assert raw[0]["n"] == 0, "acknowledged rows still hold raw IINs"
    dead_iins = {e.iin for e in Outbox(desk.store).dead()}
    assert_not_on_disk(desk.store.path, [i for i in desk.iins if i not in dead_iins])


def assert_not_on_disk(db: Path, iins: list[str]) -> None:
    """Erased IINs cannot be read back from the database file or its WAL."""
    blob = b"".join(p.read_bytes() for p in (db, db.with_name(db.name + "-wal")) if p.exists())
    found = [iin for iin in iins if iin.encode("ascii") in blob]
    assert not found, f"{len(found)} erased IINs can still be read from the files"


# --- one fault at a time ------------------------------------------------------

# (fault, the Retry-After the kiosk must wait, whether the service stored the batch)
TRANSIENT_FAULTS: dict[str, tuple[Fault, float | None, bool]] = {
    "connection_closed": (Fault.close(), None, False),
    "connection_reset": (Fault.reset(), None, False),
    "http_500": (Fault.respond(500), None, False),
    "http_503_retry_after": (Fault.respond(503, retry_after="7"), 7.0, False),
    "http_429_retry_after": (Fault.respond(429, retry_after="120"), 120.0, False),
    "read_time_out": (Fault.delay(3 * READ_TIMEOUT + 1), None, True),
    "truncated_body": (Fault.truncate(), None, True),
    "truncated_json": (Fault.truncate_json(), None, True),
    "answer_lost_after_storing": (Fault.drop_answer(), None, True),
}


@pytest.mark.parametrize("name", list(TRANSIENT_FAULTS))
def test_a_transient_fault_delays_delivery_but_loses_and_doubles_nothing(
    name: str, desk: Desk, client: ApiClient, fault_proxy: FaultProxy, sandbox: SandboxServer
) -> None:
    fault, retry_after, stored_anyway = TRANSIENT_FAULTS[name]
    queued = desk.queued_ids()
    sync = desk.syncer(client)
    fault_proxy.push(Fault.forward(), fault)  # the first batch goes through, the second fails
    before = fault_proxy.connections

    failed = sync.run_once()

    assert failed.sent == BATCH and failed.error is not None and not failed.fatal
    assert fault_proxy.connections - before == 2, "one request per batch, no retry inside a pass"
    assert desk.pending() == len(queued) - BATCH
    assert len(stored_ids(sandbox)) == (2 * BATCH if stored_anyway else BATCH)
    assert failed.retry_in is not None
    if retry_after is not None:
        assert failed.retry_in == retry_after, "Retry-After is honoured as sent"
    else:
        assert 0.5 <= failed.retry_in <= 1.0, "first backoff: base 1 s, with jitter"

    desk.clock.advance(failed.retry_in - 0.1)
    early = sync.run_once()
    assert early.sent == 0 and fault_proxy.connections - before == 2, "nothing sent before due"

    desk.clock.advance(0.2)
    resumed = sync.run_once()

    assert resumed.error is None and resumed.sent == len(queued) - BATCH
    assert resumed.duplicates == (BATCH if stored_anyway else 0)
    assert resumed.acknowledged == len(queued) - (2 * BATCH if stored_anyway else BATCH)
    assert_delivered_exactly_once(desk, sandbox)
    first_batch = Outbox(desk.store).get(queued[:BATCH])
    failed_batch = Outbox(desk.store).get(queued[BATCH : 2 * BATCH])
    assert {e.attempts for e in first_batch} == {0} and {e.attempts for e in failed_batch} == {1}


def test_a_new_event_during_retry_after_does_not_knock_early(
    desk: Desk, client: ApiClient, fault_proxy: FaultProxy, sandbox: SandboxServer
) -> None:
    # The desk wakes its sync worker after every check-in; the service asked
    # for 7 s of quiet, so that wake-up must not send anything (nor jump the
    # queue with the new event).
    sync = desk.syncer(client, batch=100)
    fault_proxy.push(Fault.respond(503, retry_after="7"))
    failed = sync.run_once()
    assert failed.retry_in == 7.0
    Outbox(desk.store).add(
        [NewEvent(EventType.CHECK_OUT, desk.clock.now(), {"automatic": False}, sample_iin(2))],
        desk=DESK,
        now=desk.clock.now(),
    )
    before = fault_proxy.connections

    desk.clock.advance(3)
    nudged = sync.run_once()

    assert nudged.sent == 0 and fault_proxy.connections == before
    assert nudged.retry_in is not None and 3.9 <= nudged.retry_in <= 4.0
    desk.clock.advance(4)
    assert sync.run_once().error is None
    assert_delivered_exactly_once(desk, sandbox)
    assert stored_ids(sandbox)[-1] == desk.queued_ids()[-1], "sent in the order recorded"


def test_a_stopped_service_is_waited_for_and_then_gets_everything_once(
    desk: Desk, sandbox: SandboxServer, make_client: MakeClient
) -> None:
    direct = make_client(sandbox.url, connect_timeout=1.0, read_timeout=2.0)
    sync = desk.syncer(direct)
    sandbox.stop()

    down = sync.run_once()
    desk.clock.advance(down.retry_in or 0)
    still_down = sync.run_once()

    assert down.sent == still_down.sent == 0
    assert down.error and still_down.error and not down.fatal
    assert down.retry_in is not None and 0.5 <= down.retry_in <= 1.0
    assert still_down.retry_in is not None and 1.0 <= still_down.retry_in <= 2.0, "backs off"
    assert desk.pending() == 13

    sandbox.start()  # the same port and file
    desk.clock.advance(still_down.retry_in)
    back = sync.run_once()

    assert back.error is None and back.acknowledged == 13
    assert_delivered_exactly_once(desk, sandbox)
    assert desk.store.get_meta("last_sync_ok") == repr(desk.clock.now())


def test_an_unregistered_device_asks_once_per_pass_and_never_loops(
    desk: Desk, fault_proxy: FaultProxy, make_client: MakeClient, sandbox: SandboxServer
) -> None:
    revoked = make_client(fault_proxy.url, "revoked-token", read_timeout=READ_TIMEOUT)
    sync = desk.syncer(revoked)
    before = fault_proxy.connections

    refused = sync.run_once()
    again = sync.run_once()

    assert refused.fatal and refused.error == "this device is not registered"
    assert refused.sent == 0 and again.sent == 0
    assert fault_proxy.connections - before == 1, "one request, then it stops asking"
    assert desk.pending() == 13 and stored_ids(sandbox) == []
    kinds = [a.kind for a in Alerts(desk.store).unseen()]
    assert kinds.count(AlertKind.DEVICE_NOT_REGISTERED) == 1

    # Registered again (the right token): delivery resumes where it stopped.
    desk.clock.advance(refused.retry_in or 0)
    fixed = desk.syncer(make_client(fault_proxy.url, read_timeout=2.0)).run_once()

    assert fixed.error is None and fixed.acknowledged == 13
    assert_delivered_exactly_once(desk, sandbox)


# --- events the service refuses -----------------------------------------------


def test_a_body_too_large_splits_batches_and_parks_only_the_oversized_event(
    tmp_path: Path, sandbox_factory: Callable[..., SandboxServer], make_client: MakeClient
) -> None:
    small = sandbox_factory(max_body=4096)
    store = Store.in_dir(tmp_path / "kiosk")
    clock = clock_within_today()
    people = [sample_iin(n) for n in range(30)]
    check_ins = [
        NewEvent(EventType.CHECK_IN, clock.now() + i, _check_in_data(), iin)
        for i, iin in enumerate(people)
    ]
    huge = NewEvent(
        EventType.STAFF_OVERRIDE,
        clock.now() + 10.5,
        {"check_in": check_ins[10].id, "operator": "aigerim", "reason": "x" * 6000},
        people[10],
    )
    Outbox(store).add([*check_ins[:11], huge, *check_ins[11:]], desk=DESK, now=clock.now())
    desk = Desk(store, clock, people)
    try:
        report = desk.syncer(make_client(small.url), batch=25).run_once()

        assert report.acknowledged == 30 and report.rejected == 1
        dead = Outbox(store).dead()
        assert [e.id for e in dead] == [huge.id]
        assert dead[0].dead_reason is not None and "413" in dead[0].dead_reason
        assert_delivered_exactly_once(desk, small, expected=[e.id for e in check_ins], dead=1)
    finally:
        store.close()


def test_an_event_the_service_rejects_is_dead_lettered_and_shown_by_status(
    tmp_path: Path,
    desk: Desk,
    client: ApiClient,
    fault_proxy: FaultProxy,
    sandbox: SandboxServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = desk.queued_ids()
    wrong_bin = DeskIdentity("12345", "main", "desk-1")  # a venue BIN typed short in settings
    bad = NewEvent(EventType.CHECK_IN, desk.clock.now(), _check_in_data(), sample_iin(40))
    Outbox(desk.store).add([bad], desk=wrong_bin, now=desk.clock.now())
    more = [
        NewEvent(EventType.CHECK_IN, desk.clock.now() + 1 + i, _check_in_data(), sample_iin(41 + i))
        for i in range(3)
    ]
    Outbox(desk.store).add(more, desk=DESK, now=desk.clock.now())
    desk.iins.extend([sample_iin(40), *(sample_iin(41 + i) for i in range(3))])
    fault_proxy.push(Fault.forward(), Fault.respond(500))  # with a fault on the way, too
    sync = desk.syncer(client)

    first = sync.run_once()
    desk.clock.advance(first.retry_in or 0)
    second = sync.run_once()

    assert first.error and second.error is None and second.rejected == 1
    dead = Outbox(desk.store).dead()
    assert [e.id for e in dead] == [bad.id] and dead[0].dead_reason == "bad_venue_bin"
    assert_delivered_exactly_once(desk, sandbox, expected=[*good, *(e.id for e in more)], dead=1)
    alerts = [a for a in Alerts(desk.store).unseen() if a.kind is AlertKind.DEAD_LETTER]
    assert [list(a.payload.events) for a in alerts] == [[bad.id]]

    config = tmp_path / "desk.toml"
    config.write_text(f'[venue]\nbin = "{VENUE_BIN}"\n[service]\nurl = "{fault_proxy.url}"\n')
    data_dir = desk.store.path.parent
    code = main(["--config", str(config), "--data-dir", str(data_dir), "status"])
    status = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (status["pending"], status["dead_letter"]) == (0, 1)
    assert "dead_letter" in [a["kind"] for a in status["alerts"]]


@pytest.mark.parametrize("status", [403, 404, 405])
def test_an_answer_that_blames_no_event_parks_none_of_them(
    status: int, desk: Desk, client: ApiClient, fault_proxy: FaultProxy, sandbox: SandboxServer
) -> None:
    # A wrong path in the URL, a portal, a placeholder server during a
    # migration: it says nothing about the events, so none is dead-lettered.
    fault_proxy.set(Fault.respond(status))
    before = fault_proxy.connections

    refused = desk.syncer(client).run_once()

    assert refused.error and refused.rejected == 0 and not refused.fatal
    assert fault_proxy.connections - before == 1, "no batch splitting"
    stats = Outbox(desk.store).stats()
    assert (stats.pending, stats.dead) == (13, 0)

    fault_proxy.set(Fault.forward())
    desk.clock.advance(refused.retry_in or 0)
    sync = desk.syncer(client)
    assert sync.run_once().acknowledged == 13
    assert_delivered_exactly_once(desk, sandbox)


def _check_in_data() -> dict[str, Any]:
    return {
        "decision": "admit",
        "status": "blue",
        "provenance": "live",
        "method": "scanner",
        "masked_id": "••••••••0000",
        "flags": [],
    }


# --- faults in a row ------------------------------------------------------------

MENU: tuple[Fault, ...] = (
    Fault.forward(),
    Fault.forward(),
    Fault.close(),
    Fault.reset(),
    Fault.respond(500),
    Fault.respond(502),
    Fault.respond(503, retry_after="3"),
    Fault.respond(429, retry_after="11"),
    Fault.delay(READ_TIMEOUT + 1.0),
    Fault.truncate(),
    Fault.truncate_json(),
    Fault.drop_answer(),
)


@pytest.mark.parametrize("seed", [11, 2026, 90210])
def test_a_random_sequence_of_faults_still_delivers_everything_once(
    seed: int, desk: Desk, client: ApiClient, fault_proxy: FaultProxy, sandbox: SandboxServer
) -> None:
    rng = random.Random(seed)
    sync = desk.syncer(client, batch=3, seed=seed)
    reports: list[SyncReport] = []
    for _ in range(6):
        fault_proxy.push(*(rng.choice(MENU) for _ in range(rng.randint(1, 3))))
        before, batches = fault_proxy.connections, -(-desk.pending() // 3)
        reports.append(sync.run_once())
        assert fault_proxy.connections - before <= batches, "a failure ends the pass"
        desk.clock.advance(reports[-1].retry_in or rng.uniform(0, 5))
    for _ in range(20):  # the faults still queued are used up; then it all flows
        if desk.pending() == 0:
            break
        reports.append(sync.run_once())
        desk.clock.advance(reports[-1].retry_in or 0)

    assert_delivered_exactly_once(desk, sandbox)
    assert sum(r.acknowledged for r in reports) <= 13
    assert sum(r.acknowledged + r.duplicates for r in reports) >= 13


# --- the sync worker thread -------------------------------------------------------


class Reports:
    """Collects what a SyncWorker publishes; `arrived` is set on each report."""

    def __init__(self) -> None:
        self.items: list[tuple[SyncReport, SyncState]] = []
        self.arrived = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, report: SyncReport, state: SyncState) -> None:
        with self._lock:
            self.items.append((report, state))
        self.arrived.set()

    def latest(self) -> SyncState | None:
        with self._lock:
            return self.items[-1][1] if self.items else None


def test_the_worker_thread_rides_out_faults_with_its_own_connection(
    desk: Desk, client: ApiClient, fault_proxy: FaultProxy, sandbox: SandboxServer
) -> None:
    path = desk.store.path
    reports = Reports()
    worker = SyncWorker(
        lambda: Store(path),
        lambda store: Syncer(
            store,
            client,
            SystemClock(),
            batch_size=BATCH,
            backoff=Backoff(BackoffPolicy(0.05, 0.2, jitter=True), rng=random.Random(1)),
        ),
        SystemClock(),
        interval=30.0,
        on_report=reports,
    )
    fault_proxy.push(
        Fault.reset(), Fault.respond(500), Fault.drop_answer(), Fault.respond(503, retry_after="0")
    )
    worker.start()
    try:
        wait_until(lambda: (s := reports.latest()) is not None and s.pending == 0, timeout=10)
        state = worker.state
    finally:
        worker.stop()

    assert state.last_error is None and state.last_success is not None and state.dead == 0
    assert [r.error is not None for r, _ in reports.items].count(True) >= 3
    assert_delivered_exactly_once(desk, sandbox)


def test_the_worker_stops_asking_after_401_and_still_stops_at_once(
    desk: Desk, fault_proxy: FaultProxy, make_client: MakeClient
) -> None:
    revoked = make_client(fault_proxy.url, "revoked-token")
    path = desk.store.path
    reports = Reports()
    worker = SyncWorker(
        lambda: Store(path),
        lambda store: Syncer(store, revoked, SystemClock()),
        SystemClock(),
        interval=0.01,
        on_report=reports,
    )
    before = fault_proxy.connections
    worker.start()
    try:
        assert reports.arrived.wait(10)
        reports.arrived.clear()
        asked_again = reports.arrived.wait(0.5)  # a tight interval, yet no second knock
    finally:
        began = time.monotonic()
        worker.stop()
        stop_took = time.monotonic() - began

    assert not asked_again and fault_proxy.connections - before == 1
    report, state = reports.items[0]
    assert report.fatal and state.last_error == "this device is not registered"
    assert state.pending == 13
    assert stop_took < 2.0, "stop() wakes a worker that waits out a 401"


def test_a_failing_chore_does_not_stop_the_sync_but_replaced_files_do(
    desk: Desk, client: ApiClient, sandbox: SandboxServer
) -> None:
    path = desk.store.path
    reports = Reports()
    chores_run: list[str] = []

    def broken_chore(store: Store) -> None:
        chores_run.append("broken")
        raise ValueError("a bug in one chore")

    def writing_chore(store: Store) -> None:
        chores_run.append("writing")
        with store.transaction() as conn:  # notices the replaced files
            conn.execute("SELECT 1")

    worker = SyncWorker(
        lambda: Store(path),
        lambda store: Syncer(store, client, SystemClock()),
        SystemClock(),
        interval=0.05,
        on_report=reports,
        chores=(broken_chore, writing_chore),
    )
    worker.start()
    try:
        wait_until(lambda: chores_run.count("writing") >= 2, timeout=10)  # past the broken one
        path.rename(path.with_name("moved-away.sqlite3"))
        path.write_bytes(b"")
        wait_until(lambda: not worker.state.running, timeout=10)
    finally:
        worker.stop()

    assert worker.state.last_error is not None and "replaced" in worker.state.last_error
    assert list(path.parent.glob("kiosk-rescued-*.sqlite3")), "what it held is kept"
