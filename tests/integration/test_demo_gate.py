"""`ashyq-kiosk demo --config FILE`: the file's `[gate]` table replaces the
stand-in gate (`driver = "none"`: no gate); a bad one is refused, naming the key."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _demo(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path)}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    args = ["demo", "--headless", *argv]
    program = f"import sys; from app import main; sys.exit(main({args!r}))"
    return subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_a_gate_table_saying_none_runs_the_demo_without_a_gate(tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.toml"
    settings.write_text('[gate]\ndriver = "none"\n', encoding="utf-8")
    proc = _demo(tmp_path, "--airport", "--config", str(settings))
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    boarded = next(line for line in lines if line["scene"] == "the passenger again at the gate")
    assert boarded["decision"] == "admit"
    assert not [line for line in lines if "gate" in line]
    assert lines[-1] == {"scene": "end of the airport demo"}


def test_a_gate_table_the_kiosk_cannot_use_is_refused_naming_the_key(tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.toml"
    settings.write_text('[gate]\ndriver = "modbus"\n', encoding="utf-8")
    proc = _demo(tmp_path, "--config", str(settings))
    assert proc.returncode == 2
    assert "gate.driver" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_gate_status_of_a_module_not_there_says_so_in_its_own_words(tmp_path: Path) -> None:
    """What docs/hardware.md quotes: one JSON line, nothing of the Modbus library's on stderr."""
    import socket

    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = tmp_path / "kiosk.toml"
    settings.write_text(
        f'[gate]\ndriver = "modbus-tcp"\nhost = "127.0.0.1"\nport = {port}\n'
        "entry_passage_input = 0\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path)}
    program = "import sys; from app import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", program, "gate", "status", "--config", str(settings)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    status = json.loads(proc.stdout)
    assert status["reachable"] is False
    assert status["detail"] == f"cannot connect to 127.0.0.1:{port}"
    assert proc.stderr == ""
