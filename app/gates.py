"""Builds the gate from settings: the driver ([gate]) and the keeper's rules,
and plugs them into a desk."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from shared.clock import SYSTEM_CLOCK, Clock

if TYPE_CHECKING:
    from collections.abc import Callable

    from config.settings import Settings
    from hardware.gate.factory import GateConfig
    from hardware.gate.wiring import DriverReports, GateDriver
    from kiosk.gate.inbox import GateInbox
    from kiosk.gate.keeper import GateKeeper, GateRules


def gate_config(settings: Settings) -> GateConfig:
    from hardware.gate.factory import GateConfig

    return GateConfig(**settings.gate.model_dump())


def gate_driver(
    settings: Settings, reports: DriverReports, clock: Clock = SYSTEM_CLOCK
) -> GateDriver:
    """The configured driver, not started; raises hardware.gate.GateSetupError."""
    from hardware.gate.factory import make_gate

    quiet_pymodbus()
    return make_gate(gate_config(settings), reports, clock=clock)


def quiet_pymodbus() -> None:
    """pymodbus logs every failed request (with a frame dump), every refused
    connection: an unplugged module is the kiosk's to report (gate_unreachable,
    `gate status`), once and in its words, not the library's on stderr."""
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)


def desk_gate(
    settings: Settings, clock: Clock, nudge: Callable[[], None]
) -> tuple[GateDriver, GateKeeper, GateInbox] | None:
    """A desk's gate as configured (None: `driver = "none"`): the driver, not
    started, the keeper that drives it, and the inbox its reports wait in
    (*nudge*: the desk's `gate_reported`). A driver that cannot be built is bad
    settings: CliError, naming the key."""
    from app.common import CliError
    from hardware.gate.factory import GateSetupError
    from kiosk.gate.inbox import GateInbox
    from kiosk.gate.keeper import GateKeeper

    if settings.gate.driver == "none":
        return None
    inbox = GateInbox(nudge=nudge)
    try:
        driver = gate_driver(settings, inbox, clock)
    except GateSetupError as exc:
        raise CliError(f"settings: {exc}") from None
    return driver, GateKeeper(driver, clock, gate_rules(settings)), inbox


def gate_rules(settings: Settings) -> GateRules:
    from kiosk.gate.keeper import GateRules

    return GateRules(passage_timeout_s=settings.gate.passage_timeout_s)
