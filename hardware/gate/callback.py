"""The passage callback: a small HTTP endpoint the gate's controller calls on each passage.

Off unless configured. `GET` or `POST /gate/passage/entry` (or `/exit`)
reports one passage; with a token set, the request must carry it, as
`?token=…` or `Authorization: Bearer …`. Answers 204, 403 (token), 404.
It listens where it is told: loopback for a controller on the same PC, a
LAN address for a networked one. Standard library only (works on Windows).
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

PATHS = {"/gate/passage/entry": False, "/gate/passage/exit": True}
_MAX_BODY = 4096


def parse_listen(text: str) -> tuple[str, int]:
    """`host:port` (`[::1]:8790` for IPv6) → (host, port); raises ValueError."""
    host, sep, port = text.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError("give host:port, e.g. 127.0.0.1:8790")
    return host, int(port)


class PassageCallback:
    """Serves the callback on its own thread; binds when built (a busy port fails here)."""

    def __init__(self, listen: tuple[str, int], token: str, on_passage: Callable[[bool], None]):
        callback = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 5.0

            def do_GET(self) -> None:
                callback._handle(self)

            def do_POST(self) -> None:
                callback._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                log.debug("passage callback: " + format, *args)

        self._token = token
        self._on_passage = on_passage
        self._server = ThreadingHTTPServer(listen, Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self) -> None:
        with self._lock:
            if self._thread is not None or self._closed:
                return
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.2},
                name="gate-callback",
                daemon=True,
            )
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._server.shutdown()
            thread.join(timeout)
        self._server.server_close()

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        length = request.headers.get("Content-Length", "0")
        if length.isdigit() and 0 < int(length) <= _MAX_BODY:
            request.rfile.read(int(length))
        parts = urlsplit(request.path)
        exit_ = PATHS.get(parts.path.rstrip("/"))
        if exit_ is None:
            self._answer(request, 404)
        elif not self._allowed(request, parts.query):
            self._answer(request, 403)
        else:
            self._on_passage(exit_)
            self._answer(request, 204)

    def _allowed(self, request: BaseHTTPRequestHandler, query: str) -> bool:
        if not self._token:
            return True
        given = parse_qs(query).get("token", [""])[0]
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            given = given or auth[len("Bearer ") :]
        return hmac.compare_digest(given.encode(), self._token.encode())

    @staticmethod
    def _answer(request: BaseHTTPRequestHandler, status: int) -> None:
        request.send_response(status)
        request.send_header("Content-Length", "0")
        request.end_headers()
