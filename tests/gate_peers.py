"""Real protocol peers for the gate drivers, on this machine: a serial line
made of two pseudo-terminals, a USB relay board's end of a pty, an HTTP
relay on loopback, and a recorder of what a driver reports.

(The Modbus I/O module is pymodbus's own server: hardware.gate.standin.)
POSIX only: pseudo-terminals.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kiosk.gate.inbox import GateInbox
from kiosk.gate.keeper import GateKeeper
from kiosk.gate.values import GateNews


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Bounded wait for a condition another thread sets (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        pause.wait(0.005)
    return True


class Reports:
    """Records a driver's reports (its `GateReports`), from the driver's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.linked: list[tuple[bool, str | None]] = []
        self.pulsed: list[tuple[int, bool, float]] = []
        self.passed: list[tuple[bool, float]] = []

    def gate_linked(self, *, reachable: bool, detail: str | None) -> None:
        with self._lock:
            self.linked.append((reachable, detail))

    def gate_pulsed(self, *, command: int, delivered: bool) -> None:
        with self._lock:
            self.pulsed.append((command, delivered, time.monotonic()))

    def gate_passed(self, *, exit: bool) -> None:
        with self._lock:
            self.passed.append((exit, time.monotonic()))

    @property
    def reachable(self) -> bool | None:
        with self._lock:
            return self.linked[-1][0] if self.linked else None

    def result(self, command: int) -> bool | None:
        with self._lock:
            return next((ok for c, ok, _ in self.pulsed if c == command), None)

    def wait_reachable(self, reachable: bool = True, timeout: float = 5.0) -> bool:
        return wait_until(lambda: self.reachable is reachable, timeout)

    def wait_result(self, command: int, timeout: float = 5.0) -> bool | None:
        wait_until(lambda: self.result(command) is not None, timeout)
        return self.result(command)


class KeeperLoop:
    """Owns a keeper the way the desk will: the driver's reports arrive through
    an inbox, and every input runs on the test's thread."""

    def __init__(self, keeper: GateKeeper, inbox: GateInbox) -> None:
        self.keeper = keeper
        self.inbox = inbox
        self.news: list[GateNews] = []

    def pump(self) -> list[GateNews]:
        fresh = [*self.inbox.deliver(self.keeper), *self.keeper.tick()]
        self.news.extend(fresh)
        return fresh

    def until(self, predicate: Callable[[GateNews], bool], timeout: float = 10.0) -> GateNews:
        """Pump until a piece of news matches; that news."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for item in self.pump():
                if predicate(item):
                    return item
            self.inbox.wait(0.02)
        raise AssertionError(f"no such news within {timeout} s; had {self.news}")


class NullModem:
    """A serial cable between two programs: two pty pairs, bytes pumped between
    their masters. Each end is a real serial port with a name, as
    pymodbus's serial server and its client each open one."""

    def __init__(self) -> None:
        self._a, a = os.openpty()
        self._b, b = os.openpty()
        self.port_a, self.port_b = os.ttyname(a), os.ttyname(b)
        self._slaves = (a, b)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._pump, name="null-modem", daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._a, self._b], [], [], 0.05)
            for fd in ready:
                try:
                    data = os.read(fd, 4096)
                    os.write(self._b if fd == self._a else self._a, data)
                except OSError:
                    continue

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for fd in (self._a, self._b, *self._slaves):
            with contextlib.suppress(OSError):
                os.close(fd)


@dataclass(frozen=True)
class Received:
    data: bytes
    at: float


class RelayBoard:
    """A USB serial relay board's end of the line: a pty whose other end is
    reached through a fixed name (a symlink, as udev's /dev/serial/by-id),
    so the board can be unplugged and plugged back in under the same name."""

    def __init__(self, link: Path) -> None:
        self.path = link
        self._lock = threading.Lock()
        self.received: list[Received] = []
        self._master = -1
        self._slave = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.plug_in()

    def plug_in(self) -> None:
        """A board (again): what it receives starts afresh."""
        with self._lock:
            self.received = []
        self._master, self._slave = os.openpty()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.path.symlink_to(os.ttyname(self._slave))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(self._master, self._stop))
        self._thread.start()

    def unplug(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.path.unlink()

    def _read(self, master: int, stop: threading.Event) -> None:
        while not stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.02)
            if not ready:
                continue
            try:
                data = os.read(master, 1024)
            except OSError:
                return
            with self._lock:
                self.received.append(Received(data, time.monotonic()))

    def bytes_received(self) -> list[Received]:
        """What arrived, one entry per command (4-byte frames split apart)."""
        with self._lock:
            stream = [(r.data, r.at) for r in self.received]
        frames: list[Received] = []
        buffer, first = b"", 0.0
        for data, at in stream:
            if not buffer:
                first = at
            buffer += data
            while len(buffer) >= 4:
                frames.append(Received(buffer[:4], first))
                buffer = buffer[4:]
        return frames


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


class HttpRelay:
    """A networked relay on loopback: logs each request with its arrival time,
    answers `status`; stopping it is the relay unplugged, serving again on the
    same port is it back."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self._lock = threading.Lock()
        self.requests: list[Request] = []
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.serve()

    def serve(self) -> None:
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with relay._lock:
                    relay.requests.append(
                        Request(self.command, self.path, dict(self.headers), body, time.monotonic())
                    )
                self.send_response(relay.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_PUT = _any

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
        self._server = None

    def taken(self) -> list[Request]:
        with self._lock:
            return list(self.requests)
