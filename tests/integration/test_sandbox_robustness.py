"""The sandbox under abuse: bad tokens, garbage bodies, oversized batches, slow clients.

Whatever arrives, the answer is a problem+json (for requests the
application sees) and the server keeps answering.
"""

from __future__ import annotations

import errno
import json
import random
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from sandbox.server import SandboxServer
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    ApiContract,
    SandboxHttp,
    checked_session,
    new_event,
)

PROTECTED = [
    ("GET", f"/v1/status/{DEMO_IIN['green']}"),
    ("POST", "/v1/events"),
    ("GET", "/v1/keys"),
    ("GET", "/v1/venues/201040000123/occupancy"),
    ("GET", f"/v1/venues/201040000123/presence/{DEMO_IIN['green']}"),
    ("GET", "/v1/venues/201040000123/referrals"),
    ("POST", "/v1/referrals/5f0c6c1e-8f0a-4c43-9d53-3b1f4c3f9a10/resolution"),
    ("GET", "/v1/sandbox/people"),
    ("PUT", f"/v1/sandbox/people/{DEMO_IIN['green']}"),
    ("POST", "/v1/sandbox/passes"),
    ("GET", "/v1/sandbox/events"),
    ("POST", "/v1/sandbox/keys/rotate"),
    ("GET", "/v1/no/such/path"),
]


def _alive(http: SandboxHttp) -> bool:
    return http.get(f"/v1/status/{DEMO_IIN['red']}").json()["status"] == "red"


def _problem(response: requests.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    body: dict[str, object] = response.json()
    assert body["status"] == status and body["type"] == "about:blank"
    assert isinstance(body["title"], str) and isinstance(body["detail"], str)
    return body


@pytest.mark.parametrize(("method", "path"), PROTECTED)
@pytest.mark.parametrize(
    "authorization", [None, "Bearer nope", "Basic ZGVtbzo=", "Bearer", "demo", "Bearer demo x"]
)
def test_every_v1_path_needs_a_known_device_token(
    http: SandboxHttp, method: str, path: str, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = http.request(method, path, token=None, headers=headers)
    body = _problem(response, 401)
    assert body["code"] == "device_not_registered"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_every_configured_token_is_accepted(
    sandbox_factory: Callable[..., SandboxServer], api_contract: ApiContract
) -> None:
    server = sandbox_factory(tokens=("desk-1", "desk-2"))
    with checked_session(api_contract) as session:
        http = SandboxHttp(server.url, session)
        assert http.get("/v1/keys", token="desk-2").status_code == 200
        assert http.get("/v1/keys", token="desk-1").status_code == 200
        assert http.get("/v1/keys", token="demo").status_code == 401


@pytest.mark.parametrize("path", ["/", "/v2/status/x", "/favicon.ico", "/v1x", "/%ff%fe"])
def test_paths_outside_v1_are_404(http: SandboxHttp, path: str) -> None:
    _problem(http.get(path, token=None), 404)


@pytest.mark.parametrize("path", ["/v1/nothing", "/v1/keys/", "/v1//keys", "/v1/status/"])
def test_unknown_v1_paths_are_404(http: SandboxHttp, path: str) -> None:
    _problem(http.get(path), 404)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("DELETE", "/v1/keys", "GET, HEAD"),
        ("GET", "/v1/events", "POST"),
        ("POST", f"/v1/status/{DEMO_IIN['green']}", "GET, HEAD"),
        ("PATCH", f"/v1/sandbox/people/{DEMO_IIN['green']}", "GET, HEAD, PUT"),
        ("GET", "/v1/referrals/5f0c6c1e-8f0a-4c43-9d53-3b1f4c3f9a10/resolution", "POST"),
    ],
)
def test_wrong_methods_are_405_with_allow(
    http: SandboxHttp, method: str, path: str, allow: str
) -> None:
    response = http.request(method, path)
    _problem(response, 405)
    assert response.headers["Allow"] == allow


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b"not json",
        b"[]",
        b'"events"',
        b"{}",
        b'{"events": {}}',
        b'{"events": "many"}',
        b'{"events": []}',
        b'{"events": [NaN]}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"events": [1' + b"0" * 5000 + b"]}",
        '{"events": ["\udc80"]}'.encode("utf-8", "surrogatepass"),
        b'{"events": [{"desk": "\\ud800"}]}',
        '{"events": []}'.encode("utf-16"),
        b"\xff\xfe\x00\x01\x02",
    ],
)
def test_malformed_batches_are_400(http: SandboxHttp, body: bytes) -> None:
    headers = {"Content-Type": "application/json"}
    _problem(http.post("/v1/events", data=body, headers=headers), 400)
    assert _alive(http)


def test_random_bytes_are_400_and_change_nothing(http: SandboxHttp) -> None:
    rng = random.Random(20261122)
    for _ in range(30):
        body = rng.randbytes(rng.randrange(1, 3000))
        path = rng.choice(["/v1/events", "/v1/sandbox/passes"])
        assert http.post(path, data=body).status_code == 400
    assert http.get("/v1/sandbox/events").json()["events"] == []
    assert _alive(http)


def test_501_events_are_413(http: SandboxHttp) -> None:
    body = _problem(http.post("/v1/events", json={"events": [new_event()] * 501}), 413)
    assert body["code"] == "batch_too_large"
    assert http.post("/v1/events", json={"events": [new_event()] * 500}).status_code == 200


def test_a_body_over_1_mib_is_413(http: SandboxHttp) -> None:
    padding = "x" * (1 << 20)
    event = new_event(note=padding)
    body = _problem(http.post("/v1/events", json={"events": [event]}), 413)
    assert body["code"] == "body_too_large"
    assert http.get("/v1/sandbox/events").json()["events"] == []


def test_an_oversized_chunked_body_is_413(http: SandboxHttp) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"events": ["'
        for _ in range(20):
            yield b"x" * 65536
        yield b'"]}'

    _problem(http.post("/v1/events", data=chunks()), 413)
    assert _alive(http)


def test_a_chunked_batch_is_read(http: SandboxHttp) -> None:
    payload = json.dumps({"events": [new_event()]}).encode()
    answer = http.post("/v1/events", data=iter([payload[:10], payload[10:]]))
    assert len(answer.json()["accepted"]) == 1


def test_a_huge_body_is_refused_by_the_server_itself(sandbox: SandboxServer) -> None:
    # Beyond 4 MiB waitress answers before the application sees the request.
    head = (
        "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo\r\n"
        f"Content-Type: application/json\r\nContent-Length: {5 << 20}\r\n\r\n"
    )
    assert _raw(sandbox, head.encode()).startswith(b"HTTP/1.1 413 ")


def _raw(server: SandboxServer, data: bytes) -> bytes:
    """Send bytes on a fresh connection; what came back before the server closed it."""
    chunks = []
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        try:
            sock.sendall(data)
            try:
                sock.shutdown(socket.SHUT_WR)
            except OSError as exc:  # the server answered and closed first: read what it said
                if exc.errno != errno.ENOTCONN:
                    raise
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (ConnectionResetError, BrokenPipeError):
            pass  # the server may answer and close before reading everything
    return b"".join(chunks)


@pytest.mark.parametrize(
    "data",
    [
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS hello on the plain port
        b"GET / HTTP/9.9\r\n\r\n",
        b"\x00" * 4096,
        b"GET /v1/keys HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        b"POST /v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"GET /v1/keys HTTP/1.1\r\nHost: x\r\n" + b"X-Filler: y\r\n" * 30000 + b"\r\n",
    ],
)
def test_garbage_on_the_socket_leaves_the_server_answering(
    sandbox: SandboxServer, http: SandboxHttp, data: bytes
) -> None:
    answer = _raw(sandbox, data)
    assert answer == b"" or answer.startswith(b"HTTP/1.")
    assert _alive(http)


def test_a_slow_partial_request_blocks_no_one_and_is_dropped(
    sandbox_factory: Callable[..., SandboxServer], api_contract: ApiContract
) -> None:
    server = sandbox_factory(channel_timeout=1, threads=1)
    with (
        socket.create_connection(("127.0.0.1", server.port), timeout=10) as slow,
        checked_session(api_contract) as session,
    ):
        slow.sendall(b'POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"ev')
        http = SandboxHttp(server.url, session)
        started = time.monotonic()
        for _ in range(20):
            assert _alive(http)
        assert time.monotonic() - started < 5  # even with one worker thread
        # the server gives up on the silent client after its channel time-out
        slow.settimeout(10)
        assert slow.recv(1024) == b""


def test_concurrent_clients_each_get_their_batches_stored(http: SandboxHttp) -> None:
    errors: list[BaseException] = []
    sent: list[str] = []
    lock = threading.Lock()

    def kiosk(desk: int) -> None:
        try:
            with requests.Session() as session:
                session.trust_env = False
                for _ in range(5):
                    batch = [new_event(desk=str(desk)) for _ in range(40)]
                    response = session.post(
                        http.base_url + "/v1/events",
                        json={"events": batch},
                        headers={"Authorization": "Bearer demo"},
                        timeout=10,
                    )
                    assert len(response.json()["accepted"]) == 40
                    with lock:
                        sent.extend(e["id"] for e in batch)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=kiosk, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    listed = http.get("/v1/sandbox/events?limit=10000").json()["events"]
    assert sorted(e["id"] for e in listed) == sorted(sent)


def test_a_locked_database_is_503_with_retry_after(
    sandbox_factory: Callable[..., SandboxServer], api_contract: ApiContract, tmp_path: Path
) -> None:
    db_path = tmp_path / "busy.sqlite3"
    server = sandbox_factory(db_path=db_path, busy_timeout=0.2)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        with checked_session(api_contract) as session:
            http = SandboxHttp(server.url, session)
            other.execute("BEGIN IMMEDIATE")  # another process writing, for long
            response = http.post("/v1/events", json={"events": [new_event()]})
            _problem(response, 503)
            assert response.headers["Retry-After"] == "1"
            other.execute("ROLLBACK")
            assert (
                len(http.post("/v1/events", json={"events": [new_event()]}).json()["accepted"]) == 1
            )
    finally:
        other.close()


def test_stop_is_idempotent_and_start_again_serves(
    sandbox_factory: Callable[..., SandboxServer], api_contract: ApiContract
) -> None:
    server = sandbox_factory()
    port = server.port
    server.stop()
    server.stop()
    assert not server.running
    with checked_session(None) as session, pytest.raises(requests.ConnectionError):
        session.get(server.url + "/v1/keys", timeout=2)
    server.start()
    assert server.port == port
    with checked_session(api_contract) as session:
        assert _alive(SandboxHttp(server.url, session))


def test_a_server_needs_a_token() -> None:
    with pytest.raises(ValueError):
        SandboxServer("unused.sqlite3", tokens=())
