"""Modbus I/O modules: relay outputs (coils) pulsed, passage inputs (discrete inputs) polled.

The usual way a PC drives a turnstile's dry contacts. pymodbus speaks the
protocol (TCP, or RTU on a serial line) and is imported on first use. Its
client is asked for one attempt per request (`retries=0`): a command that
did not get through is the worker's to drop, never the library's to repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from hardware.gate.wiring import GateRefused, GateWiring, LinkDown

PROBE_EVERY_S = 1.0
"""Without passage inputs, the module is asked for a coil this often: is it there?"""
_ONE_READ_SPAN = 64  # two inputs closer than this are read in one request


@dataclass(frozen=True, slots=True)
class ModbusTcpSettings:
    host: str
    port: int = 502
    unit: int = 1

    def __post_init__(self) -> None:
        if not self.host:
            raise ValueError("a Modbus TCP gate needs the module's host name or address")
        _check_unit(self.unit)


@dataclass(frozen=True, slots=True)
class ModbusRtuSettings:
    port: str
    baudrate: int = 9600
    parity: str = "N"
    unit: int = 1

    def __post_init__(self) -> None:
        if not self.port:
            raise ValueError("a Modbus RTU gate needs a serial port, e.g. COM3 or /dev/ttyUSB0")
        if self.parity not in ("N", "E", "O"):
            raise ValueError("parity is N, E or O")
        _check_unit(self.unit)


def _check_unit(unit: int) -> None:
    if not 1 <= unit <= 247:
        raise ValueError("a Modbus unit (device id) is 1 to 247")


class ModbusClient(Protocol):
    """The part of a pymodbus sync client the link uses."""

    def connect(self) -> bool: ...

    def close(self) -> None: ...

    def write_coil(self, address: int, value: bool, *, device_id: int = 1) -> Any: ...

    def read_coils(self, address: int, *, count: int = 1, device_id: int = 1) -> Any: ...

    def read_discrete_inputs(self, address: int, *, count: int = 1, device_id: int = 1) -> Any: ...


class ModbusLink:
    """A connected module. Passages are rising edges of the passage inputs: an
    input already on when the link opens is someone still walking, not news."""

    def __init__(self, client: ModbusClient, wiring: GateWiring, unit: int) -> None:
        self._client = client
        self._wiring = wiring
        self._unit = unit
        self._inputs = tuple(
            (exit_, address)
            for exit_ in (False, True)
            if (address := wiring.input(exit=exit_)) >= 0
        )
        self._levels: dict[bool, bool] = {}

    @property
    def poll_every_s(self) -> float:
        return self._wiring.poll_s if self._inputs else PROBE_EVERY_S

    def switch(self, *, exit: bool, on: bool) -> None:
        coil = self._wiring.output(exit=exit)
        response = self._client.write_coil(coil, on, device_id=self._unit)
        if response.isError():
            raise GateRefused(f"coil {coil}: {_exception_text(response)}")

    def poll(self) -> tuple[bool, ...]:
        if not self._inputs:
            response = self._client.read_coils(self._wiring.entry_output, device_id=self._unit)
            if response.isError():
                raise LinkDown(f"coil {self._wiring.entry_output}: {_exception_text(response)}")
            return ()
        levels = self._read_levels()
        passages = tuple(
            exit_ for exit_, on in levels.items() if on and self._levels.get(exit_) is False
        )
        self._levels = levels
        return passages

    def close(self) -> None:
        self._client.close()

    def _read_levels(self) -> dict[bool, bool]:
        addresses = [address for _, address in self._inputs]
        low, high = min(addresses), max(addresses)
        if high - low < _ONE_READ_SPAN:
            bits = self._read(low, high - low + 1)
            return {exit_: bool(bits[address - low]) for exit_, address in self._inputs}
        return {exit_: bool(self._read(address, 1)[0]) for exit_, address in self._inputs}

    def _read(self, address: int, count: int) -> list[bool]:
        response = self._client.read_discrete_inputs(address, count=count, device_id=self._unit)
        if response.isError():
            raise LinkDown(f"discrete input {address}: {_exception_text(response)}")
        bits: list[bool] = list(response.bits)
        if len(bits) < count:
            raise LinkDown(f"discrete input {address}: {len(bits)} bits for {count}")
        return bits


def open_modbus_tcp(settings: ModbusTcpSettings, wiring: GateWiring) -> ModbusLink:
    from pymodbus.client import ModbusTcpClient

    client: ModbusClient = ModbusTcpClient(
        settings.host, port=settings.port, timeout=wiring.io_timeout_s, retries=0
    )
    return _connected(client, wiring, settings.unit, f"{settings.host}:{settings.port}")


def open_modbus_rtu(settings: ModbusRtuSettings, wiring: GateWiring) -> ModbusLink:
    from pymodbus.client import ModbusSerialClient

    client: ModbusClient = ModbusSerialClient(
        settings.port,
        baudrate=settings.baudrate,
        parity=settings.parity,
        bytesize=8,
        stopbits=1,
        timeout=wiring.io_timeout_s,
        retries=0,
    )
    return _connected(client, wiring, settings.unit, settings.port)


def _connected(client: ModbusClient, wiring: GateWiring, unit: int, where: str) -> ModbusLink:
    if not client.connect():
        client.close()
        raise LinkDown(f"cannot connect to {where}")
    link = ModbusLink(client, wiring, unit)
    try:
        # A TCP gateway accepts connections while the device behind it is
        # silent: the module is there once it answers. The first read is also
        # the inputs' starting point.
        link.poll()
    except Exception as error:
        link.close()
        raise LinkDown(f"unit {unit} at {where} does not answer: {error}") from error
    return link


def _exception_text(response: Any) -> str:
    code = getattr(response, "exception_code", None)
    names = {1: "illegal function", 2: "illegal data address", 3: "illegal data value"}
    if isinstance(code, int):
        return f"Modbus exception {code} ({names.get(code, 'device failure')})"
    return "an error response"
