"""`ashyq-kiosk install` on Linux for real: the unit it writes, checked by
systemd's own `systemd-analyze verify`; the XDG autostart entry where there is
no systemd; uninstall removing both; and `supervise`, the restarts where no
systemd makes them, with a program that really crashes."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from app import install_cmd
from app.supervise_cmd import supervise
from kiosk.health.runs import RESTART_BURST

SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


class Commands:
    """Records the commands install would run, answering each as told."""

    def __init__(self, answer: int = 0) -> None:
        self.ran: list[tuple[str, ...]] = []
        self.answer = answer

    def __call__(self, command: Sequence[str]) -> tuple[int, str]:
        self.ran.append(tuple(command))
        return self.answer, ""


def options(
    method: str, *, autostart: bool = True, uninstall: bool = False, config: Path | None = None
) -> argparse.Namespace:
    return argparse.Namespace(
        method=method,
        autostart=autostart,
        uninstall=uninstall,
        config=str(config) if config else None,
        data_dir=None,
    )


@pytest.mark.skipif(
    SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed (Debian: systemd)"
)
def test_install_autostart_writes_a_unit_systemd_analyze_verify_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    settings = tmp_path / "desk settings.toml"  # a space: ExecStart must quote it
    settings.write_text("", encoding="utf-8")
    commands = Commands()
    assert install_cmd.run(options("systemd", config=settings), commands) == 0
    unit = home / "systemd" / "user" / "ashyq-kiosk.service"
    assert unit.is_file()
    assert commands.ran == [
        ("systemctl", "--user", "daemon-reload"),
        ("systemctl", "--user", "enable", "ashyq-kiosk.service"),
    ]
    out = capsys.readouterr().out
    assert f'"wrote": "{unit}"' in out and '"installed": "systemd"' in out
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    verified = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", "--user", str(unit)],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert verified.returncode == 0, verified.stderr
    assert verified.stderr.strip() == "", verified.stderr  # not even a warning
    text = unit.read_text(encoding="utf-8")
    assert f'ExecStart={sys.executable} -m app run --config "{settings}"' in text

    commands = Commands()
    assert install_cmd.run(options("systemd", uninstall=True), commands) == 0
    assert commands.ran == [("systemctl", "--user", "disable", "--now", "ashyq-kiosk.service")]
    assert not unit.exists()


def test_without_systemd_an_autostart_entry_runs_the_supervisor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    assert install_cmd.run(options("xdg"), Commands()) == 0
    entry = home / "autostart" / "ashyq-kiosk.desktop"
    assert f"Exec={sys.executable} -m app supervise\n" in entry.read_text(encoding="utf-8")
    assert install_cmd.run(options("xdg", uninstall=True), Commands()) == 0
    assert not entry.exists()
    with pytest.raises(install_cmd.CliError, match="--autostart"):
        install_cmd.run(options("xdg", autostart=False), Commands())
    capsys.readouterr()


def test_a_command_that_fails_is_exit_1_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert install_cmd.run(options("systemd"), Commands(answer=1)) == 1
    assert '"ok": false' in capsys.readouterr().out


def test_the_windows_task_is_written_and_registered_with_schtasks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = options("windows")
    args.data_dir = str(tmp_path)
    commands = Commands()
    assert install_cmd.run(args, commands) == 0
    xml = tmp_path / "ashyq-kiosk-task.xml"
    assert (
        xml.read_bytes()[:2] == b"\xff\xfe"
    )  # UTF-16 with its byte order mark, as schtasks reads it
    assert commands.ran == [("schtasks", "/Create", "/TN", "ashyq-kiosk", "/XML", str(xml), "/F")]
    assert "supervise" in xml.read_text(encoding="utf-16")
    capsys.readouterr()


def test_supervise_restarts_a_crash_and_stays_down_after_three_in_a_minute(tmp_path: Path) -> None:
    counter = tmp_path / "starts"
    crashing = [
        sys.executable,
        "-c",
        f"open({str(counter)!r}, 'a').write('x'); raise SystemExit(3)",
    ]
    said: list[str] = []
    started = time.monotonic()
    assert supervise(crashing, delay_s=0.05, say=said.append) == 1
    assert counter.read_text() == "x" * RESTART_BURST
    assert time.monotonic() - started < 30
    assert said[-1].startswith(f"the kiosk crashed {RESTART_BURST} times within a minute")


def test_supervise_ends_with_the_kiosk_that_ends_cleanly(tmp_path: Path) -> None:
    counter = tmp_path / "starts"
    flaky = [
        sys.executable,
        "-c",
        f"import pathlib; p = pathlib.Path({str(counter)!r}); p.write_text(p.read_text() + 'x' "
        "if p.exists() else 'x'); raise SystemExit(0 if len(p.read_text()) == 2 else 1)",
    ]
    assert supervise(flaky, delay_s=0.05, say=lambda text: None) == 0
    assert counter.read_text() == "xx"  # one crash, one restart, a clean end
