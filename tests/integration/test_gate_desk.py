"""The desk with a turnstile, against real peers only: the desk built by
app.desk.build_desk from `[gate] driver = "modbus-tcp"`, pymodbus's own server
as the I/O module on loopback (hardware.gate.standin), the sandbox over HTTP,
behind the fault proxy where the sync's faults matter.

Timings are short (a 100 ms pulse, a 1 s passage time-out); every wait is on
a condition, with a bound.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.context import App, app_for
from app.desk import RunningDesk, build_desk
from config.settings import parse_settings
from hardware.gate.standin import StandInModule
from kiosk.decision import Decision, Direction, Flag
from kiosk.gate.values import GateState, Opened
from kiosk.news import GateClosed, GateEnd
from kiosk.policy import Outcome
from kiosk.storage.alerts import AlertKind
from kiosk.storage.presence import Presence
from kiosk.vocabulary import Method, StaffAnswer
from sandbox.server import SandboxServer
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import DEMO_IIN, VENUE_BIN, wait_until
from tests.unit.test_desk import Heard

ENTRY_COIL, EXIT_COIL, ENTRY_SENSOR, EXIT_SENSOR = 0, 1, 2, 3
PULSE_MS = 100
PASSAGE_TIMEOUT_S = 1.0
GREEN, RED, BLUE = DEMO_IIN["green"], DEMO_IIN["red"], DEMO_IIN["blue"]


@dataclass
class GateDesk:
    """A running desk with its gate module, and what it told."""

    running: RunningDesk
    heard: Heard
    module: StandInModule
    app: App

    @property
    def controller(self) -> Any:
        return self.running.controller

    def scan(self, iin: str) -> Decision:
        before = len(self.heard.of("decision_shown"))
        self.controller.submit(iin, Method.SCANNER)
        wait_until(lambda: len(self.heard.of("decision_shown")) > before, timeout=10)
        decision: Decision = self.heard.of("decision_shown")[-1][0]
        return decision

    def check_out(self, iin: str) -> Decision:
        before = len(self.heard.of("decision_shown"))
        self.controller.check_out(iin, Method.MANUAL)
        wait_until(lambda: len(self.heard.of("decision_shown")) > before, timeout=10)
        decision: Decision = self.heard.of("decision_shown")[-1][0]
        return decision

    def opened(self) -> list[Opened]:
        return [args[0] for args in self.heard.of("gate_opened")]

    def closed(self) -> list[GateClosed]:
        return [args[0] for args in self.heard.of("gate_closed")]

    def closed_for(self, event_id: str, timeout: float = 10.0) -> GateClosed:
        def found() -> GateClosed | None:
            return next((c for c in self.closed() if c.request.event_id == event_id), None)

        wait_until(lambda: found() is not None, timeout=timeout)
        closed = found()
        assert closed is not None
        return closed

    def state(self) -> GateState:
        state: GateState = self.heard.of("gate_changed")[-1][0]
        return state

    def alerts(self, kind: AlertKind) -> list[Any]:
        return [a for (a,) in self.heard.of("alert_raised") if a.kind is kind]

    def inside(self) -> int:
        return Presence(self.app.store).count()

    def settled(self) -> None:
        """The desk has handled everything put to it so far."""
        assert self.controller.flush()


@pytest.fixture
def desk_on(
    tmp_path: Path, module: StandInModule, sandbox: SandboxServer
) -> Iterator[Callable[..., GateDesk]]:
    started: list[RunningDesk] = []

    def start(url: str | None = None, **gate: Any) -> GateDesk:
        host, port = module.address
        settings = parse_settings(
            {
                "venue": {"bin": VENUE_BIN, "role": "entry"},
                "service": {
                    "url": url or sandbox.url,
                    "connect_timeout": 0.5,
                    "read_timeout": 2.0,
                    "status_deadline": 1.0,
                    "sync_interval": 0.2,
                },
                "camera": {"device": "none"},
                "gate": {
                    "driver": "modbus-tcp",
                    "host": host,
                    "port": port,
                    "entry_coil": ENTRY_COIL,
                    "entry_passage_input": ENTRY_SENSOR,
                    "pulse_ms": PULSE_MS,
                    "passage_timeout_s": PASSAGE_TIMEOUT_S,
                    **gate,
                },
            }
        )
        app = app_for(settings, tmp_path / f"kiosk-{len(started)}")
        heard = Heard()
        running = build_desk(app, [heard], camera=False)
        started.append(running)
        running.start()
        assert running.controller.wait_ready()
        desk = GateDesk(running, heard, module, app)
        wait_until(lambda: desk.heard.of("gate_changed") and desk.state().reachable is True)
        return desk

    yield start
    for running in started:
        running.stop()


# -- opens: once for an admitted entry, never otherwise --------------------------------


def test_an_admitted_entry_pulses_the_entry_coil_once_for_about_pulse_ms(
    desk_on: Callable[..., GateDesk], module: StandInModule
) -> None:
    desk = desk_on()
    admitted = desk.scan(GREEN)
    assert admitted.outcome is Outcome.ADMIT
    wait_until(lambda: len(module.pulses(ENTRY_COIL)) == 1)
    [(on, off)] = module.pulses(ENTRY_COIL)

    assert PULSE_MS / 1000 * 0.9 <= off - on <= PULSE_MS / 1000 + 0.25
    [opened] = desk.opened()
    assert opened.request.event_id == admitted.event_ids[0]
    module.walk_through(ENTRY_SENSOR, hold_s=0.1)
    assert desk.closed_for(admitted.event_ids[0]).end is GateEnd.PASSED
    desk.settled()
    assert len(module.switched_on(ENTRY_COIL)) == 1
    assert module.switched_on(EXIT_COIL) == []


def test_no_pulse_for_a_denial_a_repeat_or_a_question_still_open(
    desk_on: Callable[..., GateDesk],
    module: StandInModule,
    fault_proxy: FaultProxy,
) -> None:
    desk = desk_on(fault_proxy.url)
    denied = desk.scan(RED)
    assert denied.outcome is Outcome.DENY and denied.event_ids
    first = desk.scan(GREEN)
    wait_until(lambda: len(module.switched_on(ENTRY_COIL)) == 1)
    repeat = desk.scan(GREEN)
    assert repeat.repeat and not repeat.event_ids

    fault_proxy.set(Fault.respond(503, retry_after="60"))  # staff must decide
    asked = desk.scan(BLUE)
    assert asked.outcome is Outcome.ASK_STAFF
    desk.settled()
    # The gate's own polls go on: had a pulse been sent, it would be in by now.
    requests = module.requests
    wait_until(lambda: module.requests >= requests + 5)
    assert len(module.switched_on(ENTRY_COIL)) == 1, "opened for a denial, a repeat or a question"
    assert [o.request.event_id for o in desk.opened()] == [first.event_ids[0]]

    question_id = desk.heard.of("question_asked")[-1][0].id
    # Staff take longer to answer than an open may take after its event: the open
    # counts from the answer, not from the scan.
    wait_until(lambda: desk.app.clock.now() > asked.decided_at + 2.5, timeout=5)
    desk.controller.answer(question_id, StaffAnswer.ADMIT, "aigerim")
    wait_until(lambda: len(module.switched_on(ENTRY_COIL)) == 2)  # the answer admits: it opens
    admitted = desk.heard.decisions()[-1]
    assert admitted.outcome is Outcome.ADMIT and admitted.staff is not None
    assert desk.opened()[-1].request.event_id == admitted.event_ids[0]


# -- passage and annulment ----------------------------------------------------------


def test_an_entry_nobody_walks_through_is_annulled_and_the_person_may_enter_anew(
    desk_on: Callable[..., GateDesk], module: StandInModule
) -> None:
    desk = desk_on()
    entered = desk.scan(GREEN)
    check_in = entered.event_ids[0]
    wait_until(lambda: desk.inside() == 1)

    closed = desk.closed_for(check_in, timeout=PASSAGE_TIMEOUT_S + 5)

    assert closed.end is GateEnd.ANNULLED and closed.annulment
    assert closed.masked_id == entered.masked_id
    [opened] = desk.opened()
    assert closed.at - opened.at >= PASSAGE_TIMEOUT_S
    assert desk.inside() == 0, "the annulled entry still counts someone inside"
    wait_until(lambda: desk.heard.of("occupancy_changed")[-1][0].local == 0)  # the panel's count
    rows = desk.app.store.query(
        "SELECT type, json_extract(data, '$.check_in') AS names FROM outbox WHERE id = ?",
        (closed.annulment,),
    )
    assert [(r["type"], r["names"]) for r in rows] == [("entry_annulled", check_in)]

    again = desk.scan(GREEN)  # within the re-scan window: not a repeat, a new entry
    assert again.outcome is Outcome.ADMIT and not again.repeat
    assert Flag.PASSBACK not in again.flags
    assert again.event_ids and again.event_ids[0] != check_in
    wait_until(lambda: len(module.switched_on(ENTRY_COIL)) == 2)
    module.walk_through(ENTRY_SENSOR, hold_s=0.1)
    assert desk.closed_for(again.event_ids[0]).end is GateEnd.PASSED
    assert desk.inside() == 1


def test_an_entry_whose_passage_input_turns_on_is_not_annulled(
    desk_on: Callable[..., GateDesk], module: StandInModule
) -> None:
    module.turnstile(ENTRY_COIL, ENTRY_SENSOR, lambda: True, after_s=0.2, hold_s=0.1)
    desk = desk_on()
    entered = desk.scan(GREEN)

    closed = desk.closed_for(entered.event_ids[0])
    # Past the time-out and its grace: no annulment comes after the passage.
    opened_at = desk.opened()[0].at
    wait_until(lambda: desk.app.clock.now() > opened_at + PASSAGE_TIMEOUT_S + 1.5)
    desk.settled()

    assert closed.end is GateEnd.PASSED
    assert [c.end for c in desk.closed()] == [GateEnd.PASSED]
    assert desk.app.store.query("SELECT id FROM outbox WHERE type = 'entry_annulled'") == []
    assert desk.inside() == 1
    again = desk.scan(GREEN)
    assert again.repeat, "the person walked in: a scan at once is shown again"


def test_the_annulment_reaches_the_service_once_through_drops_and_resets(
    desk_on: Callable[..., GateDesk], sandbox: SandboxServer, fault_proxy: FaultProxy
) -> None:
    desk = desk_on(fault_proxy.url)
    entered = desk.scan(GREEN)
    check_in = entered.event_ids[0]

    def stored(kind: str) -> list[Any]:
        return [e for e in sandbox.service.events(VENUE_BIN, limit=1000) if e.type == kind]

    wait_until(lambda: len(stored("check_in")) == 1, timeout=10)

    # From now on the service stores what it is sent, but its answers are lost:
    # the desk cannot know the annulment arrived, and sends it again.
    sends: list[bytes] = []
    fault_proxy.watch(
        lambda method, path, body: (
            sends.append(body) if path == "/v1/events" and b"entry_annulled" in body else None
        )
    )
    fault_proxy.set(Fault.drop_answer())
    closed = desk.closed_for(check_in, timeout=PASSAGE_TIMEOUT_S + 5)
    assert closed.end is GateEnd.ANNULLED
    wait_until(lambda: len(sends) >= 2, timeout=10)
    fault_proxy.push(Fault.reset())  # and a connection reset before it answers again
    fault_proxy.set(Fault.forward())

    def unsent() -> list[dict[str, object]]:
        query = "SELECT id FROM outbox WHERE acked_at IS NULL"
        return desk.app.store.query(query)

    wait_until(lambda: not unsent(), timeout=15)
    [annulled] = stored("entry_annulled")
    assert annulled.id == closed.annulment and annulled.data["check_in"] == check_in
    assert annulled.iin is None, "an annulment keeps no IIN"
    assert len(stored("check_in")) == 1


# -- the gate away, and back --------------------------------------------------------


def test_the_gate_going_away_raises_the_alert_and_check_ins_go_on(
    desk_on: Callable[..., GateDesk], module: StandInModule
) -> None:
    desk = desk_on()
    host, port = module.address
    module.stop()
    wait_until(lambda: desk.state().reachable is False, timeout=5)
    wait_until(lambda: len(desk.alerts(AlertKind.GATE_UNREACHABLE)) == 1)

    entered = desk.scan(GREEN)
    assert entered.outcome is Outcome.ADMIT and entered.event_ids
    recorded = desk.app.store.query("SELECT id FROM outbox WHERE type = 'check_in'")
    assert [r["id"] for r in recorded] == [entered.event_ids[0]]
    assert desk.state().detail

    module.serve_tcp(host, port)
    wait_until(lambda: desk.state().reachable is True, timeout=10)
    [alert] = desk.alerts(AlertKind.GATE_UNREACHABLE)
    wait_until(lambda: (alert.id,) in desk.heard.of("alert_acknowledged"))
    still = desk.app.store.query(
        "SELECT id FROM alerts WHERE kind = 'gate_unreachable' AND seen_at IS NULL"
    )
    assert still == []


def test_an_entry_whose_gate_goes_away_during_the_wait_stands(
    desk_on: Callable[..., GateDesk], module: StandInModule
) -> None:
    desk = desk_on()
    entered = desk.scan(GREEN)
    wait_until(lambda: len(desk.opened()) == 1)
    host, port = module.address
    module.stop()  # nobody can tell whether the visitor walked through

    closed = desk.closed_for(entered.event_ids[0], timeout=PASSAGE_TIMEOUT_S + 5)
    module.serve_tcp(host, port)
    wait_until(lambda: desk.state().reachable is True, timeout=10)
    desk.settled()

    assert closed.end is GateEnd.NO_PASSAGE and closed.annulment is None
    assert desk.app.store.query("SELECT id FROM outbox WHERE type = 'entry_annulled'") == []
    assert desk.inside() == 1


def test_an_open_that_cannot_reach_the_gate_in_2_s_is_dropped_not_replayed(
    desk_on: Callable[..., GateDesk], module: StandInModule
) -> None:
    desk = desk_on()
    host, port = module.address
    module.stop()
    wait_until(lambda: desk.state().reachable is False, timeout=5)

    entered = desk.scan(GREEN)
    check_in = entered.event_ids[0]
    wait_until(lambda: any(c.end is GateEnd.DROPPED for c in desk.closed()), timeout=5)
    [dropped] = [c for c in desk.closed() if c.end is GateEnd.DROPPED]
    assert dropped.request.event_id == check_in
    assert dropped.at - dropped.request.requested_at <= 2.5

    module.serve_tcp(host, port)
    wait_until(lambda: desk.state().reachable is True, timeout=10)
    requests = module.requests
    wait_until(lambda: module.requests >= requests + 10)  # the driver polls: it is talking
    desk.settled()

    assert module.switched_on(ENTRY_COIL) == [], "a dropped open was sent later"
    assert desk.opened() == []
    # Its wait for a passage is over too (the gate away: nobody could tell): the
    # open was told ended once, as dropped.
    wait_until(lambda: desk.state().waiting == 0, timeout=PASSAGE_TIMEOUT_S + 5)
    desk.settled()
    assert [c.end for c in desk.closed()] == [GateEnd.DROPPED]
    # Nobody could be watched walking through: the entry stands.
    assert desk.app.store.query("SELECT id FROM outbox WHERE type = 'entry_annulled'") == []
    assert desk.inside() == 1


def test_a_staff_open_is_on_record_only_once_the_gate_took_it(
    desk_on: Callable[..., GateDesk], module: StandInModule
) -> None:
    desk = desk_on()
    host, port = module.address
    module.stop()
    wait_until(lambda: desk.state().reachable is False, timeout=5)

    desk.controller.open_gate(Direction.ENTRY, "aigerim", "a delivery")
    wait_until(lambda: any(c.end is GateEnd.DROPPED for c in desk.closed()), timeout=5)
    desk.settled()
    assert desk.app.store.query("SELECT id FROM outbox WHERE type = 'gate_opened'") == [], (
        "an open that never reached the gate is on record as opened"
    )

    module.serve_tcp(host, port)
    wait_until(lambda: desk.state().reachable is True, timeout=10)
    desk.controller.open_gate(Direction.ENTRY, "aigerim", "a delivery, again")
    wait_until(lambda: len(desk.opened()) == 1)
    desk.settled()
    rows = desk.app.store.query("SELECT data FROM outbox WHERE type = 'gate_opened'")
    assert [json.loads(str(r["data"])) for r in rows] == [
        {"direction": "entry", "operator": "aigerim", "reason": "a delivery, again"}
    ]


# -- an exit ------------------------------------------------------------------------


def test_an_exit_nobody_walks_through_is_annulled_and_the_stay_put_back(
    desk_on: Callable[..., GateDesk], module: StandInModule
) -> None:
    module.turnstile(ENTRY_COIL, ENTRY_SENSOR, lambda: True, after_s=0.1, hold_s=0.1)
    desk = desk_on(exit_coil=EXIT_COIL, exit_passage_input=EXIT_SENSOR)
    entered = desk.scan(GREEN)
    assert desk.closed_for(entered.event_ids[0]).end is GateEnd.PASSED
    assert desk.inside() == 1

    left = desk.check_out(GREEN)
    assert left.direction is Direction.EXIT and left.event_ids
    wait_until(lambda: len(module.switched_on(EXIT_COIL)) == 1)
    assert desk.inside() == 0
    closed = desk.closed_for(left.event_ids[0], timeout=PASSAGE_TIMEOUT_S + 5)

    assert closed.end is GateEnd.ANNULLED and closed.request.direction is Direction.EXIT
    rows = desk.app.store.query(
        "SELECT type, json_extract(data, '$.check_out') AS names FROM outbox WHERE id = ?",
        (closed.annulment,),
    )
    assert [(r["type"], r["names"]) for r in rows] == [("exit_annulled", left.event_ids[0])]
    [stay] = Presence(desk.app.store).all()
    assert stay.event_id == entered.event_ids[0], "the stay put back is the one that began"
