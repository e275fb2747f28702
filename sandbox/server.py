"""The sandbox as a running HTTP server: waitress in a background thread."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterable
from types import TracebackType
from typing import Any

from sandbox.app import MAX_BODY, SandboxApp
from sandbox.devices import DEMO_DOCTOR, Device, DeviceRegistry
from sandbox.service import SandboxService
from shared.clock import Clock

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_TOKENS: tuple[str | Device, ...] = ("demo", DEMO_DOCTOR)
"""A desk of any venue (`demo`) and the demo airport's doctor room (`demo-doctor`)."""
# waitress refuses bodies beyond this itself (a plain-text 413); smaller
# oversized bodies reach the application, which answers with a problem.
_HARD_BODY_LIMIT_FACTOR = 4


class SandboxServer:
    """The stand-in national service on host:port, backed by the SQLite file *db_path*.

    *tokens*: the devices it accepts, a plain token being a desk of any venue
    (sandbox/devices.py).

    `start()` serves from a background thread (port 0 picks a free port,
    see `url`); `stop()` is idempotent. After a stop the server can start
    again on the same port and file, which is how tests take the service
    "down" for a while. `serve_forever()` is for the command line.
    """

    def __init__(
        self,
        db_path: str | os.PathLike[str],
        host: str = DEFAULT_HOST,
        port: int = 0,
        tokens: Iterable[str | Device] = DEFAULT_TOKENS,
        *,
        clock: Clock | None = None,
        threads: int = 8,
        channel_timeout: int = 30,
        max_body: int = MAX_BODY,
        connection_limit: int = 100,
        busy_timeout: float = 10.0,
    ) -> None:
        self._db_path = db_path
        self._host = host
        self._port = port
        self._devices = DeviceRegistry(tokens).devices  # refuses none, or a token twice
        self._clock = clock
        self._threads = threads
        self._channel_timeout = channel_timeout
        self._max_body = max_body
        self._connection_limit = connection_limit
        self._busy_timeout = busy_timeout
        self._lock = threading.Lock()
        self._stop_requested = threading.Event()
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._service: SandboxService | None = None

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(device.token for device in self._devices)

    @property
    def devices(self) -> tuple[Device, ...]:
        return self._devices

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        """The base URL, e.g. http://127.0.0.1:8765 (no trailing slash)."""
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self._port}"

    @property
    def service(self) -> SandboxService:
        """The service behind the HTTP interface (while running)."""
        if self._service is None:
            raise RuntimeError("the sandbox is not running")
        return self._service

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> SandboxServer:
        """Open the file and serve from a background thread; returns self."""
        from waitress.server import create_server

        with self._lock:
            if self._server is not None:
                return self
            # One address: waitress would otherwise listen on every address a
            # name resolves to, each on its own port when the port is 0.
            family, address = _resolve(self._host)
            service = SandboxService.open(
                self._db_path, clock=self._clock, busy_timeout=self._busy_timeout
            )
            try:
                server = create_server(
                    SandboxApp(service, self._devices, max_body=self._max_body),
                    host=address,
                    port=self._port,
                    ipv4=family == socket.AF_INET,
                    ipv6=family == socket.AF_INET6,
                    threads=self._threads,
                    channel_timeout=self._channel_timeout,
                    cleanup_interval=max(1, min(30, self._channel_timeout // 2)),
                    max_request_body_size=self._max_body * _HARD_BODY_LIMIT_FACTOR,
                    connection_limit=self._connection_limit,
                    ident="ashyq-sandbox",
                    expose_tracebacks=False,
                )
            except BaseException:
                service.close()
                raise
            self._host, self._port = address, int(server.effective_port)
            self._service, self._server = service, server
            self._stop_requested.clear()
            self._thread = threading.Thread(target=server.run, name="sandbox-http", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving, finish the requests in hand, close the file. Idempotent."""
        from waitress import wasyncore

        with self._lock:
            server, thread, service = self._server, self._thread, self._service
            self._server = self._thread = self._service = None
        if server is None:
            return
        # Workers finish the task in hand first, so their answers are not cut off.
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=timeout)
        socket_map = server._map
        if thread is not None and thread.is_alive():
            # Close the sockets from the I/O thread itself; its loop ends when
            # the map is empty.
            try:
                server.trigger.pull_trigger(lambda: wasyncore.close_all(socket_map))
            except OSError:
                # The wake-up pipe is gone already (seen in the test runs: its
                # descriptor closed under it): close the sockets from here; the
                # loop sees the map empty within its poll time-out and ends.
                wasyncore.close_all(socket_map, ignore_all=True)
            thread.join(timeout)
        else:
            wasyncore.close_all(socket_map)
        if service is not None:
            service.close()

    def request_stop(self) -> None:
        """Ask `serve_forever()` to return; safe from a signal handler."""
        self._stop_requested.set()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until `request_stop()`; then stop. Waits in short steps so that
        Ctrl+C is seen on Windows too."""
        self.start()
        try:
            while not self._stop_requested.wait(poll_interval):
                if not self.running:
                    break
        finally:
            self.stop()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _resolve(host: str) -> tuple[int, str]:
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise ValueError(f"cannot resolve host {host!r}: {exc}") from None
    for family, _, _, _, sockaddr in infos:
        if family in (socket.AF_INET, socket.AF_INET6):
            return family, str(sockaddr[0])
    raise ValueError(f"no IPv4 or IPv6 address for host {host!r}")
