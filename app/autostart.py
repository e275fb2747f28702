"""What `ashyq-kiosk install` writes and runs on each platform, as values: the
systemd user unit, the XDG autostart entry, the Windows scheduled task (its
XML and the schtasks command lines). Building them is pure, so the Windows
plan is tested here on Linux, byte for byte.

The restart rule is the run log's (kiosk.health.runs): a kiosk that crashes
three times within a minute is left stopped, and says so at the next start.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from xml.sax.saxutils import escape

from kiosk.health.runs import RESTART_BURST, RESTART_DELAY_S, RESTART_INTERVAL_S

NAME = "ashyq-kiosk"
UNIT = f"{NAME}.service"
TASK = NAME
USERS_GROUP_SID = "S-1-5-32-545"
"""BUILTIN\\Users: the task runs for whoever logs on, a kiosk account made after
the installation too (a per-user task is invisible to it)."""
MSMF_VARIABLE = "OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS"


@dataclass(frozen=True)
class Plan:
    """Files to write (path, text, encoding), then commands to run; for an
    uninstall, commands first, then files to remove."""

    method: str
    files: tuple[tuple[Path, str, str], ...] = ()
    commands: tuple[tuple[str, ...], ...] = ()
    remove: tuple[Path, ...] = ()
    notes: tuple[str, ...] = field(default=())


def kiosk_command(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """How this installation starts the kiosk: the bundle's own executable, or
    this Python with the app package (a clone or a venv)."""
    if getattr(sys, "frozen", False):
        windowless = Path(sys.executable).with_name("ashyq-kiosk-desk.exe")
        if sys.platform == "win32" and windowless.is_file():
            return (str(windowless), *extra)  # no console window over the screens
        return (sys.executable, *extra)
    return (sys.executable, "-m", "app", *extra)


# -- Linux: systemd ----------------------------------------------------------------------


def systemd_unit(command: tuple[str, ...]) -> str:
    """A user service: started with the graphical session, restarted after a
    crash, left stopped after RESTART_BURST starts within RESTART_INTERVAL_S."""
    return (
        "[Unit]\n"
        "Description=ashyq-kiosk reception terminal\n"
        "After=graphical-session.target\n"
        "PartOf=graphical-session.target\n"
        f"StartLimitIntervalSec={RESTART_INTERVAL_S}\n"
        f"StartLimitBurst={RESTART_BURST}\n"
        "\n"
        "[Service]\n"
        "Type=simple\n"
        f"ExecStart={systemd_quote(command)}\n"
        "Restart=on-failure\n"
        f"RestartSec={RESTART_DELAY_S}\n"
        "# SIGTERM ends the kiosk cleanly (exit 0): no restart after a stop or a log-out.\n"
        "TimeoutStopSec=20\n"
        "Environment=PYTHONUNBUFFERED=1\n"
        "\n"
        "[Install]\n"
        "WantedBy=graphical-session.target\n"
    )


def systemd_quote(command: tuple[str, ...]) -> str:
    """ExecStart's words: each quoted when it needs it (systemd's own quoting:
    double quotes, backslash escapes; `%` doubled, `$` doubled)."""
    words = []
    for word in command:
        text = word.replace("%", "%%").replace("$", "$$")
        if not text or any(c in text for c in " \t\"'\\;"):
            text = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        words.append(text)
    return " ".join(words)


def systemd_plan(config_home: Path, command: tuple[str, ...], *, autostart: bool) -> Plan:
    unit = config_home / "systemd" / "user" / UNIT
    commands: list[tuple[str, ...]] = [("systemctl", "--user", "daemon-reload")]
    if autostart:
        commands.append(("systemctl", "--user", "enable", UNIT))
    return Plan(
        "systemd", files=((unit, systemd_unit(command), "utf-8"),), commands=tuple(commands)
    )


def systemd_removal(config_home: Path) -> Plan:
    unit = config_home / "systemd" / "user" / UNIT
    return Plan(
        "systemd",
        commands=(("systemctl", "--user", "disable", "--now", UNIT),),
        remove=(unit,),
    )


# -- Linux without systemd: XDG autostart ----------------------------------------------------


def desktop_entry(command: tuple[str, ...]) -> str:
    """An XDG autostart entry that starts the supervisor (the restarts systemd
    would do, done by `ashyq-kiosk supervise`)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=ashyq-kiosk\n"
        "Comment=Reception terminal, restarted after a crash\n"
        f"Exec={desktop_quote(command)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def desktop_quote(command: tuple[str, ...]) -> str:
    """Exec's words, quoted as the Desktop Entry Specification says."""
    words = []
    for word in command:
        text = word.replace("%", "%%")
        if not text or any(c in text for c in " \t\n\"'\\><~|&;$*?#()`"):
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in text)
            text = f'"{escaped}"'
        words.append(text)
    return " ".join(words)


def xdg_plan(config_home: Path, command: tuple[str, ...]) -> Plan:
    entry = config_home / "autostart" / f"{NAME}.desktop"
    return Plan("xdg-autostart", files=((entry, desktop_entry(command), "utf-8"),))


def xdg_removal(config_home: Path) -> Plan:
    return Plan("xdg-autostart", remove=(config_home / "autostart" / f"{NAME}.desktop",))


# -- Windows: a scheduled task ----------------------------------------------------------------


def task_xml(command: tuple[str, ...], *, autostart: bool) -> str:
    """The task: for every user who logs on (BUILTIN\\Users, so a kiosk account
    made later sees it), no time limit, not stopped on batteries, restarted by
    the Task Scheduler RESTART_BURST times a minute should it fail to start;
    the supervisor it runs restarts the kiosk after a crash."""
    program, arguments = command[0], windows_arguments(command[1:])
    trigger = (
        "    <LogonTrigger>\n      <Enabled>true</Enabled>\n    </LogonTrigger>\n"
        if autostart
        else ""
    )
    working = str(PureWindowsPath(program).parent) if program else ""  # built on any OS
    return (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\n'
        "  <RegistrationInfo>\n"
        "    <Description>ashyq-kiosk reception terminal</Description>\n"
        f"    <URI>\\{TASK}</URI>\n"
        "  </RegistrationInfo>\n"
        f"  <Triggers>\n{trigger}  </Triggers>\n"
        "  <Principals>\n"
        '    <Principal id="Users">\n'
        f"      <GroupId>{USERS_GROUP_SID}</GroupId>\n"
        "      <RunLevel>LeastPrivilege</RunLevel>\n"
        "    </Principal>\n"
        "  </Principals>\n"
        "  <Settings>\n"
        "    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\n"
        "    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\n"
        "    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\n"
        "    <AllowHardTerminate>true</AllowHardTerminate>\n"
        "    <StartWhenAvailable>true</StartWhenAvailable>\n"
        "    <IdleSettings>\n"
        "      <StopOnIdleEnd>false</StopOnIdleEnd>\n"
        "      <RestartOnIdle>false</RestartOnIdle>\n"
        "    </IdleSettings>\n"
        "    <Enabled>true</Enabled>\n"
        "    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>\n"
        "    <RestartOnFailure>\n"
        f"      <Interval>PT{max(1, RESTART_INTERVAL_S // 60)}M</Interval>\n"
        f"      <Count>{RESTART_BURST}</Count>\n"
        "    </RestartOnFailure>\n"
        "  </Settings>\n"
        '  <Actions Context="Users">\n'
        "    <Exec>\n"
        f"      <Command>{escape(program)}</Command>\n"
        f"      <Arguments>{escape(arguments)}</Arguments>\n"
        f"      <WorkingDirectory>{escape(working)}</WorkingDirectory>\n"
        "    </Exec>\n"
        "  </Actions>\n"
        "</Task>\n"
    )


def windows_arguments(words: tuple[str, ...]) -> str:
    """A command line Windows programs split back into *words* (the rules of
    CommandLineToArgvW, as subprocess.list2cmdline follows them)."""
    import subprocess

    return subprocess.list2cmdline(list(words))


def windows_plan(folder: Path, command: tuple[str, ...], *, autostart: bool) -> Plan:
    """The task's XML in *folder* (the data folder), registered with schtasks
    (an administrator's prompt: a task for every user is per machine)."""
    xml = folder / f"{TASK}-task.xml"
    return Plan(
        "windows-task",
        files=((xml, task_xml(command, autostart=autostart), "utf-16"),),
        commands=(("schtasks", "/Create", "/TN", TASK, "/XML", str(xml), "/F"),),
        notes=(
            f"camera: on Windows the kiosk sets {MSMF_VARIABLE}=0 itself (Media "
            'Foundation opens cameras in seconds then); [camera] backend = "dshow" '
            "opens faster still",
        ),
    )


def windows_removal(folder: Path) -> Plan:
    return Plan(
        "windows-task",
        commands=(("schtasks", "/Delete", "/TN", TASK, "/F"),),
        remove=(folder / f"{TASK}-task.xml",),
    )
