"""The relay drivers against real peers: a USB serial relay board's end of a
pseudo-terminal, and an HTTP relay on loopback; plus the passage callback."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.gate.factory import GateConfig, HttpGate, make_gate
from tests.gate_peers import HttpRelay, RelayBoard, Reports, wait_until

ON, OFF = bytes.fromhex("A00101A2"), bytes.fromhex("A00100A1")
EXIT_ON, EXIT_OFF = bytes.fromhex("A00201A3"), bytes.fromhex("A00200A2")
PULSE_MS = 300
LATE_OFF_S = 0.4  # a loaded machine may switch off late; never this late
needs_pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")


@pytest.fixture
def reports() -> Reports:
    return Reports()


@pytest.fixture
def relay() -> Iterator[HttpRelay]:
    relay = HttpRelay()
    yield relay
    relay.stop()


# -- serial relay boards --------------------------------------------------------------


@needs_pty
def test_a_serial_relay_board_is_switched_on_then_off(tmp_path: Path, reports: Reports) -> None:
    board = RelayBoard(tmp_path / "ttyRELAY")
    config = GateConfig(
        driver="serial-relay", serial_port=str(board.path), exit_coil=1,
        entry_passage_input=-1, pulse_ms=PULSE_MS,
    )  # fmt: skip
    gate = make_gate(config, reports)
    gate.start()
    try:
        assert reports.wait_reachable()
        assert wait_until(lambda: len(board.bytes_received()) == 2)
        gate.pulse(exit=False, command=1, within_s=2.0)
        assert reports.wait_result(1) is True
        assert wait_until(lambda: len(board.bytes_received()) == 4)
    finally:
        gate.stop()
        board.unplug()
    frames = board.bytes_received()
    # Both relays off on connecting, then one pulse of the entry relay.
    assert [f.data for f in frames] == [OFF, EXIT_OFF, ON, OFF]
    assert PULSE_MS / 1000 - 0.05 <= frames[3].at - frames[2].at <= PULSE_MS / 1000 + LATE_OFF_S
    assert not gate.senses(exit=False)


@needs_pty
def test_a_board_unplugged_drops_the_open_and_gets_nothing_when_back(
    tmp_path: Path, reports: Reports
) -> None:
    board = RelayBoard(tmp_path / "ttyRELAY")
    config = GateConfig(
        driver="serial-relay", serial_port=str(board.path), entry_passage_input=-1,
        pulse_ms=PULSE_MS,
    )  # fmt: skip
    gate = make_gate(config, reports)
    gate.start()
    try:
        assert reports.wait_reachable()
        assert wait_until(lambda: len(board.bytes_received()) == 1)
        first = board.bytes_received()
        board.unplug()
        assert reports.wait_reachable(False, timeout=3)

        gate.pulse(exit=False, command=1, within_s=1.0)
        assert reports.wait_result(1, timeout=3) is False

        board.plug_in()
        assert reports.wait_reachable(True, timeout=5)
        assert wait_until(lambda: len(board.bytes_received()) > 0)
        settled = len(board.bytes_received())
        assert not wait_until(lambda: len(board.bytes_received()) > settled, timeout=1.5)
    finally:
        gate.stop()
        board.unplug()
    assert [f.data for f in first] == [OFF]  # the switch-off on connecting
    assert [f.data for f in board.bytes_received()] == [OFF]  # no open, late or otherwise
    assert [r for r, _ in reports.linked] == [True, False, True]


# -- HTTP relays -------------------------------------------------------------------------


def http_config(relay: HttpRelay, **changes: object) -> GateConfig:
    values: dict[str, object] = {
        "driver": "http",
        "http_url": f"http://127.0.0.1:{relay.port}/relay/{{relay}}?turn={{state}}",
        "http_method": "POST",
        "entry_coil": 0,
        "exit_coil": 1,
        "entry_passage_input": -1,
        "pulse_ms": PULSE_MS,
        **changes,
    }
    return GateConfig(**values)  # type: ignore[arg-type]


def test_an_http_relay_gets_on_then_off_with_the_templated_request(
    relay: HttpRelay, reports: Reports
) -> None:
    config = http_config(
        relay,
        http_headers={"Authorization": "Bearer relay-secret"},
        http_body='{{"relay": {relay}, "direction": "{direction}"}}',
    )
    gate = make_gate(config, reports)
    gate.start()
    try:
        assert reports.wait_reachable()
        assert wait_until(lambda: len(relay.taken()) == 2)  # both relays off on connecting
        gate.pulse(exit=True, command=1, within_s=2.0)
        assert reports.wait_result(1) is True
        assert wait_until(lambda: len(relay.taken()) == 4)
    finally:
        gate.stop()
    off0, off1, on, off = relay.taken()
    assert [r.path for r in (off0, off1)] == ["/relay/0?turn=off", "/relay/1?turn=off"]
    assert (on.method, on.path, off.path) == ("POST", "/relay/1?turn=on", "/relay/1?turn=off")
    assert on.headers["Authorization"] == "Bearer relay-secret"
    assert on.body == b'{"relay": 1, "direction": "exit"}'
    assert PULSE_MS / 1000 - 0.05 <= off.at - on.at <= PULSE_MS / 1000 + LATE_OFF_S


def test_a_relay_that_times_its_own_pulse_gets_one_request(
    relay: HttpRelay, reports: Reports
) -> None:
    config = http_config(
        relay,
        http_method="GET",
        http_url=f"http://127.0.0.1:{relay.port}/relay/{{relay}}?turn=on&timer={{pulse_s}}",
    )
    gate = make_gate(config, reports)
    gate.start()
    try:
        assert reports.wait_reachable()
        gate.pulse(exit=False, command=1, within_s=2.0)
        assert reports.wait_result(1) is True
        assert not wait_until(lambda: len(relay.taken()) > 1, timeout=PULSE_MS / 1000 + 0.3)
    finally:
        gate.stop()
    [request] = relay.taken()
    assert (request.method, request.path) == ("GET", "/relay/0?turn=on&timer=0.3")


def test_a_relay_answering_an_error_drops_the_open_and_stays_reachable(
    relay: HttpRelay, reports: Reports
) -> None:
    gate = make_gate(http_config(relay), reports)
    gate.start()
    try:
        assert reports.wait_reachable()
        relay.status = 500
        gate.pulse(exit=False, command=1, within_s=2.0)
        assert reports.wait_result(1) is False
    finally:
        gate.stop()
    assert [r for r, _ in reports.linked] == [True]


def test_an_http_relay_unplugged_and_back_gets_no_late_open(
    relay: HttpRelay, reports: Reports
) -> None:
    gate = make_gate(http_config(relay), reports)
    gate.start()
    try:
        assert reports.wait_reachable()
        relay.stop()
        gate.pulse(exit=False, command=1, within_s=1.0)
        assert reports.wait_result(1, timeout=3) is False
        assert reports.wait_reachable(False)

        relay.serve()  # the same port again
        assert reports.wait_reachable(True, timeout=6)
        assert wait_until(lambda: len(relay.taken()) >= 4)
        assert not wait_until(lambda: len(relay.taken()) > 4, timeout=1.0)
    finally:
        gate.stop()
    assert [r.path.split("=")[-1] for r in relay.taken()] == ["off"] * 4
    assert [r for r, _ in reports.linked] == [True, False, True]


def test_the_passage_callback_reports_passages_with_the_token(
    relay: HttpRelay, reports: Reports
) -> None:
    config = http_config(
        relay,
        entry_passage_input=0,
        exit_passage_input=1,
        http_callback_listen="127.0.0.1:0",
        http_callback_token="s3cret",
    )
    gate = make_gate(config, reports)
    assert isinstance(gate, HttpGate) and gate.callback is not None
    base = "http://{}:{}".format(*gate.callback.address)
    gate.start()
    try:
        assert gate.senses(exit=False) and gate.senses(exit=True)
        assert call(f"{base}/gate/passage/entry?token=s3cret") == 204
        assert call(f"{base}/gate/passage/exit", auth="Bearer s3cret", data=b"{}") == 204
        assert call(f"{base}/gate/passage/entry?token=wrong") == 403
        assert call(f"{base}/gate/passage/entry") == 403
        assert call(f"{base}/gate/elsewhere?token=s3cret") == 404
        assert wait_until(lambda: len(reports.passed) == 2)
    finally:
        gate.stop()
    assert [exit_ for exit_, _ in reports.passed] == [False, True]


def test_without_a_callback_an_http_gate_senses_nothing(relay: HttpRelay) -> None:
    gate = make_gate(http_config(relay, entry_passage_input=0), Reports())
    assert not gate.senses(exit=False) and not gate.senses(exit=True)
    assert isinstance(gate, HttpGate) and gate.callback is None


def call(url: str, *, auth: str | None = None, data: bytes | None = None) -> int:
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    if auth:
        request.add_header("Authorization", auth)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
