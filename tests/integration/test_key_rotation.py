"""A running desk against the sandbox when the service rotates its signing key:
a pass signed a moment ago with the new key is admitted at once (the desk
fetches the key list when it meets a key id it does not know), a desk that
never fetched its keys admits too, and offline such a pass is an unverified
visit for staff, never "not a code". A flood of passes with made-up key ids
costs the service one key fetch, not one each.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import main
from app.context import app_for
from app.desk import RunningDesk, build_desk
from config.settings import parse_settings
from kiosk.decision import Decision
from kiosk.passes import TrustList, sign_pass
from kiosk.policy import Outcome
from kiosk.reasons import CodeReason
from kiosk.status import Provenance, Status
from kiosk.trust import TrustKeeper
from kiosk.vocabulary import Method
from sandbox.server import SandboxServer
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import DEMO_IIN, VENUE_BIN, SandboxHttp, wait_until
from tests.unit.test_desk import Heard

DEADLINE = 1.0


@dataclass
class Desk:
    running: RunningDesk
    heard: Heard

    def scan(self, text: str) -> tuple[Decision, float]:
        """The decision shown for *text*, and the seconds it took."""
        before = len(self.heard.of("decision_shown"))
        began = time.monotonic()
        self.running.controller.submit(text, Method.SCANNER)
        wait_until(lambda: len(self.heard.of("decision_shown")) > before, timeout=10)
        took = time.monotonic() - began
        decision: Decision = self.heard.of("decision_shown")[before][0]
        return decision, took


@pytest.fixture
def desk_on(tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    """`desk_on(url, network=True)`: a started desk; without *network* its network
    thread (sync, periodic key refresh) never runs, so keys come only on demand."""
    started: list[RunningDesk] = []

    def start(url: str, *, network: bool = True, **policy: Any) -> Desk:
        settings = parse_settings(
            {
                "venue": {"bin": VENUE_BIN, "role": "entry", "rescan_window_s": 0},
                "service": {
                    "url": url,
                    "connect_timeout": 0.5,
                    "read_timeout": 2.0,
                    "status_deadline": DEADLINE,
                    "sync_interval": 0.2,
                },
                "policy": policy,
                "camera": {"device": "none"},
            }
        )
        app = app_for(settings, tmp_path / f"kiosk-{len(started)}")
        heard = Heard()
        running = build_desk(app, [heard], camera=False)
        started.append(running)
        if network:
            running.start()
        else:
            running.controller.start()
        assert running.controller.wait_ready()
        return Desk(running, heard)

    yield start
    for running in started:
        running.stop()


def new_pass(http: SandboxHttp, iin: str) -> str:
    answer: str = http.post("/v1/sandbox/passes", json={"iin": iin}).json()["pass"]
    return answer


def test_a_running_desk_admits_a_pass_signed_with_a_key_rotated_in_a_moment_ago(
    sandbox: SandboxServer, http: SandboxHttp, desk_on: Callable[..., Desk]
) -> None:
    desk = desk_on(sandbox.url)
    keeper = desk.running.app.keeper
    wait_until(lambda: keeper.fetched_at() is not None, timeout=10)  # its periodic fetch
    before, took = desk.scan(new_pass(http, DEMO_IIN["green"]))
    assert before.outcome is Outcome.ADMIT

    http.post("/v1/sandbox/keys/rotate")
    rotated, took = desk.scan(new_pass(http, DEMO_IIN["blue"]))

    assert (rotated.outcome, rotated.status, rotated.provenance) == (
        Outcome.ADMIT,
        Status.BLUE,
        Provenance.PASS,
    )
    assert took < DEADLINE, f"decided in {took:.2f} s"
    app = desk.running.app
    restarted = TrustKeeper(app.store, app.clock, TrustList())
    assert len(restarted.current()) == 2, "the fetched list is on disk for a restart"


def test_a_desk_that_has_not_fetched_its_keys_yet_admits_a_pass(
    sandbox: SandboxServer, http: SandboxHttp, desk_on: Callable[..., Desk]
) -> None:
    desk = desk_on(sandbox.url, network=False)
    assert desk.running.app.keeper.fetched_at() is None

    decision, took = desk.scan(new_pass(http, DEMO_IIN["green"]))

    assert (decision.outcome, decision.provenance) == (Outcome.ADMIT, Provenance.PASS)
    assert took < DEADLINE, f"decided in {took:.2f} s"
    assert desk.running.app.keeper.fetched_at() is not None


def test_offline_a_pass_with_a_key_the_desk_does_not_know_is_for_staff_to_decide(
    sandbox: SandboxServer,
    http: SandboxHttp,
    fault_proxy: FaultProxy,
    desk_on: Callable[..., Desk],
) -> None:
    text = new_pass(http, DEMO_IIN["green"])
    fault_proxy.set(Fault.reset())  # the service is gone
    desk = desk_on(fault_proxy.url, network=False)

    decision, _ = desk.scan(text)

    assert decision.outcome is Outcome.ASK_STAFF, decision
    assert decision.provenance is Provenance.UNVERIFIED and decision.status is None
    assert decision.reason is CodeReason.UNKNOWN_KEY
    [(question,)] = desk.heard.of("question_asked")
    assert question.decision.reason is CodeReason.UNKNOWN_KEY

    refusing = desk_on(fault_proxy.url, network=False, unverified="deny")
    refused, _ = refusing.scan(text)
    assert (refused.outcome, refused.reason) == (Outcome.DENY, CodeReason.UNKNOWN_KEY)


def test_a_flood_of_passes_with_made_up_keys_costs_one_key_fetch(
    sandbox: SandboxServer, fault_proxy: FaultProxy, desk_on: Callable[..., Desk]
) -> None:
    fetches: list[str] = []
    lock = threading.Lock()

    def seen(method: str, path: str, body: bytes) -> None:
        if path == "/v1/keys":
            with lock:
                fetches.append(path)

    fault_proxy.watch(seen)
    desk = desk_on(fault_proxy.url, network=False)
    forger = Ed25519PrivateKey.generate()
    now = time.time()
    decisions = []
    for n in range(40):
        forged = sign_pass(
            forger, f"made-up-{n}", iin=DEMO_IIN["red"], status=Status.GREEN, issued_at=now
        )
        decisions.append(desk.scan(forged)[0])

    assert {d.outcome for d in decisions} == {Outcome.INVALID_CODE}
    assert {d.reason for d in decisions} == {CodeReason.UNKNOWN_KEY}
    assert len(fetches) == 1, f"GET /v1/keys {len(fetches)} times"


def test_the_check_command_admits_a_pass_signed_with_a_key_rotated_in_a_moment_ago(
    sandbox: SandboxServer,
    http: SandboxHttp,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(
        f'[venue]\nbin = "{VENUE_BIN}"\nrole = "entry"\n[service]\nurl = "{sandbox.url}"\n',
        encoding="utf-8",
    )
    argv = ["--config", str(config), "--data-dir", str(tmp_path / "data"), "check"]
    assert main([*argv, new_pass(http, DEMO_IIN["green"])]) == 0  # the list is fetched
    http.post("/v1/sandbox/keys/rotate")
    capsys.readouterr()

    code = main([*argv, new_pass(http, DEMO_IIN["blue"])])

    decided = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert code == 0 and (decided["decision"], decided["provenance"]) == ("admit", "pass")
