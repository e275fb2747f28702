"""`ashyq-kiosk doctor` on real things: the sandbox on loopback (up, down, a
token it refuses), a damaged database, a camera that is a video file of a
phone showing a pass, a serial port that is there (a pseudo-terminal) or not,
a Modbus gate module that answers or does not, and a settings file with a bad
value. Exit 0 nothing failed, 1 something did, 2 bad settings."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import cv2
import pytest

from hardware.gate.standin import StandInModule
from hardware.synthetic import phone_frame
from sandbox.server import SandboxServer
from tests.integration.doctor_process import ROOT, by_check, doctor
from tests.integration.terminal_process import DEAD_SERVICE, desk_config


def test_a_desk_whose_service_answers_has_nothing_failed(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    config = desk_config(tmp_path / "desk.toml", sandbox.url)
    code, lines, said = doctor(config, tmp_path / "data")
    results = by_check(lines)
    assert code == 0, (lines, said)
    assert list(results) == [
        "settings",
        "data_folder",
        "disk_space",
        "database",
        "service",
        "clock",
        "pass_keys",
        "camera",
        "scanner",
        "sound",
        "printer",
        "gate",
        "restarts",
        "log",
    ]
    service = results["service"]
    assert (service["result"], service["reason"], service["url"]) == (
        "ok",
        "reachable",
        sandbox.url,
    )
    assert 0 <= service["rtt_ms"] < 5000
    assert results["clock"]["result"] == "ok" and abs(results["clock"]["skew_s"]) < 5
    assert results["database"]["reason"] == "intact"
    assert results["disk_space"]["free_mb"] > 0
    assert results["camera"]["reason"] == "not_configured"
    assert results["log"]["path"].endswith("kiosk.log")
    summary = lines[-1]
    assert summary["summary"] in ("ok", "warning") and summary["failed_checks"] == []
    assert summary["log_file"] == results["log"]["path"]
    assert "Traceback" not in said


def test_an_unreachable_service_fails_and_is_named_with_the_disk_check(tmp_path: Path) -> None:
    config = desk_config(tmp_path / "desk.toml", DEAD_SERVICE)
    code, lines, _ = doctor(config, tmp_path / "data")
    results = by_check(lines)
    assert code == 1
    assert results["service"]["result"] == "failed"
    assert results["service"]["reason"] == "unreachable"
    assert results["service"]["detail"] == "Connection refused"
    assert results["clock"]["reason"] == "not_measured"
    assert results["disk_space"]["result"] == "ok"
    assert lines[-1]["summary"] == "failed" and lines[-1]["failed_checks"] == ["service"]


def test_a_token_the_service_refuses_is_said_so(tmp_path: Path, sandbox: SandboxServer) -> None:
    config = desk_config(tmp_path / "desk.toml", sandbox.url)
    config.write_text(
        config.read_text(encoding="utf-8").replace("[service]\n", '[service]\ntoken = "stolen"\n'),
        encoding="utf-8",
    )
    code, lines, _ = doctor(config, tmp_path / "data")
    assert code == 1
    assert by_check(lines)["service"]["reason"] == "device_not_registered"


def test_bad_settings_are_exit_2_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    config.write_text('[venue]\nbin = "12345"\n[camera]\nfps = "fast"\n', encoding="utf-8")
    code, lines, _ = doctor(config, tmp_path / "data")
    assert code == 2
    settings = by_check(lines)["settings"]
    assert (settings["result"], settings["reason"]) == ("failed", "invalid")
    assert settings["keys"] == "venue.bin,camera.fps"
    assert lines[-1]["summary"] == "failed"


def test_a_damaged_database_fails_and_says_recover(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "kiosk.sqlite3").write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    code, lines, _ = doctor(desk_config(tmp_path / "desk.toml", DEAD_SERVICE), data)
    database = by_check(lines)["database"]
    assert code == 1
    assert database["result"] == "failed"
    assert database["reason"] in ("damaged", "cannot_open")
    assert database["problem"] == "unreadable"


def test_a_camera_is_opened_read_and_a_frame_decoded(tmp_path: Path) -> None:
    """The camera is a video file (OpenCV opens a path as it opens a device):
    a phone showing a code, 640x480 at 15 fps."""
    video = tmp_path / "phone.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 15.0, (640, 480))
    for _ in range(10):
        writer.write(phone_frame("870412300005"))
    writer.release()
    config = desk_config(
        tmp_path / "desk.toml",
        DEAD_SERVICE,
        more=f'[camera]\ndevice = "{video}"\nmjpg = false\nwidth = 640\nheight = 480\nfps = 15\n',
    )
    config.write_text(
        config.read_text(encoding="utf-8").replace('[camera]\ndevice = "none"\n', ""),
        encoding="utf-8",
    )
    _, lines, said = doctor(config, tmp_path / "data")
    camera = by_check(lines)["camera"]
    assert (camera["result"], camera["reason"]) == ("ok", "working"), (camera, said)
    assert (camera["width"], camera["height"], camera["fps"]) == (640, 480, 15.0)
    assert camera["codes"] == 1
    assert camera["open_s"] < 3


def test_a_camera_that_is_not_there_fails(tmp_path: Path) -> None:
    config = desk_config(tmp_path / "desk.toml", DEAD_SERVICE)
    config.write_text(
        config.read_text(encoding="utf-8").replace('device = "none"', 'device = "/dev/video97"'),
        encoding="utf-8",
    )
    _, lines, _ = doctor(config, tmp_path / "data")
    camera = by_check(lines)["camera"]
    assert (camera["result"], camera["reason"], camera["device"]) == (
        "failed",
        "not_opened",
        "/dev/video97",
    )


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal stands in for the port")
def test_a_serial_scanner_port_that_is_there_or_not(tmp_path: Path) -> None:
    main, port = os.openpty()
    try:
        present = desk_config(
            tmp_path / "a.toml",
            DEAD_SERVICE,
            more=f'[scanner]\nserial_port = "{os.ttyname(port)}"\n',
        )
        _, lines, _ = doctor(present, tmp_path / "data", "--no-camera")
        assert by_check(lines)["scanner"]["reason"] == "present"
    finally:
        os.close(main)
        os.close(port)
    missing = desk_config(
        tmp_path / "b.toml", DEAD_SERVICE, more='[scanner]\nserial_port = "/dev/ttyACM97"\n'
    )
    _, lines, _ = doctor(missing, tmp_path / "data", "--no-camera")
    scanner = by_check(lines)["scanner"]
    assert (scanner["result"], scanner["reason"], scanner["port"]) == (
        "failed",
        "port_missing",
        "/dev/ttyACM97",
    )


def test_the_gate_is_asked_and_never_pulsed(tmp_path: Path) -> None:
    module = StandInModule()
    host, port = module.serve_tcp()
    try:
        gate = f'[gate]\ndriver = "modbus-tcp"\nhost = "{host}"\nport = {port}\n'
        config = desk_config(tmp_path / "desk.toml", DEAD_SERVICE, more=gate)
        _, lines, _ = doctor(config, tmp_path / "data", "--no-camera")
        result = by_check(lines)["gate"]
        assert (result["result"], result["reason"], result["driver"]) == (
            "ok",
            "reachable",
            "modbus-tcp",
        )
        assert module.writes == []  # nothing switched
    finally:
        module.stop()
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        free = closed.getsockname()[1]
    gate = f'[gate]\ndriver = "modbus-tcp"\nhost = "127.0.0.1"\nport = {free}\n'
    config = desk_config(tmp_path / "gone.toml", DEAD_SERVICE, more=gate)
    code, lines, _ = doctor(config, tmp_path / "data", "--no-camera")
    assert code == 1
    assert by_check(lines)["gate"]["reason"] == "unreachable"


def test_the_text_is_in_the_staff_language(tmp_path: Path) -> None:
    config = desk_config(
        tmp_path / "desk.toml", DEAD_SERVICE, more='[screens]\nlanguages = ["ru", "kk", "en"]\n'
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "doctor",
            "--config",
            str(config),
            "--data-dir",
            str(tmp_path / "data"),
            "--no-camera",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
        check=False,
    )
    assert done.returncode == 1
    assert "Место на диске: свободно" in done.stdout
    assert "СБОЙ" in done.stdout and "Сервис: http://127.0.0.1:9 не отвечает" in done.stdout
    kazakh = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "doctor",
            "--lang",
            "kk",
            "--config",
            str(config),
            "--data-dir",
            str(tmp_path / "data"),
            "--no-camera",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
        check=False,
    )
    assert "Дискідегі орын" in kazakh.stdout
