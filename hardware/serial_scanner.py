"""Serial (COM / USB CDC-ACM) barcode scanners: one code per line.

The scanner sends each code followed by CR, LF or CRLF. A worker thread
owns the port (``COM3``, ``/dev/ttyACM0``), reads with a short timeout so
``stop()`` is prompt, splits lines, and reconnects with capped backoff when
the port goes away (scanner unplugged). pyserial is imported on first use.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from hardware.debounce import Debouncer
from hardware.report import call_safely
from shared.backoff import Backoff, BackoffPolicy
from shared.device import DeviceState

log = logging.getLogger(__name__)

ScannerState = DeviceState


@dataclass(frozen=True, slots=True)
class SerialSettings:
    """Port and line settings; most scanners use 9600 8N1 (USB CDC ignores the rate)."""

    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    encoding: str = "utf-8"
    read_timeout_s: float = 0.1
    max_line_bytes: int = 16384
    backoff: BackoffPolicy = field(default_factory=BackoffPolicy)

    def __post_init__(self) -> None:
        if not self.port:
            raise ValueError("a serial scanner needs a port name, e.g. COM3 or /dev/ttyACM0")
        if self.baudrate <= 0 or self.read_timeout_s <= 0:
            raise ValueError("baudrate and read_timeout_s must be positive")


class SerialPort(Protocol):
    """The part of ``serial.Serial`` the reader uses (tests pass a fake)."""

    @property
    def in_waiting(self) -> int: ...

    def read(self, size: int = 1) -> bytes: ...

    def close(self) -> None: ...


PortFactory = Callable[[SerialSettings], SerialPort]


def open_pyserial(settings: SerialSettings) -> SerialPort:
    """Open the port with pyserial (the default factory)."""
    import serial

    port: Any = serial.Serial(
        port=settings.port,
        baudrate=settings.baudrate,
        bytesize=settings.bytesize,
        parity=settings.parity,
        stopbits=settings.stopbits,
        timeout=settings.read_timeout_s,
    )
    result: SerialPort = port
    return result


class LineSplitter:
    """Bytes in, complete lines out. CR, LF and CRLF all end a line; empty
    lines are dropped; a line longer than ``max_bytes`` is discarded whole."""

    def __init__(self, max_bytes: int = 16384) -> None:
        self._max = max_bytes
        self._buffer = bytearray()
        self._overflow = False

    def feed(self, data: bytes) -> list[bytes]:
        lines: list[bytes] = []
        for byte in data:
            if byte in (0x0A, 0x0D):
                if self._buffer and not self._overflow:
                    lines.append(bytes(self._buffer))
                self._buffer.clear()
                self._overflow = False
            elif not self._overflow:
                self._buffer.append(byte)
                if len(self._buffer) > self._max:
                    self._overflow = True
                    self._buffer.clear()
        return lines

    def reset(self) -> None:
        self._buffer.clear()
        self._overflow = False


class SerialScanner:
    """Reads codes from a serial scanner on its own thread.

    ``on_code(text)`` per line (after ``debouncer``, if given) and
    ``on_state(DeviceState)`` on every change, both from the worker thread.
    ``RUNNING`` once the port is open, ``LOST`` when it fails or cannot be
    opened, ``BACK`` when it is open again, ``STOPPED`` last.
    """

    def __init__(
        self,
        settings: SerialSettings,
        *,
        on_code: Callable[[str], None],
        on_state: Callable[[DeviceState], None] | None = None,
        port_factory: PortFactory | None = None,
        debouncer: Debouncer | None = None,
    ) -> None:
        self._settings = settings
        self._on_code = on_code
        self._on_state = on_state
        self._factory = port_factory or open_pyserial
        self._debouncer = debouncer
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._state: DeviceState | None = None
        self._stopped = False

    @property
    def state(self) -> DeviceState | None:
        return self._state

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                if self._stopped:
                    raise RuntimeError("a stopped scanner does not restart; build a new one")
                return
            self._thread = threading.Thread(
                target=self._run, name=f"serial-{self._settings.port}", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._stopped = True
            thread = self._thread
        self._stop.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _run(self) -> None:
        settings = self._settings
        backoff = Backoff(settings.backoff)
        splitter = LineSplitter(settings.max_line_bytes)
        self._set_state(DeviceState.STARTING)
        while not self._stop.is_set():
            try:
                port = self._factory(settings)
            except Exception as error:
                log.info("serial scanner %s not available: %s", settings.port, error)
                self._set_state(DeviceState.LOST)
                self._stop.wait(backoff.next_delay())
                continue
            backoff.reset()
            splitter.reset()
            self._set_state(
                DeviceState.BACK if self._state is DeviceState.LOST else DeviceState.RUNNING
            )
            try:
                self._read_lines(port, splitter)
            except Exception as error:
                log.info("serial scanner %s went away: %s", settings.port, error)
            finally:
                _close(port)
            if self._stop.is_set():
                break
            self._set_state(DeviceState.LOST)
            self._stop.wait(backoff.next_delay())
        self._set_state(DeviceState.STOPPED)

    def _read_lines(self, port: SerialPort, splitter: LineSplitter) -> None:
        encoding = self._settings.encoding
        while not self._stop.is_set():
            # Blocks for at most read_timeout_s, so stop() is seen promptly.
            data = port.read(max(1, port.in_waiting))
            for line in splitter.feed(data):
                text = line.decode(encoding, errors="replace")
                if self._debouncer is None or self._debouncer.accept(text):
                    self._call(self._on_code, text)

    def _set_state(self, state: DeviceState) -> None:
        if state is self._state:
            return
        self._state = state
        if self._on_state is not None:
            self._call(self._on_state, state)

    @staticmethod
    def _call(callback: Callable[[Any], object], value: object) -> None:
        call_safely(callback, value, log, "serial scanner")


def _close(port: SerialPort) -> None:
    try:
        port.close()
    except Exception as error:
        log.info("closing the serial port failed: %s", error)
