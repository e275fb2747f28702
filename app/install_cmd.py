"""`ashyq-kiosk install [--autostart] [--uninstall]`: start the kiosk with the PC
and again after a crash.

Linux: a systemd user service (`Restart=on-failure`, at most three starts a
minute), enabled for the graphical session with `--autostart`; where there is
no systemd user manager, an XDG autostart entry that runs `ashyq-kiosk
supervise` (the same restarts). Windows: a scheduled task for every user who
logs on, registered with schtasks (from an administrator's prompt), running
`ashyq-kiosk supervise`.

One JSON line per file written or removed and per command run, then
`{"installed"|"uninstalled": method, …}`. Exit 0 done, 1 a command failed,
2 bad input.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.common import EXIT_NEGATIVE, EXIT_OK, CliError, add_command, print_json

if TYPE_CHECKING:
    from app.autostart import Plan

METHODS = ("auto", "systemd", "xdg", "windows")
Runner = Callable[[Sequence[str]], tuple[int, str]]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub, "install", "Start the kiosk with the PC (--autostart) and again after a crash."
    )
    parser.add_argument(
        "--autostart", action="store_true", help="start the kiosk when a user logs on"
    )
    parser.add_argument("--uninstall", action="store_true", help="remove what install wrote")
    parser.add_argument(
        "--method",
        choices=METHODS,
        default="auto",
        help="systemd (a user service), xdg (an autostart entry), windows (a scheduled "
        "task); default: what this PC has",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, runner: Runner | None = None) -> int:
    method = args.method if args.method != "auto" else detect_method()
    plan = make_plan(method, args)
    return carry_out(
        plan, runner or run_command, uninstall=args.uninstall, autostart=args.autostart
    )


def detect_method() -> str:
    if sys.platform == "win32":
        return "windows"
    if shutil.which("systemctl") and _user_manager():
        return "systemd"
    return "xdg"


def _user_manager() -> bool:
    """Whether a systemd user manager answers (not in a container, an SSH-only box…)."""
    try:
        done = subprocess.run(
            ["systemctl", "--user", "show-environment"],
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def make_plan(method: str, args: argparse.Namespace) -> Plan:
    from app import autostart
    from app.context import data_dir

    passed: list[str] = []
    for option, value in (
        ("--config", getattr(args, "config", None)),
        ("--data-dir", getattr(args, "data_dir", None)),
    ):
        if value:
            passed += [option, str(Path(value).resolve())]
    config_home = _config_home()
    if method == "systemd":
        command = autostart.kiosk_command(("run", *passed))
        if args.uninstall:
            return autostart.systemd_removal(config_home)
        return autostart.systemd_plan(config_home, command, autostart=args.autostart)
    supervised = autostart.kiosk_command(("supervise", *passed))
    if method == "xdg":
        if args.uninstall:
            return autostart.xdg_removal(config_home)
        if not args.autostart:
            raise CliError(
                "without systemd the kiosk starts at log-on or not at all: add --autostart"
            )
        return autostart.xdg_plan(config_home, supervised)
    folder = data_dir(args)
    if args.uninstall:
        return autostart.windows_removal(folder)
    return autostart.windows_plan(folder, supervised, autostart=args.autostart)


def _config_home() -> Path:
    """$XDG_CONFIG_HOME, or ~/.config (where systemd and XDG autostart look)."""
    value = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"


def carry_out(plan: Plan, runner: Runner, *, uninstall: bool, autostart: bool) -> int:
    code = EXIT_OK
    if uninstall:
        code = _commands(plan, runner)
        for path in plan.remove:
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise CliError(
                    f"{path}: cannot remove it ({exc.strerror})", EXIT_NEGATIVE
                ) from None
            print_json({"removed": str(path)})
        print_json({"uninstalled": plan.method})
        return code
    for path, text, encoding in plan.files:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding=encoding, newline="\n" if encoding == "utf-8" else None)
        except OSError as exc:
            raise CliError(f"{path}: cannot write it ({exc.strerror})", EXIT_NEGATIVE) from None
        print_json({"wrote": str(path)})
    code = _commands(plan, runner)
    for note in plan.notes:
        print_json({"note": note})
    print_json({"installed": plan.method, "autostart": autostart, "ok": code == EXIT_OK})
    return code


def _commands(plan: Plan, runner: Runner) -> int:
    code = EXIT_OK
    for command in plan.commands:
        status, output = runner(command)
        print_json({"ran": list(command), "exit": status, "output": output or None})
        if status != 0:
            code = EXIT_NEGATIVE
    return code


def run_command(command: Sequence[str]) -> tuple[int, str]:
    """Run *command*; its exit status and what it said (127: not found)."""
    try:
        done = subprocess.run(
            list(command), capture_output=True, text=True, timeout=60, check=False
        )
    except FileNotFoundError:
        return 127, f"{command[0]}: not found"
    except (OSError, subprocess.SubprocessError) as exc:
        return 1, str(exc)
    said = (done.stdout + done.stderr).strip()
    return done.returncode, said[-500:]
