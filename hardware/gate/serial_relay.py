"""USB serial relay boards: a few bytes switch a relay on, a few more switch it off.

The common CH340 boards (LCUS-1, LCUS-2…) take `A0 01 01 A2` for relay 1
on and `A0 01 00 A1` for off; the bytes are settings, so other boards work
too. The boards have no inputs: no passage sensor. A board unplugged is
noticed when the port fails; pyserial is imported on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from hardware.gate.wiring import GateWiring

PROBE_EVERY_S = 0.5


@dataclass(frozen=True, slots=True)
class SerialRelaySettings:
    port: str
    baudrate: int = 9600
    entry_on: bytes = bytes.fromhex("A00101A2")
    entry_off: bytes = bytes.fromhex("A00100A1")
    exit_on: bytes = bytes.fromhex("A00201A3")
    exit_off: bytes = bytes.fromhex("A00200A2")

    def __post_init__(self) -> None:
        if not self.port:
            raise ValueError("a serial relay needs a port, e.g. COM3 or /dev/ttyUSB0")
        if not self.entry_on or not self.entry_off:
            raise ValueError("the entry relay needs its on and off bytes")

    def command(self, *, exit: bool, on: bool) -> bytes:
        if exit:
            return self.exit_on if on else self.exit_off
        return self.entry_on if on else self.entry_off


class RelayPort(Protocol):
    """The part of `serial.Serial` the link uses."""

    @property
    def in_waiting(self) -> int: ...

    def read(self, size: int = 1) -> bytes: ...

    def write(self, data: bytes) -> int | None: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


class SerialRelayLink:
    def __init__(self, port: RelayPort, settings: SerialRelaySettings) -> None:
        self._port = port
        self._settings = settings

    @property
    def poll_every_s(self) -> float:
        return PROBE_EVERY_S

    def switch(self, *, exit: bool, on: bool) -> None:
        self._port.write(self._settings.command(exit=exit, on=on))
        self._port.flush()

    def poll(self) -> tuple[bool, ...]:
        # Asking the driver what is waiting fails once the board is gone; some
        # boards echo or answer: read it away.
        waiting = self._port.in_waiting
        if waiting:
            self._port.read(waiting)
        return ()

    def close(self) -> None:
        self._port.close()


def open_serial_relay(settings: SerialRelaySettings, wiring: GateWiring) -> SerialRelayLink:
    import serial

    port: Any = serial.Serial(
        port=settings.port,
        baudrate=settings.baudrate,
        timeout=0,
        write_timeout=wiring.io_timeout_s,
    )
    return SerialRelayLink(port, settings)
