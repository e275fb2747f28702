"""A desk against the sandbox over real HTTP: a wrong clock, key rotation,
a day with the service down, a red status found after the fact, occupancy
over several desks, and a service too slow to wait for.

The command-line tests run `ashyq-kiosk` in this process (`app.main`)
with a settings file and a data folder in tmp_path, and read its JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import main
from kiosk.codes import CodeKind, parse_code
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.iin import Sex, make_iin, mask_iin
from kiosk.passes import PassProblem, TrustList
from kiosk.policy import Outcome, Policy
from kiosk.reception import Reception
from kiosk.service.api import ApiClient
from kiosk.service.live import LiveStatus
from kiosk.status import Provenance, Status
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.sync import Syncer
from kiosk.trust import TrustKeeper
from kiosk.vocabulary import Method
from sandbox.server import SandboxServer
from shared.clock import SystemClock
from tests.fakes import FakeClock, clock_within_today
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import DEMO_IIN, VENUE_BIN, SandboxHttp

MakeClient = Callable[..., ApiClient]
DESK = DeskIdentity(VENUE_BIN, "main", "desk-1")


def sample_iin(n: int) -> str:
    """The n-th of a run of valid IINs that the sandbox does not know (blue)."""
    serial = 6000 + n
    while (iin := make_iin(dt.date(1988, 3, 1) + dt.timedelta(days=n), Sex.MALE, serial)) is None:
        serial += 1
    return iin


@dataclass
class Cli:
    """`ashyq-kiosk` run in this process with its own settings file and data folder."""

    config: Path
    data_dir: Path
    capsys: pytest.CaptureFixture[str]

    def __call__(self, *argv: str) -> tuple[int, dict[str, Any], str]:
        """Exit code, the last JSON line printed, and everything printed."""
        self.capsys.readouterr()
        code = main(["--config", str(self.config), "--data-dir", str(self.data_dir), *argv])
        out = self.capsys.readouterr().out
        lines = [json.loads(line) for line in out.splitlines() if line.strip()]
        return code, lines[-1] if lines else {}, out

    def db_bytes(self) -> bytes:
        files = sorted(self.data_dir.glob("kiosk.sqlite3*"))
        return b"".join(f.read_bytes() for f in files)


@pytest.fixture
def cli_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[[str], Cli]:
    def make(url: str) -> Cli:
        config = tmp_path / "desk.toml"
        config.write_text(
            f'[venue]\nbin = "{VENUE_BIN}"\nentrance = "main"\ndesk = "desk-1"\n'
            "rescan_window_s = 0\n"  # a scripted day: each scan is a new visit
            f'[service]\nurl = "{url}"\nconnect_timeout = 1.0\nread_timeout = 2.0\n'
            "status_deadline = 1.0\n",
            encoding="utf-8",
        )
        return Cli(config, tmp_path / "kiosk-data", capsys)

    return make


def sandbox_events(sandbox: SandboxServer, type: str | None = None) -> list[Any]:
    events = sandbox.service.events(VENUE_BIN, limit=10_000)
    return [e for e in events if type is None or e.type == type]


def assert_once_each(sandbox: SandboxServer, ids: list[str]) -> None:
    stored = [e.id for e in sandbox_events(sandbox)]
    assert len(stored) == len(set(stored)), "an event was stored twice"
    assert sorted(stored) == sorted(ids)


# --- the clock ------------------------------------------------------------------


def test_a_service_clock_ten_minutes_ahead_shows_in_sync_and_in_the_cli(
    tmp_path: Path, fault_proxy: FaultProxy, make_client: MakeClient, cli_for: Callable[[str], Cli]
) -> None:
    fault_proxy.set(Fault.shift_date(600))
    cli = cli_for(fault_proxy.url)
    store = Store.in_dir(cli.data_dir)
    try:
        now = time.time()
        Outbox(store).add(
            [NewEvent(EventType.CHECK_OUT, now, {"automatic": False}, sample_iin(1))],
            desk=DESK,
            now=now,
        )
        client = make_client(fault_proxy.url)
        report = Syncer(store, client, SystemClock()).run_once()
    finally:
        store.close()
    assert report.acknowledged == 1
    assert client.clock_skew is not None and abs(client.clock_skew - 600) < 2

    code, checked, _ = cli("check", "--iin", DEMO_IIN["green"])
    assert code == 0 and checked["provenance"] == "live"
    code, synced, _ = cli("sync", "--once")

    assert code == 0 and synced["acknowledged"] == 1 and synced["pending"] == 0
    assert abs(synced["clock_skew_s"] - 600) < 2
    assert synced["clock_warning"]
    _, status, _ = cli("status")
    skew_alerts = [a for a in status["alerts"] if a["kind"] == "clock_skew"]
    assert len(skew_alerts) == 1 and abs(skew_alerts[0]["skew_s"] - 600) < 2


# --- signing keys -----------------------------------------------------------------


def test_a_pass_outlives_one_key_rotation_but_not_two(
    tmp_path: Path, sandbox: SandboxServer, http: SandboxHttp, api_client: ApiClient
) -> None:
    store = Store(tmp_path / "kiosk.sqlite3")
    clock = SystemClock()
    try:
        keeper = TrustKeeper(store, clock, TrustList())
        keeper.refresh(api_client.get_keys)
        reception = Reception(DeskSettings(DESK, Policy()), store, clock, keeper.current)
        issued = http.post("/v1/sandbox/passes", json={"iin": DEMO_IIN["green"]}).json()
        old_pass = issued["pass"]

        def problem(text: str) -> str | None:
            parsed = parse_code(text, keeper.current(), now=clock.now())
            return None if parsed.kind is CodeKind.PASS else parsed.reason

        assert problem(old_pass) is None

        http.post("/v1/sandbox/keys/rotate")
        new_pass = http.post("/v1/sandbox/passes", json={"iin": DEMO_IIN["blue"]}).json()["pass"]
        assert problem(new_pass) == PassProblem.UNKNOWN_KEY.value, "not fetched yet"
        keeper.refresh(api_client.get_keys)
        assert problem(new_pass) is None
        admitted = reception.check(old_pass, Method.CAMERA)
        assert (admitted.outcome, admitted.provenance) == (Outcome.ADMIT, Provenance.PASS)

        http.post("/v1/sandbox/keys/rotate")
        assert problem(old_pass) is None, "the cached list still holds the old key"
        keeper.refresh(api_client.get_keys)
        refused = reception.check(old_pass, Method.CAMERA)

        assert refused.outcome is Outcome.INVALID_CODE
        assert refused.reason == PassProblem.UNKNOWN_KEY.value
        assert problem(new_pass) is None, "the previous key is kept"
        restarted = TrustKeeper(store, clock, TrustList())  # the list survives a restart
        assert parse_code(old_pass, restarted.current(), now=clock.now()).reason == "unknown_key"
    finally:
        store.close()


# --- a day with the service down ----------------------------------------------------


def test_the_desk_checks_people_in_while_the_service_is_down_and_catches_up(
    sandbox: SandboxServer, cli_for: Callable[[str], Cli]
) -> None:
    cli = cli_for(sandbox.url)
    recorded: list[str] = []

    code, first, _ = cli("check", "--iin", DEMO_IIN["green"])
    assert code == 0
    assert (first["decision"], first["provenance"], first["status"]) == ("admit", "live", "green")
    recorded += first["event_ids"]

    sandbox.stop()
    for iin in (DEMO_IIN["blue"], sample_iin(1)):
        code, out, _ = cli("check", "--iin", iin, "--staff", "admit", "--operator", "dana")
        assert code == 0 and out["provenance"] == "unverified"
        assert (out["decision"], out["staff_answer"]) == ("admit", "admit")
        recorded += out["event_ids"]
    code, unanswered, _ = cli("check", "--iin", sample_iin(2))  # nobody answered: not admitted
    assert code == 1 and unanswered["decision"] == "ask_staff"
    recorded += unanswered["event_ids"]
    code, leaving, _ = cli("check", "--iin", DEMO_IIN["green"])  # exits work offline too
    assert code == 0 and leaving["direction"] == "exit"
    recorded += leaving["event_ids"]

    _, offline, _ = cli("status")
    assert offline["pending"] == len(recorded) == 5
    assert offline["occupancy"] == 2 and offline["venue_occupancy_source"] == "local"
    code, failed, _ = cli("sync", "--once")
    assert code == 1 and failed["pending"] == 5 and failed["error"]

    sandbox.start()  # back on the same port
    code, synced, _ = cli("sync", "--once")

    assert code == 0 and synced["acknowledged"] == 5 and synced["error"] is None
    assert_once_each(sandbox, recorded)
    _, online, text = cli("status")
    assert online["pending"] == 0 and online["last_sync"] is not None
    assert online["venue_occupancy"] == 2 and online["venue_occupancy_source"] == "venue"
    for iin in (DEMO_IIN["green"], DEMO_IIN["blue"], sample_iin(1), sample_iin(2)):
        assert iin not in text
        assert iin.encode() not in cli.db_bytes(), "an acknowledged IIN is still on disk"


# --- red status found after the fact ----------------------------------------------


@pytest.mark.parametrize("first_answer_lost", [False, True], ids=["answered", "answer_lost"])
def test_a_visitor_admitted_offline_and_red_after_all_gets_one_alert_and_one_report(
    first_answer_lost: bool,
    sandbox: SandboxServer,
    http: SandboxHttp,
    fault_proxy: FaultProxy,
    cli_for: Callable[[str], Cli],
) -> None:
    cli = cli_for(fault_proxy.url)
    iin = sample_iin(10)
    fault_proxy.set(Fault.reset())  # the network is down
    code, admitted, _ = cli("check", "--iin", iin, "--staff", "admit", "--operator", "dana")
    assert code == 0 and admitted["provenance"] == "unverified"
    check_in = admitted["event_ids"][0]

    assert http.put(f"/v1/sandbox/people/{iin}", json={"status": "red"}).status_code == 200
    fault_proxy.set(Fault.forward())
    if first_answer_lost:
        # The sync fetches the (stale) key list first, then posts the events:
        # the service stores them, and the answer with the red status is lost.
        fault_proxy.push(Fault.forward(), Fault.drop_answer())
        code, lost, _ = cli("sync", "--once")
        assert code == 1 and lost["retroactive_red"] == 0 and lost["pending"] == 1
    code, synced, _ = cli("sync", "--once")

    assert code == 0 and synced["retroactive_red"] == 1 and synced["pending"] == 0
    _, status, text = cli("status")
    retro = [a for a in status["alerts"] if a["kind"] == "retroactive_red"]
    assert len(retro) == 1
    assert (retro[0]["masked_id"], retro[0]["check_in"]) == (mask_iin(iin), check_in)
    assert iin not in text, "the raw IIN never reaches the screen"
    reports = sandbox_events(sandbox, "red_report")
    assert len(reports) == 1 and reports[0].data["check_in"] == check_in
    assert reports[0].iin == iin

    code, again, _ = cli("sync", "--once")
    assert code == 0 and again["sent"] == 0 and again["retroactive_red"] == 0
    assert len(sandbox_events(sandbox, "red_report")) == 1
    _, status, _ = cli("status")
    assert [a["kind"] for a in status["alerts"]].count("retroactive_red") == 1


# --- a venue with two desks -----------------------------------------------------------


@dataclass
class Counter:
    """One desk of the venue: its own database, desk flow and sync."""

    store: Store
    reception: Reception
    syncer: Syncer


@pytest.fixture
def two_desks(
    tmp_path: Path, api_client: ApiClient
) -> Iterator[tuple[Counter, Counter, FakeClock]]:
    clock = clock_within_today()
    live = LiveStatus(api_client, deadline=2.0)
    desks = []
    for entrance, name in (("north", "n1"), ("south", "s1")):
        store = Store.in_dir(tmp_path / name)
        settings = DeskSettings(DeskIdentity(VENUE_BIN, entrance, name), Policy())
        reception = Reception(settings, store, clock, TrustList, live)
        desks.append(Counter(store, reception, Syncer(store, api_client, clock)))
    try:
        yield desks[0], desks[1], clock
    finally:
        live.close()
        for desk in desks:
            desk.store.close()


def test_venue_occupancy_is_the_sum_over_desks_and_drops_at_close_out(
    two_desks: tuple[Counter, Counter, FakeClock], api_client: ApiClient
) -> None:
    north, south, clock = two_desks
    for n in range(5):
        assert north.reception.check(sample_iin(20 + n), Method.SCANNER).admitted
        clock.advance(30)
    for n in range(3):
        assert south.reception.check(sample_iin(30 + n), Method.CAMERA).admitted
        clock.advance(30)
    leaving = north.reception.check(sample_iin(20), Method.SCANNER)
    assert leaving.direction.value == "exit"
    assert south.reception.check(DEMO_IIN["red"], Method.CAMERA).outcome is Outcome.DENY
    for desk in (north, south):
        assert desk.syncer.run_once().error is None

    venue = api_client.get_occupancy(VENUE_BIN)

    assert (north.reception.occupancy(), south.reception.occupancy()) == (4, 3)
    assert venue.inside == 7
    assert dict(venue.desks) == {"north/n1": 4, "south/s1": 3}

    clock.advance(600)
    assert north.reception.close_out(clock.now()) == 4
    automatic = Outbox(north.store).pending(now=clock.now())
    assert {(e.type, e.iin, e.data["automatic"]) for e in automatic} == {
        (EventType.CHECK_OUT, None, True)
    }
    assert north.syncer.run_once().acknowledged == 4

    after = api_client.get_occupancy(VENUE_BIN)
    assert after.inside == 3
    assert dict(after.desks) == {"north/n1": 0, "south/s1": 3}


# --- a service too slow to wait for ------------------------------------------------------


def test_a_slow_service_is_given_up_at_the_lookup_deadline(
    tmp_path: Path, fault_proxy: FaultProxy, make_client: MakeClient
) -> None:
    store = Store.in_dir(tmp_path / "kiosk")
    clock = clock_within_today()
    live = LiveStatus(make_client(fault_proxy.url, read_timeout=10.0), deadline=0.3)
    reception = Reception(DeskSettings(DESK, Policy()), store, clock, TrustList, live)
    try:
        known = DEMO_IIN["green"]
        assert reception.check(known, Method.SCANNER).provenance is Provenance.LIVE
        clock.advance(120)  # past the re-scan window, inside the same day (a day's
        # end sends everyone out: an hour's advance failed near midnight)
        assert reception.check(known, Method.SCANNER).direction.value == "exit"
        clock.advance(60)
        fault_proxy.set(Fault.delay(5))

        results = []
        for iin in (known, sample_iin(40)):
            began = time.monotonic()
            results.append(reception.check(iin, Method.SCANNER))
            assert time.monotonic() - began < 1.0, "the desk waited past the deadline"
    finally:
        live.close()
        store.close()

    cached, unknown = results
    assert (cached.provenance, cached.status, cached.outcome) == (
        Provenance.CACHE,
        Status.GREEN,
        Outcome.ADMIT,
    )
    assert cached.status_age == pytest.approx(180)
    assert unknown.provenance is Provenance.UNVERIFIED and unknown.awaiting_staff
    assert live.last_error == "deadline"
