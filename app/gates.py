"""Builds the gate from settings: the driver ([gate]) and the keeper's rules."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from config.settings import Settings
    from hardware.gate.factory import GateConfig
    from hardware.gate.wiring import DriverReports, GateDriver
    from kiosk.gate.keeper import GateRules


def gate_config(settings: Settings) -> GateConfig:
    from hardware.gate.factory import GateConfig

    return GateConfig(**settings.gate.model_dump())


def gate_driver(settings: Settings, reports: DriverReports) -> GateDriver:
    """The configured driver, not started; raises hardware.gate.GateSetupError."""
    from hardware.gate.factory import make_gate

    # pymodbus logs every failed request with a frame dump; an unplugged module
    # is the driver's to report (gate_unreachable), once, not the library's.
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)
    return make_gate(gate_config(settings), reports)


def gate_rules(settings: Settings) -> GateRules:
    from kiosk.gate.keeper import GateRules

    return GateRules(passage_timeout_s=settings.gate.passage_timeout_s)
