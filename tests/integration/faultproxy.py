"""A loopback HTTP proxy that misbehaves on request, in front of the sandbox.

The faults a kiosk meets on a venue's network: refused or dropped
connections, 5xx and 429 answers with Retry-After, answers slower than
the read time-out, bodies cut off, answers lost after the service stored
the request, a service clock that differs from ours, and answers whose
body says something other than the contract (an older or a broken service).

    proxy = FaultProxy(sandbox.url).start()
    proxy.push(Fault.respond(503, retry_after="7"))  # the next request only
    proxy.set(Fault.shift_date(600))                 # every request after that
    proxy.watch(lambda method, path, body: ...)      # see (or hold) each request
    ...
    proxy.stop()

One request per connection: the proxy answers with `Connection: close`.
"""

from __future__ import annotations

import collections
import contextlib
import email.utils
import json
import socket
import socketserver
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

_IO_TIMEOUT = 5.0
_MAX_HEAD = 64 * 1024


class FaultKind(Enum):
    FORWARD = "forward"  # behave
    CLOSE = "close"  # accept, then close without reading or answering
    RESET = "reset"  # accept, then reset the connection (RST)
    RESPOND = "respond"  # answer by itself with a status, not forwarding
    DELAY = "delay"  # forward, then hold the answer back
    TRUNCATE = "truncate"  # forward, send half the body, close (Content-Length kept)
    TRUNCATE_JSON = "truncate_json"  # half the body with a matching Content-Length
    DROP_ANSWER = "drop_answer"  # forward (the service stores it), close without answering
    SHIFT_DATE = "shift_date"  # forward, with the Date header moved by `seconds`
    REWRITE = "rewrite"  # forward, then answer with the body `edit` makes of the real one


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    status: int = 0
    retry_after: str | None = None
    seconds: float = 0.0
    edit: Callable[[bytes], bytes] | None = None

    @classmethod
    def forward(cls) -> Fault:
        return cls(FaultKind.FORWARD)

    @classmethod
    def close(cls) -> Fault:
        return cls(FaultKind.CLOSE)

    @classmethod
    def reset(cls) -> Fault:
        return cls(FaultKind.RESET)

    @classmethod
    def respond(
        cls, status: int, *, retry_after: str | None = None, date_shift: float = 0.0
    ) -> Fault:
        """Answer *status* (a problem+json) with a Date *date_shift* seconds off ours."""
        return cls(FaultKind.RESPOND, status=status, retry_after=retry_after, seconds=date_shift)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        return cls(FaultKind.DELAY, seconds=seconds)

    @classmethod
    def truncate(cls) -> Fault:
        return cls(FaultKind.TRUNCATE)

    @classmethod
    def truncate_json(cls) -> Fault:
        return cls(FaultKind.TRUNCATE_JSON)

    @classmethod
    def drop_answer(cls) -> Fault:
        return cls(FaultKind.DROP_ANSWER)

    @classmethod
    def shift_date(cls, seconds: float) -> Fault:
        return cls(FaultKind.SHIFT_DATE, seconds=seconds)

    @classmethod
    def rewrite(cls, edit: Callable[[bytes], bytes]) -> Fault:
        """Forward (the service acts on the request), then answer with `edit(body)`."""
        return cls(FaultKind.REWRITE, edit=edit)

    @classmethod
    def edit_json(cls, change: Callable[[Any], object]) -> Fault:
        """`rewrite` for a JSON answer: *change* edits the parsed body in place."""

        def edit(body: bytes) -> bytes:
            value = json.loads(body)
            change(value)
            return json.dumps(value).encode()

        return cls.rewrite(edit)


class FaultProxy:
    """The proxy: `start()`, `url`, `set()`/`push()` faults, idempotent `stop()`."""

    def __init__(self, upstream_url: str) -> None:
        parts = urlsplit(upstream_url)
        if parts.hostname is None or parts.port is None:
            raise ValueError(f"upstream needs host and port: {upstream_url!r}")
        self._upstream = (parts.hostname, parts.port)
        self._lock = threading.Lock()
        self._default = Fault.forward()
        self._queue: collections.deque[Fault] = collections.deque()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.connections = 0
        self.forwarded = 0
        self._seen: Callable[[str, str, bytes], None] | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the proxy is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FaultProxy:
        self._server = _Server(("127.0.0.1", 0), _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fault-proxy", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()  # joins the connection threads
        if thread is not None:
            thread.join(_IO_TIMEOUT)

    def set(self, fault: Fault) -> None:
        """The fault for every request from now on (after those pushed)."""
        with self._lock:
            self._default = fault

    def push(self, *faults: Fault) -> None:
        """Faults for the next requests, one each, before the default applies again."""
        with self._lock:
            self._queue.extend(faults)

    def watch(self, seen: Callable[[str, str, bytes], None] | None) -> None:
        """Call *seen(method, path, body)* for each request read, on its connection's
        thread, before the request goes on: to count requests, or hold one back."""
        with self._lock:
            self._seen = seen

    def _next_fault(self) -> Fault:
        with self._lock:
            self.connections += 1
            return self._queue.popleft() if self._queue else self._default

    # --- one connection -------------------------------------------------------

    def handle(self, client: socket.socket) -> None:
        client.settimeout(_IO_TIMEOUT)
        fault = self._next_fault()
        if fault.kind is FaultKind.CLOSE:
            return
        if fault.kind is FaultKind.RESET:
            _reset(client)
            return
        request = _read_request(client)
        if request is None:
            return
        with self._lock:
            seen = self._seen
        if seen is not None:
            line, _, rest = request.partition(b"\r\n")
            method, path, *_ = [*line.decode("latin-1").split(" "), "", ""]
            seen(method, path, rest.partition(b"\r\n\r\n")[2])
        if fault.kind is FaultKind.RESPOND:
            client.sendall(_canned(fault.status, fault.retry_after, fault.seconds))
            return
        answer = self._forward(request)
        if answer is None:
            client.sendall(_canned(502, None, 0.0))
            return
        head, body = _split(answer)
        if fault.kind is FaultKind.DROP_ANSWER:
            return  # stored upstream; the connection closes unanswered
        if fault.kind is FaultKind.DELAY and self._stopping.wait(fault.seconds):
            return
        if fault.kind is FaultKind.TRUNCATE:
            client.sendall(head + body[: len(body) // 2])
            return
        if fault.kind is FaultKind.TRUNCATE_JSON:
            body = body[: len(body) // 2]
            head = _set_header(head, "Content-Length", str(len(body)))
        if fault.kind is FaultKind.REWRITE and fault.edit is not None:
            body = fault.edit(body)
            head = _set_header(head, "Content-Length", str(len(body)))
        if fault.kind is FaultKind.SHIFT_DATE:
            head = _set_header(head, "Date", _http_date(time.time() + fault.seconds))
        client.sendall(head + body)

    def _forward(self, request: bytes) -> bytes | None:
        try:
            with socket.create_connection(self._upstream, timeout=_IO_TIMEOUT) as upstream:
                upstream.sendall(request)
                chunks = []
                while chunk := upstream.recv(65536):
                    chunks.append(chunk)
        except OSError:
            return None
        with self._lock:
            self.forwarded += 1
        answer = b"".join(chunks)
        return _set_header(answer, "Connection", "close") if answer else None


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], handler: type[_Handler], proxy: FaultProxy
    ) -> None:
        self.proxy = proxy
        super().__init__(address, handler)


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        # OSError: the client went away, and there is nothing to tell it
        with contextlib.suppress(OSError):
            self.server.proxy.handle(self.request)


def _read_request(client: socket.socket) -> bytes | None:
    """One request, its Connection header made `close` so the service closes after it."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = client.recv(65536)
            if not chunk or len(data) > _MAX_HEAD:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = client.recv(65536)
            if not chunk:
                return None
            body += chunk
    except (OSError, ValueError):
        return None
    return _set_header(head + b"\r\n\r\n", "Connection", "close") + body


def _split(message: bytes) -> tuple[bytes, bytes]:
    head, _, body = message.partition(b"\r\n\r\n")
    return head + b"\r\n\r\n", body


def _set_header(message: bytes, name: str, value: str) -> bytes:
    """*message* with header *name* set to *value* (replaced, or added)."""
    head, sep, rest = message.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    key = name.lower().encode("ascii")
    kept = [lines[0]] + [ln for ln in lines[1:] if ln.split(b":")[0].strip().lower() != key]
    kept.append(f"{name}: {value}".encode("latin-1"))
    return b"\r\n".join(kept) + sep + rest


def _canned(status: int, retry_after: str | None, date_shift: float) -> bytes:
    phrases = {429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway"}
    phrases |= {503: "Service Unavailable", 401: "Unauthorized", 400: "Bad Request"}
    phrase = phrases.get(status, "Error")
    body = json.dumps(
        {"type": "about:blank", "title": phrase, "status": status, "detail": "fault proxy"}
    ).encode()
    lines = [
        f"HTTP/1.1 {status} {phrase}",
        "Content-Type: application/problem+json",
        f"Content-Length: {len(body)}",
        f"Date: {_http_date(time.time() + date_shift)}",
        "Connection: close",
    ]
    if retry_after is not None:
        lines.append(f"Retry-After: {retry_after}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _http_date(unix: float) -> str:
    return email.utils.formatdate(unix, usegmt=True)


def _reset(sock: socket.socket) -> None:
    """Close with RST rather than FIN: linger on, time-out 0."""
    layout = "HH" if sys.platform == "win32" else "ii"
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack(layout, 1, 0))
    sock.close()


def free_port() -> int:
    """A loopback port with nothing listening on it (for "service down")."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
