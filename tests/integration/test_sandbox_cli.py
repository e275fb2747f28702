"""`ashyq-kiosk sandbox` (the server, as a real process) and `ashyq-kiosk sandbox pass`."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import main
from kiosk.passes import TrustList, verify_pass
from kiosk.status import Status
from sandbox.people import DEMO_PEOPLE
from sandbox.service import SandboxService
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    REPO,
    VENUE_BIN,
    SandboxHttp,
    checked_session,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _trust_of(db: Path) -> TrustList:
    service = SandboxService.open(db)
    try:
        return TrustList.from_jwks(service.jwks())
    finally:
        service.close()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def test_sandbox_pass_prints_a_pass_that_verifies_and_draws_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, png = tmp_path / "sb.sqlite3", tmp_path / "pass.png"
    iin = DEMO_IIN["yellow"]
    code, out, _ = _run(capsys, "sandbox", "pass", iin, "--png", str(png), "--db", str(db))
    assert code == 0
    visitor = verify_pass(out["pass"], _trust_of(db), now=time.time())
    assert (visitor.iin, visitor.status, visitor.name) == (iin, Status.YELLOW, out["name"])
    assert out["png"] == str(png)
    assert png.read_bytes().startswith(PNG_SIGNATURE)
    cv2 = pytest.importorskip("cv2")
    zxingcpp = pytest.importorskip("zxingcpp")
    found = zxingcpp.read_barcodes(cv2.imread(str(png), cv2.IMREAD_GRAYSCALE))
    assert [r.text for r in found] == [out["pass"]]


def test_sandbox_pass_sets_the_status_and_keeps_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "sb.sqlite3"
    unknown = "000101500011"
    _, first, _ = _run(capsys, "sandbox", "--db", str(db), "pass", unknown, "--status", "red")
    _, second, _ = _run(capsys, "sandbox", "pass", unknown, "--db", str(db))
    assert first["status"] == second["status"] == "red"
    assert first["kid"] == second["kid"]
    trust = _trust_of(db)
    assert verify_pass(second["pass"], trust, now=time.time()).status is Status.RED


def test_sandbox_pass_uses_the_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    code, out, _ = _run(capsys, "--data-dir", str(folder), "sandbox", "pass", DEMO_IIN["green"])
    assert code == 0 and out["status"] == "green"
    assert (folder / "sandbox.sqlite3").is_file()


@pytest.mark.parametrize(
    "argv",
    [
        ("sandbox", "pass", "850314310248"),
        ("sandbox", "pass", "hello"),
        ("sandbox", "pass", DEMO_IIN["green"], "--lifetime", "0"),
        ("sandbox", "--port", "70000"),
        ("sandbox", "--port", "0", "--device-token", " "),
        ("sandbox", "--port", "0", "--doctor-token", "room-1"),
        ("sandbox", "--port", "0", "--doctor-token", "12345:room-1"),
        ("sandbox", "--port", "0", "--doctor-token", f"{VENUE_BIN}:"),
        ("sandbox", "--port", "0", "--device-token", "x", "--doctor-token", f"{VENUE_BIN}:x"),
    ],
)
def test_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = _run(capsys, *argv, "--db", str(tmp_path / "sb.sqlite3"))
    assert (code, out) == (2, None)
    assert err.startswith("ashyq-kiosk: ")


class _Process:
    """The sandbox command in a child process, its stdout read line by line."""

    def __init__(self, *argv: str) -> None:
        command = [sys.executable, "-c", "import sys; from app import main; sys.exit(main())"]
        self.proc = subprocess.Popen(
            [*command, *argv],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._result: tuple[int, str] | None = None
        self._reader = threading.Thread(target=self._read, name="cli-reader")
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def line(self, timeout: float = 20.0) -> dict[str, Any]:
        try:
            text = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("no output from the sandbox command") from None
        parsed: dict[str, Any] = json.loads(text)
        return parsed

    def finish(self, timeout: float = 15.0) -> tuple[int, str]:
        """Wait for the exit (killing it after *timeout*); exit code and stderr. Idempotent."""
        if self._result is None:
            try:
                code = self.proc.wait(timeout)
            finally:
                if self.proc.poll() is None:
                    self.proc.kill()
                    self.proc.wait(5)
                self._reader.join(5)
            assert self.proc.stderr is not None and self.proc.stdout is not None
            self._result = code, self.proc.stderr.read()
            self.proc.stderr.close()
            self.proc.stdout.close()
        return self._result


@pytest.fixture
def sandbox_process(tmp_path: Path) -> Iterator[_Process]:
    process = _Process(
        "sandbox",
        "--port",
        "0",
        "--db",
        str(tmp_path / "cli.sqlite3"),
        "--device-token",
        "desk-1",
        "--device-token",
        "desk-2",
        "--doctor-token",
        f"{VENUE_BIN}:room-1",
    )
    yield process
    if process.proc.poll() is None:
        process.proc.kill()
    process.finish()  # reaps the child and joins the reader thread


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals to a child process")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_server_command_serves_and_stops_cleanly_on_a_signal(
    sandbox_process: _Process, signum: signal.Signals
) -> None:
    started = sandbox_process.line()
    assert started["sandbox"] == "listening"
    assert started["tokens"] == ["desk-1", "desk-2"]
    assert started["devices"] == [
        {"token": "desk-1", "role": "desk", "venue": None},
        {"token": "desk-2", "role": "desk", "venue": None},
        {"token": "room-1", "role": "doctor", "venue": VENUE_BIN},
    ]
    assert [p["iin"] for p in started["people"]] == [p.iin for p in DEMO_PEOPLE]
    url = started["url"]
    assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")
    with checked_session(None) as session:
        http = SandboxHttp(url, session)
        answer = http.get(f"/v1/status/{DEMO_IIN['red']}", token="desk-2")
        assert answer.json()["status"] == "red"
        assert http.get("/v1/keys", token="demo").status_code == 401
        assert http.get("/v1/keys", token="demo-doctor").status_code == 401
        listed = http.get(f"/v1/venues/{VENUE_BIN}/referrals", token="room-1")
        assert listed.json()["referrals"] == []
    sandbox_process.proc.send_signal(signum)
    assert sandbox_process.line() == {"sandbox": "stopped"}
    code, err = sandbox_process.finish()
    assert code == 0, err
    assert "Traceback" not in err


def test_the_server_command_reports_a_port_in_use(tmp_path: Path) -> None:
    first = _Process("sandbox", "--port", "0", "--db", str(tmp_path / "a.sqlite3"))
    try:
        port = first.line()["url"].rsplit(":", 1)[1]
        second = _Process("sandbox", "--port", port, "--db", str(tmp_path / "b.sqlite3"))
        code, err = second.finish()
        assert code == 3 and "cannot start the sandbox" in err
    finally:
        first.proc.kill()
        first.finish()
