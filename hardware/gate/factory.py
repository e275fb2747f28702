"""Builds the configured gate driver; a missing library or a bad value names its key."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial

from hardware.gate.wiring import DriverReports, GateDriver, GateWiring
from hardware.gate.worker import GateWorker, LinkOpener
from shared.clock import SYSTEM_CLOCK, Clock

DRIVERS = ("none", "modbus-tcp", "modbus-rtu", "http", "serial-relay")


@dataclass(frozen=True)
class GateConfig:
    """The `[gate]` settings as the hardware layer takes them (same names)."""

    driver: str = "none"
    host: str = ""
    port: int = 502
    serial_port: str = ""
    baud: int = 9600
    parity: str = "N"
    unit: int = 1
    entry_coil: int = 0
    exit_coil: int = -1
    entry_passage_input: int = 0
    exit_passage_input: int = -1
    pulse_ms: int = 500
    passage_timeout_s: float = 8.0
    http_method: str = "POST"
    http_url: str = ""
    http_headers: Mapping[str, str] = field(default_factory=dict)
    http_body: str = ""
    http_callback_listen: str = ""
    http_callback_token: str = ""
    serial_open_entry: str = "A0 01 01 A2"
    serial_close_entry: str = "A0 01 00 A1"
    serial_open_exit: str = "A0 02 01 A3"
    serial_close_exit: str = "A0 02 00 A2"


class GateSetupError(Exception):
    """The gate cannot be built as configured; `key` names the setting (`gate.…`)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key


def make_gate(
    config: GateConfig, reports: DriverReports, *, clock: Clock = SYSTEM_CLOCK
) -> GateDriver:
    """The driver for *config*, not started. Raises :class:`GateSetupError`."""
    from hardware.gate.none import NoGate

    _check_driver(config)
    if config.driver == "none":
        return NoGate()
    wiring = _wiring(config)
    opener = link_opener(config, wiring)
    if config.driver == "http":
        listen = config.http_callback_listen.strip()
        senses = (
            bool(listen) and wiring.entry_input >= 0,
            bool(listen) and wiring.exit_output >= 0 and wiring.exit_input >= 0,
        )
        return HttpGate(wiring, opener, reports, senses, listen, config.http_callback_token, clock)
    where = config.host if config.driver == "modbus-tcp" else config.serial_port
    return GateWorker(f"gate-{where}", wiring, opener, reports, clock=clock)


def probe(config: GateConfig) -> str | None:
    """Connect once and ask the gate whether it is there, switching nothing:
    None when it answers, else why not. Raises :class:`GateSetupError`."""
    _check_driver(config)
    if config.driver == "none":
        return None
    try:
        link = link_opener(config, _wiring(config))()
    except Exception as error:
        return str(error).strip() or type(error).__name__
    link.close()
    return None


def link_opener(config: GateConfig, wiring: GateWiring) -> LinkOpener:
    """How the configured driver connects; the settings it needs are checked here."""
    if config.driver == "modbus-tcp":
        from hardware.gate.modbus import ModbusTcpSettings, open_modbus_tcp

        _require("pymodbus", "modbus-tcp")
        if not config.host:
            raise GateSetupError("gate.host", "give the Modbus module's address, e.g. 192.168.1.50")
        tcp = ModbusTcpSettings(config.host, config.port, config.unit)
        return partial(open_modbus_tcp, tcp, wiring)
    if config.driver == "modbus-rtu":
        from hardware.gate.modbus import ModbusRtuSettings, open_modbus_rtu

        _require("pymodbus", "modbus-rtu")
        _require("serial", "modbus-rtu", "pyserial")
        _need_port(config)
        rtu = ModbusRtuSettings(config.serial_port, config.baud, config.parity, config.unit)
        return partial(open_modbus_rtu, rtu, wiring)
    if config.driver == "http":
        from hardware.gate.http_relay import HttpRelaySettings, open_http

        _require("requests", "http")
        try:
            http = HttpRelaySettings(
                config.http_url, config.http_method, dict(config.http_headers), config.http_body
            )
        except ValueError as error:
            raise GateSetupError("gate.http_url", str(error)) from None
        return partial(open_http, http, wiring)
    return _serial_relay(config, wiring)


def _check_driver(config: GateConfig) -> None:
    if config.driver not in DRIVERS:
        raise GateSetupError("gate.driver", f"unknown driver; choose one of {', '.join(DRIVERS)}")


def _wiring(config: GateConfig) -> GateWiring:
    try:
        return GateWiring(
            entry_output=config.entry_coil,
            exit_output=config.exit_coil,
            entry_input=config.entry_passage_input,
            exit_input=config.exit_passage_input,
            pulse_s=config.pulse_ms / 1000,
        )
    except ValueError as error:
        raise GateSetupError("gate.entry_coil", str(error)) from None


def _serial_relay(config: GateConfig, wiring: GateWiring) -> LinkOpener:
    from hardware.gate.serial_relay import SerialRelaySettings, open_serial_relay

    _require("serial", "serial-relay", "pyserial")
    _need_port(config)
    for key in ("entry_passage_input", "exit_passage_input"):
        if getattr(config, key) >= 0:
            raise GateSetupError(f"gate.{key}", "a serial relay board has no inputs; set -1")
    codes = {}
    for key in ("serial_open_entry", "serial_close_entry", "serial_open_exit", "serial_close_exit"):
        try:
            codes[key] = bytes.fromhex(getattr(config, key))
        except ValueError:
            raise GateSetupError(f"gate.{key}", 'hex bytes, e.g. "A0 01 01 A2"') from None
    settings = SerialRelaySettings(
        config.serial_port, config.baud, codes["serial_open_entry"],
        codes["serial_close_entry"], codes["serial_open_exit"], codes["serial_close_exit"],
    )  # fmt: skip
    return partial(open_serial_relay, settings, wiring)


class HttpGate:
    """The http driver: the worker, plus the passage callback when one is configured."""

    def __init__(
        self,
        wiring: GateWiring,
        open_link: LinkOpener,
        reports: DriverReports,
        senses: tuple[bool, bool],
        listen: str,
        token: str,
        clock: Clock,
    ) -> None:
        from hardware.gate.callback import PassageCallback, parse_listen

        self._worker = GateWorker(
            "gate-http", wiring, open_link, reports, senses=senses, clock=clock
        )
        self.callback: PassageCallback | None = None
        if listen:
            try:
                address = parse_listen(listen)
            except ValueError as error:
                raise GateSetupError("gate.http_callback_listen", str(error)) from None
            try:
                self.callback = PassageCallback(address, token, self._passed)
            except OSError as error:
                raise GateSetupError(
                    "gate.http_callback_listen", f"cannot listen on {listen}: {error.strerror}"
                ) from None

    def start(self) -> None:
        self._worker.start()
        if self.callback is not None:
            self.callback.start()

    def stop(self, timeout: float = 5.0) -> None:
        if self.callback is not None:
            self.callback.stop(timeout)
        self._worker.stop(timeout)

    def opens(self, *, exit: bool) -> bool:
        return self._worker.opens(exit=exit)

    def senses(self, *, exit: bool) -> bool:
        return self._worker.senses(exit=exit)

    def pulse(self, *, exit: bool, command: int, within_s: float) -> None:
        self._worker.pulse(exit=exit, command=command, within_s=within_s)

    def _passed(self, exit: bool) -> None:
        if self._worker.senses(exit=exit):
            self._worker.note_passage(exit=exit)


def _require(module: str, driver: str, package: str | None = None) -> None:
    try:
        importlib.import_module(module)
    except ImportError:
        raise GateSetupError(
            "gate.driver", f"the {driver} driver needs the {package or module} package; install it"
        ) from None


def _need_port(config: GateConfig) -> None:
    if not config.serial_port.strip():
        raise GateSetupError("gate.serial_port", "give the serial port, e.g. COM3 or /dev/ttyUSB0")
