"""Serial scanners: line splitting, a real pyserial port on a pseudo-terminal,
and reconnection with a hand-written port."""

from __future__ import annotations

import os
import threading
from typing import Any

import pytest

from hardware.debounce import Debouncer
from hardware.serial_scanner import LineSplitter, SerialScanner, SerialSettings
from shared.backoff import BackoffPolicy
from shared.device import DeviceState
from tests.unit.hardware.hw_support import JWS_PASS, Recorder, iin

IIN = iin("02020260004")
QUICK = BackoffPolicy(initial_s=0.02, max_s=0.1)


def test_splitter_takes_cr_lf_and_crlf_even_across_reads() -> None:
    splitter = LineSplitter()
    assert splitter.feed(b"one\rtwo\nthree\r") == [b"one", b"two", b"three"]
    assert splitter.feed(b"\nfour\r\n\r\n") == [b"four"]
    assert splitter.feed(b"fi") == []
    assert splitter.feed(b"ve\r") == [b"five"]


def test_splitter_drops_overlong_lines_whole() -> None:
    splitter = LineSplitter(max_bytes=4)
    assert splitter.feed(b"12345678\nok\n") == [b"ok"]
    splitter.feed(b"part")
    splitter.reset()
    assert splitter.feed(b"\nx\n") == [b"x"]


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="port"):
        SerialSettings(port="")
    with pytest.raises(ValueError):
        SerialSettings(port="COM3", baudrate=0)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals on this platform")
def test_reads_lines_from_a_real_port() -> None:
    master, slave = os.openpty()
    name = os.ttyname(slave)
    lines = Recorder()
    scanner = SerialScanner(
        SerialSettings(port=name, baudrate=115200, read_timeout_s=0.05, backoff=QUICK),
        on_code=lines.on_code,
        on_state=lines.on_state,
    )
    try:
        scanner.start()
        assert lines.wait_for(lambda: "running" in lines.state_names())
        os.write(master, IIN.encode() + b"\r\n" + JWS_PASS.encode()[:40])
        os.write(master, JWS_PASS.encode()[40:] + "\rБекболат\n".encode())
        assert lines.wait_for(lambda: len(lines.texts()) == 3)
        assert lines.texts() == [IIN, JWS_PASS, "Бекболат"]
        # The scanner is unplugged: the port's other end goes away.
        os.close(master)
        master = -1
        assert lines.wait_for(lambda: "lost" in lines.state_names())
    finally:
        scanner.stop()
        if master >= 0:
            os.close(master)
        os.close(slave)
    assert lines.state_names() == ["starting", "running", "lost", "stopped"]


class FakePort:
    """Hands out chunks, then fails as an unplugged device does."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = list(chunks)
        self.closed = False
        self._idle = threading.Event()

    @property
    def in_waiting(self) -> int:
        return len(self.chunks[0]) if self.chunks else 0

    def read(self, size: int = 1) -> bytes:
        if not self.chunks:
            raise OSError("device disconnected")
        chunk = self.chunks.pop(0)
        if not chunk:
            self._idle.wait(0.01)  # a read that timed out with no data
        return chunk

    def close(self) -> None:
        self.closed = True


def test_reconnects_after_the_port_goes_away() -> None:
    ports: list[FakePort] = []
    script: list[list[bytes] | None] = [
        [b"first\r\n", b"", b"sec", b"ond\n"],
        None,  # unplugged: open fails
        [b"third\r"] + [b""] * 1000,
    ]

    def factory(settings: SerialSettings) -> Any:
        chunks = script.pop(0)
        if chunks is None:
            raise OSError("could not open port COM7")
        port = FakePort(chunks)
        ports.append(port)
        return port

    lines = Recorder()
    scanner = SerialScanner(
        SerialSettings(port="COM7", backoff=QUICK),
        on_code=lines.on_code,
        on_state=lines.on_state,
        port_factory=factory,
    )
    scanner.start()
    assert lines.wait_for(lambda: len(lines.texts()) == 3)
    scanner.stop()
    scanner.stop()
    assert lines.texts() == ["first", "second", "third"]
    assert lines.state_names() == ["starting", "running", "lost", "back", "stopped"]
    assert all(port.closed for port in ports)
    assert scanner.state is DeviceState.STOPPED
    with pytest.raises(RuntimeError):
        scanner.start()


def test_optional_debouncing_of_repeated_scans() -> None:
    script = [[b"A\nA\nB\nA\n"]]

    def factory(settings: SerialSettings) -> Any:
        return FakePort(script.pop(0) if script else [b""] * 1000)

    lines = Recorder()
    scanner = SerialScanner(
        SerialSettings(port="COM1", backoff=QUICK),
        on_code=lines.on_code,
        port_factory=factory,
        debouncer=Debouncer(window_s=60),
    )
    scanner.start()
    assert lines.wait_for(lambda: len(lines.texts()) == 2)
    scanner.stop()
    assert lines.texts() == ["A", "B"]
