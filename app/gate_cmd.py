"""`ashyq-kiosk gate test [--exit]` and `gate status`: the installer's check of a gate.

`test` pulses the gate once, as a staff open would, and waits for a
passage: exit 0 when someone went through (or the pulse went out to a gate
without a sensor), 1 when nobody did or the gate could not be reached, 2 for
settings that cannot work. It records nothing. `status` asks the gate
whether it is there, switching nothing (safe while the kiosk runs): exit 0
reachable, 1 not. One JSON line each:

- test: driver, direction, result (`passage`, `no_passage`, `pulsed`,
  `dropped`, `unreachable`), reachable, pulsed, sensor, passage, seconds
  (from the pulse to the passage, or to giving up), detail;
- status: driver, present, address, reachable, detail, entry and exit
  (`output`, `sensor`: numbers or null), pulse_ms, passage_timeout_s.
"""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING, Any

from app.common import EXIT_NEGATIVE, EXIT_OK, CliError, add_command, login_name, print_json

if TYPE_CHECKING:
    from collections.abc import Callable

    from config.settings import Settings
    from kiosk.decision import Direction
    from kiosk.gate.inbox import GateInbox
    from kiosk.gate.keeper import GateKeeper
    from kiosk.gate.values import GateNews

CONNECT_S = 3.0  # a gate that has not answered by then is unreachable
TEST_REASON = "gate test"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(sub, "gate", "Check the gate (turnstile or door): test it, or its state.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    testing = add_command(
        actions, "test", "Pulse the gate once and say whether someone went through."
    )
    testing.add_argument("--exit", action="store_true", help="the exit channel, not the entry")
    testing.set_defaults(func=run_test)
    status = add_command(actions, "status", "Whether the gate answers, as JSON (switches nothing).")
    status.set_defaults(func=run_status)


def run_test(args: argparse.Namespace) -> int:
    from app.context import load_settings
    from app.gates import gate_driver, gate_rules
    from hardware.gate.factory import GateSetupError
    from kiosk.decision import Direction
    from kiosk.gate.inbox import GateInbox
    from kiosk.gate.keeper import GateKeeper
    from shared.clock import SystemClock

    settings = load_settings(args)
    _check_present(settings)
    direction = Direction.EXIT if args.exit else Direction.ENTRY
    if args.exit and settings.gate.exit_coil < 0:
        raise CliError("settings: gate.exit_coil: -1, this gate has no exit channel")
    inbox = GateInbox()
    try:
        driver = gate_driver(settings, inbox)
    except GateSetupError as exc:
        raise CliError(f"settings: {exc}") from None
    keeper = GateKeeper(driver, SystemClock(), gate_rules(settings))
    out: dict[str, Any] = {
        "driver": settings.gate.driver,
        "direction": direction.value,
        "result": "unreachable",
        "reachable": False,
        "pulsed": False,
        "sensor": driver.senses(exit=args.exit),
        "passage": None,
        "seconds": None,
        "detail": None,
    }
    driver.start()
    try:
        code = _test(keeper, inbox, direction, out)
    finally:
        driver.stop()
    print_json(out)
    return code


def _test(keeper: GateKeeper, inbox: GateInbox, direction: Direction, out: dict[str, Any]) -> int:
    from kiosk.gate.values import (
        GateReachable,
        NoPassage,
        OpenDropped,
        Opened,
        OpenRequest,
        Passed,
        Unconfirmed,
    )

    news = _until(keeper, inbox, CONNECT_S, lambda n: isinstance(n, GateReachable))
    state = keeper.state
    out["reachable"], out["detail"] = state.reachable is True, state.detail
    if news is None:
        return EXIT_NEGATIVE
    request = keeper.open_by_staff(direction, login_name(), TEST_REASON)
    assert isinstance(request, OpenRequest)  # a channel, an operator and a reason
    rules = keeper.rules
    news = _until(
        keeper, inbox, rules.open_within_s + 1, lambda n: isinstance(n, Opened | OpenDropped)
    )
    if not isinstance(news, Opened):
        out["result"], out["detail"] = "dropped", keeper.state.detail
        return EXIT_NEGATIVE
    out["pulsed"], pulsed_at = True, news.at
    if not out["sensor"]:
        out["result"] = "pulsed"
        return EXIT_OK
    wait = rules.passage_timeout_s + rules.settle_s + 1
    end = _until(
        keeper,
        inbox,
        wait,
        lambda n: isinstance(n, Passed | NoPassage) and n.request == request,
    )
    out["seconds"] = round((end.at if end is not None else time.time()) - pulsed_at, 2)
    if isinstance(end, Passed):
        out["result"], out["passage"] = "passage", True
        return EXIT_OK
    out["passage"] = False
    unseen = keeper.state.reachable is not True or (
        isinstance(end, NoPassage) and end.why is Unconfirmed.GATE_UNREACHABLE
    )
    out["result"] = "unreachable" if unseen else "no_passage"
    out["reachable"], out["detail"] = keeper.state.reachable is True, keeper.state.detail
    return EXIT_NEGATIVE


def _until(
    keeper: GateKeeper, inbox: GateInbox, seconds: float, wanted: Callable[[GateNews], bool]
) -> GateNews | None:
    """Hand the driver's reports to the keeper until a piece of news is *wanted*."""
    deadline = time.monotonic() + seconds
    while True:
        for news in (*inbox.deliver(keeper), *keeper.tick()):
            if wanted(news):
                return news
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        inbox.wait(min(left, 0.1))


def run_status(args: argparse.Namespace) -> int:
    from app.context import load_settings
    from app.gates import gate_config, quiet_pymodbus
    from hardware.gate.factory import GateSetupError, probe

    settings = load_settings(args)
    quiet_pymodbus()
    gate = settings.gate
    present = gate.driver != "none"
    try:
        problem = probe(gate_config(settings)) if present else None
    except GateSetupError as exc:
        raise CliError(f"settings: {exc}") from None
    print_json(
        {
            "driver": gate.driver,
            "present": present,
            "address": _address(settings) if present else None,
            "reachable": (problem is None) if present else None,
            "detail": problem,
            "entry": _channel(gate.entry_coil, gate.entry_passage_input),
            "exit": _channel(gate.exit_coil, gate.exit_passage_input),
            "pulse_ms": gate.pulse_ms,
            "passage_timeout_s": gate.passage_timeout_s,
        }
    )
    return EXIT_NEGATIVE if problem is not None else EXIT_OK


def _check_present(settings: Settings) -> None:
    if settings.gate.driver == "none":
        raise CliError('settings: gate.driver: "none", there is no gate to test')


def _address(settings: Settings) -> str:
    gate = settings.gate
    if gate.driver == "modbus-tcp":
        return f"{gate.host}:{gate.port}"
    if gate.driver == "http":
        return gate.http_url
    return gate.serial_port


def _channel(output: int, sensor: int) -> dict[str, int | None] | None:
    if output < 0:
        return None
    return {"output": output, "sensor": sensor if sensor >= 0 else None}
