"""The terminal desk with a turnstile: staff's `open [exit] REASON`, and the gate's
news as JSON lines (opened, passed, annulled, unreachable, reachable). The
gate is the Modbus TCP driver against pymodbus's own server on loopback."""

from __future__ import annotations

import io
import json
import queue
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.terminal import HELP, TerminalDesk, TerminalListener
from hardware.gate.factory import GateConfig, make_gate
from hardware.gate.standin import StandInModule
from hardware.gate.wiring import GateDriver
from kiosk.desk import DeskController
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity
from kiosk.gate.inbox import GateInbox
from kiosk.gate.keeper import GateKeeper, GateRules
from kiosk.passes import TrustList
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.service.lookup import StatusSource
from kiosk.status import Status
from kiosk.storage.store import Store
from shared.clock import SystemClock
from tests.fakes import GREEN_IIN, FakeSource
from tests.gate_peers import wait_until

COIL, SENSOR = 0, 1
RULES = GateRules(passage_timeout_s=1.0, settle_s=0.2)


class GateTerminal:
    """The terminal desk in this process, its desk holding a real gate."""

    def __init__(self, tmp_path: Path, module: StandInModule) -> None:
        clock = SystemClock()
        settings = DeskSettings(
            desk=DeskIdentity("150340012345", "main", "desk-1"), policy=Policy()
        )

        def reception(store: Store, watched: StatusSource | None) -> Reception:
            return Reception(settings, store, clock, TrustList, watched)

        host, port = module.address
        self.controller = DeskController(
            lambda: Store(tmp_path / "kiosk.sqlite3"),
            reception,
            clock,
            source=FakeSource({GREEN_IIN: Status.GREEN}),
        )
        inbox = GateInbox(nudge=self.controller.gate_reported)
        config = GateConfig(
            driver="modbus-tcp", host=host, port=port, entry_coil=COIL,
            entry_passage_input=SENSOR, pulse_ms=100,
        )  # fmt: skip
        self.driver: GateDriver = make_gate(config, inbox)
        self.controller.attach_gate(GateKeeper(self.driver, clock, RULES), inbox)
        self.out, self.err = io.StringIO(), io.StringIO()
        self.listener = TerminalListener(self.out, self.err)
        self.controller.add_listener(self.listener)
        self.controller.start()
        assert self.controller.wait_ready()
        self.driver.start()
        self.desk = TerminalDesk(
            self.controller, self.listener, operator="aigerim", recover=lambda t: t.strip()
        )

    def type(self, line: str) -> None:
        self.desk.command(line)
        assert self.controller.flush()

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.getvalue().splitlines()]

    def gate_lines(self) -> list[dict[str, Any]]:
        return [line for line in self.lines() if "gate" in line]

    def wait_gate(self, word: str, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        def found() -> list[dict[str, Any]]:
            return [line for line in self.gate_lines() if line["gate"] == word]

        assert wait_until(lambda: len(found()) >= count, timeout), self.out.getvalue()
        return found()

    def stop(self) -> None:
        self.driver.stop()
        self.controller.stop()


@pytest.fixture
def terminal(tmp_path: Path, module: StandInModule) -> Iterator[GateTerminal]:
    made = GateTerminal(tmp_path, module)
    made.wait_gate("reachable")
    yield made
    made.stop()


def test_open_with_a_reason_pulses_once_and_is_recorded_with_the_operator(
    terminal: GateTerminal, module: StandInModule, tmp_path: Path
) -> None:
    terminal.type("open a delivery of towels")

    [opened] = terminal.wait_gate("opened")
    assert opened["direction"] == "entry" and opened["operator"] == "aigerim"
    assert opened["reason"] == "a delivery of towels" and "event_id" not in opened
    assert wait_until(lambda: len(module.pulses(COIL)) == 1)
    module.walk_through(SENSOR, hold_s=0.1)
    [passed] = terminal.wait_gate("passed")
    assert passed["command"] == opened["command"]
    assert "gate: open for one person (entry)" in terminal.err.getvalue()
    store = Store(tmp_path / "kiosk.sqlite3")
    try:
        rows = store.query("SELECT data FROM outbox WHERE type = 'gate_opened'")
    finally:
        store.close()
    assert [json.loads(str(r["data"])) for r in rows] == [
        {"direction": "entry", "operator": "aigerim", "reason": "a delivery of towels"}
    ]


def test_open_without_a_reason_or_through_a_missing_exit_is_refused_and_says_why(
    terminal: GateTerminal, module: StandInModule
) -> None:
    terminal.type("open")
    terminal.type("open exit a wheelchair")
    terminal.type("OPEN exit")

    refusals = terminal.wait_gate("refused", 3)
    assert [r["reason"] for r in refusals] == ["no_reason", "no_channel", "no_reason"]
    assert "gate: not opened (no_channel)" in terminal.err.getvalue()
    assert module.switched_on(COIL) == []
    assert "open [exit] REASON" in HELP


def test_gate_news_of_a_scan_nobody_walks_through_and_of_the_gate_away_and_back(
    terminal: GateTerminal, module: StandInModule
) -> None:
    terminal.desk.run(_lines(GREEN_IIN))
    [decision] = [line for line in terminal.lines() if "decision" in line]
    check_in = decision["event_ids"][0]

    [opened] = terminal.wait_gate("opened")
    [annulled] = terminal.wait_gate("annulled", timeout=RULES.passage_timeout_s + 5)

    assert opened["event_id"] == annulled["event_id"] == check_in
    assert annulled["annulment"] and annulled["masked_id"] == decision["masked_id"]
    assert f"the entry of {decision['masked_id']} is annulled" in terminal.err.getvalue()

    host, port = module.address
    module.stop()
    [away] = terminal.wait_gate("unreachable")
    assert away["detail"]
    assert wait_until(
        lambda: any(line.get("alert") == "gate_unreachable" for line in terminal.lines())
    )
    module.serve_tcp(host, port)
    terminal.wait_gate("reachable", 2, timeout=10)
    words = [line["gate"] for line in terminal.gate_lines()]
    assert words == ["reachable", "opened", "annulled", "unreachable", "reachable"]


def _lines(*codes: str) -> queue.Queue[Any]:
    from app.terminal import Line

    items: queue.Queue[Any] = queue.Queue()
    for code in codes:
        items.put(Line(code))
    items.put(None)
    return items


def test_a_desk_without_a_gate_refuses_open_and_says_so(tmp_path: Path) -> None:
    from tests.integration.test_terminal_desk import Terminal

    terminal = Terminal(tmp_path, FakeSource({GREEN_IIN: Status.GREEN}))
    try:
        desk = TerminalDesk(
            terminal.controller, terminal.listener, operator="aigerim", recover=str.strip
        )
        desk.command("open a delivery of towels")
        assert terminal.controller.flush()
    finally:
        terminal.controller.stop()

    lines = [json.loads(line) for line in terminal.out.getvalue().splitlines()]
    assert lines == [{"gate": "refused", "reason": "no_channel"}]
    assert "gate: not opened (no_channel)" in terminal.err.getvalue()
