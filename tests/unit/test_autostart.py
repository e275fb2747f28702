"""What `ashyq-kiosk install` writes on each platform, checked as the platform
reads it: the systemd unit's ExecStart, the desktop entry's Exec, the Windows
task's XML and its command line (Windows is not here: its files and commands
are what is tested)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import autostart
from kiosk.health.runs import RESTART_BURST, RESTART_INTERVAL_S

ODD = ("/opt/ashyq kiosk/ashyq-kiosk", "run", "--config", '/srv/a "b"/100%$HOME;x.toml')
NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def systemd_words(line: str) -> list[str]:
    """ExecStart split as systemd splits it (quotes, backslash escapes, %% and $$)."""
    words, word, quoted, i, started = [], "", False, 0, False
    while i < len(line):
        c = line[i]
        if c == "\\" and quoted:
            word, i = word + line[i + 1], i + 2
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started:
                words.append(word)
            word, started = "", False
        else:
            word, started = word + c, True
        i += 1
    if started:
        words.append(word)
    return [w.replace("%%", "%").replace("$$", "$") for w in words]


def desktop_words(line: str) -> list[str]:
    """Exec split as the Desktop Entry Specification says."""
    words, word, quoted, i, started = [], "", False, 0, False
    while i < len(line):
        c = line[i]
        if quoted and c == "\\":
            word, i = word + line[i + 1], i + 2
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started:
                words.append(word)
            word, started = "", False
        else:
            word, started = word + c, True
        i += 1
    if started:
        words.append(word)
    return [w.replace("%%", "%") for w in words]


def windows_argv(line: str) -> list[str]:
    """A command line split as CommandLineToArgvW splits it (after the program)."""
    args, word, quoted, i, started = [], "", False, 0, False
    while i < len(line):
        c = line[i]
        if c == "\\":
            n = 0
            while i < len(line) and line[i] == "\\":
                n, i = n + 1, i + 1
            if i < len(line) and line[i] == '"':
                word += "\\" * (n // 2)
                if n % 2:
                    word, i = word + '"', i + 1
                started = True
            else:
                word += "\\" * n
                started = True
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c in " \t" and not quoted:
            if started:
                args.append(word)
            word, started = "", False
        else:
            word, started = word + c, True
        i += 1
    if started:
        args.append(word)
    return args


def test_the_unit_restarts_after_a_crash_but_not_a_fourth_time_in_a_minute() -> None:
    unit = autostart.systemd_unit(ODD)
    lines = unit.splitlines()
    assert "Restart=on-failure" in lines
    assert f"StartLimitIntervalSec={RESTART_INTERVAL_S}" in lines
    assert f"StartLimitBurst={RESTART_BURST}" in lines
    assert (RESTART_INTERVAL_S, RESTART_BURST) == (60, 3)
    assert "WantedBy=graphical-session.target" in lines
    exec_line = next(line for line in lines if line.startswith("ExecStart="))
    assert systemd_words(exec_line.removeprefix("ExecStart=")) == list(ODD)


def test_the_autostart_entry_runs_the_supervisor_with_its_words_intact() -> None:
    entry = autostart.desktop_entry(ODD)
    assert entry.startswith("[Desktop Entry]\nType=Application\n")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert desktop_words(exec_line.removeprefix("Exec=")) == list(ODD)


@pytest.mark.parametrize("logon", [True, False])
def test_the_windows_task_is_for_every_user_and_restarts_on_failure(logon: bool) -> None:
    command = (
        r"C:\Program Files\ashyq-kiosk\ashyq-kiosk.exe",
        "supervise",
        "--config",
        r'C:\Kiosk & Co\desk "1".toml',
    )
    xml = autostart.task_xml(command, autostart=logon)
    root = ET.fromstring(xml.encode("utf-16"))
    assert root.find("t:Principals/t:Principal/t:GroupId", NS).text == "S-1-5-32-545"
    assert root.find("t:Principals/t:Principal/t:RunLevel", NS).text == "LeastPrivilege"
    assert (root.find("t:Triggers/t:LogonTrigger", NS) is not None) is logon
    restart = root.find("t:Settings/t:RestartOnFailure", NS)
    assert restart.find("t:Count", NS).text == "3"
    assert restart.find("t:Interval", NS).text == "PT1M"
    assert root.find("t:Settings/t:ExecutionTimeLimit", NS).text == "PT0S"  # no time limit
    assert root.find("t:Settings/t:DisallowStartIfOnBatteries", NS).text == "false"
    exec_ = root.find("t:Actions/t:Exec", NS)
    assert exec_.find("t:Command", NS).text == command[0]
    assert windows_argv(exec_.find("t:Arguments", NS).text) == list(command[1:])
    assert exec_.find("t:WorkingDirectory", NS).text == r"C:\Program Files\ashyq-kiosk"


def test_the_windows_plan_writes_utf16_xml_and_registers_it_with_schtasks(tmp_path: Path) -> None:
    plan = autostart.windows_plan(tmp_path, ("C:\\k\\ashyq-kiosk.exe", "supervise"), autostart=True)
    [(path, text, encoding)] = plan.files
    assert (path, encoding) == (tmp_path / "ashyq-kiosk-task.xml", "utf-16")
    assert text.startswith('<?xml version="1.0" encoding="UTF-16"?>')
    assert plan.commands == (
        ("schtasks", "/Create", "/TN", "ashyq-kiosk", "/XML", str(path), "/F"),
    )
    assert any("OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0" in note for note in plan.notes)
    removal = autostart.windows_removal(tmp_path)
    assert removal.commands == (("schtasks", "/Delete", "/TN", "ashyq-kiosk", "/F"),)
    assert removal.remove == (path,)


def test_the_linux_plans_name_their_files_and_commands(tmp_path: Path) -> None:
    plan = autostart.systemd_plan(tmp_path, ("/usr/bin/ashyq-kiosk", "run"), autostart=True)
    assert [f[0] for f in plan.files] == [tmp_path / "systemd" / "user" / "ashyq-kiosk.service"]
    assert plan.commands == (
        ("systemctl", "--user", "daemon-reload"),
        ("systemctl", "--user", "enable", "ashyq-kiosk.service"),
    )
    without = autostart.systemd_plan(tmp_path, ("/usr/bin/ashyq-kiosk", "run"), autostart=False)
    assert without.commands == (("systemctl", "--user", "daemon-reload"),)
    xdg = autostart.xdg_plan(tmp_path, ("/usr/bin/ashyq-kiosk", "supervise"))
    assert [f[0] for f in xdg.files] == [tmp_path / "autostart" / "ashyq-kiosk.desktop"]
