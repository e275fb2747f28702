"""`ashyq-kiosk run`: the kiosk's main job.

`run --headless` is the terminal desk: codes from the camera, a serial
scanner and the terminal (where keyboard-wedge scanners type), decisions
and alerts as JSON lines on stdout, staff keys at the terminal (see
app/terminal.py). Plain `run` opens the screens when a display is present
and falls back to the terminal desk, saying so, when there is none.
"""

from __future__ import annotations

import argparse
import queue
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.startup import KioskStart
    from app.terminal import TerminalDesk, TerminalListener

from app.common import EXIT_CANNOT_RECORD, EXIT_NEGATIVE, EXIT_OK, add_command, login_name


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(sub, "run", "Run the kiosk (the screens, or the terminal desk).")
    parser.add_argument(
        "--headless", action="store_true", help="the terminal desk, even with a display"
    )
    parser.add_argument("--operator", help="who answers staff questions (default: login name)")
    parser.add_argument(
        "--no-camera", action="store_true", help="read codes from the terminal and scanners only"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.startup import begin_kiosk

    start = begin_kiosk(args)  # the log, the record of runs, the check at start
    code = EXIT_NEGATIVE
    try:
        code = _run(args, start)
        return code
    finally:
        if start is not None:
            start.end(code)


def _run(args: argparse.Namespace, start: KioskStart | None = None) -> int:
    from app.screens import has_display

    if args.headless or not has_display():
        if not args.headless:
            print(
                "ashyq-kiosk: no display (DISPLAY and WAYLAND_DISPLAY are not set): "
                "running the terminal desk, as `run --headless` does",
                file=sys.stderr,
            )
        return run_terminal(args, start)
    from app.context import open_app
    from app.screens import run_screens
    from config.settings import find_config

    # Checked here although the desk checks again: a damaged database is then exit 3
    # at once, where the screens would show it and wait to be quit.
    return run_screens(
        open_app(args),
        operator=args.operator or login_name(),
        camera=not args.no_camera,
        settings_file=find_config(getattr(args, "config", None)),
        start=start,
    )


def run_terminal(args: argparse.Namespace, start: KioskStart | None = None) -> int:
    from app.context import open_app
    from app.desk import build_desk
    from app.logs import DeskLog
    from app.scanning import recover_scan, wedge_settings
    from app.terminal import LINES_AHEAD, Item, TerminalDesk, TerminalListener
    from app.terminal_input import codes_left, read_keys, read_lines
    from hardware.wedge import WedgeDetector

    # The desk checks the database itself as it starts (start_checked): once is enough.
    app = open_app(args, check=False)
    listener = TerminalListener(sys.stdout, sys.stderr)
    desk = build_desk(app, [listener, DeskLog()], camera=not args.no_camera)
    interactive = sys.stdin.isatty()
    terminal = TerminalDesk(
        desk.controller,
        listener,
        operator=args.operator or login_name(),
        recover=lambda text: recover_scan(app.settings, text),
        wedge=WedgeDetector(wedge_settings(app.settings)) if interactive else None,
        echo=sys.stderr,
    )

    def on_signal(signum: int, frame: FrameType | None) -> None:
        terminal.stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, on_signal)
    items: queue.Queue[Item | None] = queue.Queue(maxsize=0 if interactive else LINES_AHEAD)
    restore = None
    finished = False
    try:
        if not desk.start_checked() or listener.failed.is_set():
            return EXIT_CANNOT_RECORD
        if start is not None:
            start.check()
        if interactive:
            _, restore = read_keys(items)
        else:
            read_lines(sys.stdin, items)
        venue = app.settings.venue
        listener.say(
            f"{venue.name}, desk {venue.desk}: scan a code"
            + (" (staff: type help)" if interactive else "")
        )
        terminal.run(items)
        finished = desk.controller.stop()  # what was queued is decided, open questions recorded
    finally:
        if restore is not None:
            restore()
        desk.stop()
    if listener.failed.is_set():
        return EXIT_CANNOT_RECORD
    if interactive:
        return EXIT_OK
    return _batch_end(listener, terminal, finished, codes_left(items))


def _batch_end(
    listener: TerminalListener, terminal: TerminalDesk, finished: bool, left: int
) -> int:
    """A piped input is a batch: exit 0 once every code of it was decided; else say
    how many were not, exit 1."""
    undecided = terminal.lines - (terminal.lines if finished else terminal.decided) + left
    if terminal.input_ended and undecided == 0:
        return EXIT_OK
    rest = "" if terminal.input_ended else "; the rest of the input was not read"
    listener.say(
        f"stopped before the input was done: {undecided} of the {terminal.lines + left} "
        f"code(s) read were not decided{rest}"
    )
    return EXIT_NEGATIVE
