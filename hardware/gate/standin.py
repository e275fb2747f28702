"""A stand-in Modbus I/O module: pymodbus's own server, in this process.

For the demo, the benchmark and the tests: the real protocol on loopback
TCP (or a serial line), nothing simulated above it. Each coil write is
logged with the time it arrived; passage inputs are set by the owner, or by
:meth:`StandInModule.walk_through` (on for a moment, then off, as a person
passing a turnstile's sensor). Stopping the server is the module unplugged;
serving again is it plugged back in.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shared.clock import SYSTEM_CLOCK, Clock

FC_READ_COILS, FC_WRITE_COIL, FC_WRITE_COILS = 1, 5, 15


@dataclass(frozen=True, slots=True)
class CoilWrite:
    address: int
    on: bool
    at: float


class StandInModule:
    """A module with `size` coils and discrete inputs, serving one unit id."""

    def __init__(
        self,
        *,
        unit: int = 1,
        size: int = 16,
        clock: Clock = SYSTEM_CLOCK,
        on_write: Callable[[CoilWrite], None] | None = None,
    ) -> None:
        self.unit = unit
        self.size = size
        self._clock = clock
        self._on_write = on_write
        self._lock = threading.Lock()
        self._writes: list[CoilWrite] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: Any = None
        self._turnstiles: dict[int, tuple[int, Callable[[], bool], float, float]] = {}
        self.requests = 0

    # -- serving -------------------------------------------------------------------

    def serve_tcp(self, host: str = "127.0.0.1", port: int = 0) -> tuple[str, int]:
        """Listen on *host*:*port* (0: any free port); the address listened on."""
        from pymodbus.server import ModbusTcpServer

        self._serve(lambda device: ModbusTcpServer(device, address=(host, port)))
        return self.address

    @property
    def address(self) -> tuple[str, int]:
        """Where the module listens on TCP."""
        if self._server is None:
            raise RuntimeError("the module is not serving")
        sockname = self._server.transport.sockets[0].getsockname()
        return str(sockname[0]), int(sockname[1])

    def serve_rtu(self, port: str, baudrate: int = 9600) -> None:
        """Answer on the serial port *port* (RTU framing)."""
        from pymodbus.server import ModbusSerialServer

        self._serve(lambda device: ModbusSerialServer(device, port=port, baudrate=baudrate))

    def stop(self) -> None:
        """Stop serving (the module unplugged): connections close, requests go unanswered."""
        loop, server, thread = self._loop, self._server, self._thread
        self._loop = self._server = self._thread = None
        if loop is None or thread is None:
            return
        if server is not None:
            asyncio.run_coroutine_threadsafe(server.shutdown(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()

    # -- what the kiosk did ------------------------------------------------------------

    @property
    def writes(self) -> list[CoilWrite]:
        with self._lock:
            return list(self._writes)

    def pulses(self, address: int) -> list[tuple[float, float]]:
        """(on, off) arrival times of each completed pulse of coil *address*."""
        pulses, on_at = [], None
        for write in self.writes:
            if write.address != address:
                continue
            if write.on and on_at is None:
                on_at = write.at
            elif not write.on and on_at is not None:
                pulses.append((on_at, write.at))
                on_at = None
        return pulses

    def switched_on(self, address: int) -> list[float]:
        return [w.at for w in self.writes if w.address == address and w.on]

    # -- the world on the inputs ---------------------------------------------------------

    def set_input(self, address: int, on: bool) -> None:
        loop, server = self._loop, self._server
        if loop is None or server is None:
            raise RuntimeError("the module is not serving")
        asyncio.run_coroutine_threadsafe(
            server.async_setValues(self.unit, 2, address, [on]), loop
        ).result(5)

    def walk_through(self, address: int, hold_s: float = 0.3) -> None:
        """Someone passes: input *address* on now, off *hold_s* later."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("the module is not serving")
        self.set_input(address, True)
        loop.call_soon_threadsafe(loop.call_later, hold_s, self._release, address)

    def turnstile(
        self,
        coil: int,
        sensor: int,
        walks: Callable[[], bool],
        *,
        after_s: float = 0.5,
        hold_s: float = 0.3,
    ) -> None:
        """Behave like a turnstile: when *coil* is switched on and *walks()* says
        the visitor goes, input *sensor* is on from *after_s* to *after_s* + *hold_s*."""
        self._turnstiles[coil] = (sensor, walks, after_s, hold_s)

    def _release(self, address: int) -> None:
        if self._server is not None and self._loop is not None:
            self._loop.create_task(self._server.async_setValues(self.unit, 2, address, [False]))

    # -- steps ------------------------------------------------------------------------

    def _serve(self, make: Callable[[Any], Any]) -> Any:
        if self._loop is not None:
            raise RuntimeError("already serving")
        loop = asyncio.new_event_loop()
        started: dict[str, Any] = {}
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)

            async def begin() -> None:
                try:
                    server = make(self._device())
                    await server.serve_forever(background=True)
                    started["server"] = server
                except Exception as error:
                    started["error"] = error
                finally:
                    ready.set()

            loop.run_until_complete(begin())
            if "server" in started:
                loop.run_forever()

        thread = threading.Thread(target=run, name="standin-module", daemon=True)
        thread.start()
        ready.wait(10)
        if "server" not in started:
            thread.join(5)
            loop.close()
            raise OSError(f"the stand-in module could not start: {started.get('error')}")
        self._loop, self._thread, self._server = loop, thread, started["server"]
        return started["server"]

    def _device(self) -> Any:
        from pymodbus.simulator import DataType, SimData, SimDevice

        def bits() -> list[SimData]:
            return [SimData(0, count=self.size, values=False, datatype=DataType.BITS)]

        def registers() -> list[SimData]:
            return [SimData(0, count=1, values=0, datatype=DataType.REGISTERS)]

        return SimDevice(
            id=self.unit, simdata=(bits(), bits(), registers(), registers()), action=self._action
        )

    async def _action(
        self,
        function_code: int,
        start_address: int,
        address: int,
        count: int,
        registers: list[int],
        values: list[int] | list[bool] | None,
    ) -> None:
        now = self._clock.monotonic()
        self.requests += 1
        if function_code in (FC_WRITE_COIL, FC_WRITE_COILS) and values is not None:
            written = [CoilWrite(address + i, bool(v), now) for i, v in enumerate(values)]
            with self._lock:
                self._writes.extend(written)
            for write in written:
                if self._on_write is not None:
                    self._on_write(write)
                self._maybe_walk(write)

    def _maybe_walk(self, write: CoilWrite) -> None:
        turnstile = self._turnstiles.get(write.address)
        loop, server = self._loop, self._server
        if not write.on or turnstile is None or loop is None or server is None:
            return
        sensor, walks, after_s, hold_s = turnstile
        if walks():
            on = server.async_setValues(self.unit, 2, sensor, [True])
            loop.call_later(after_s, loop.create_task, on)
            loop.call_later(after_s + hold_s, self._release, sensor)
