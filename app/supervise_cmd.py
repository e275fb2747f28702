"""`ashyq-kiosk supervise`: run the kiosk and start it again after a crash, as the
systemd unit does where there is no systemd (an XDG autostart entry, the
Windows task).

A run that ends with exit 0 (staff left the kiosk, the PC shuts down) ends
the supervisor too. After a crash the kiosk starts again RESTART_DELAY_S
later; the RESTART_BURST-th start within RESTART_INTERVAL_S is not made: the
kiosk stays down (no restart storm), the supervisor exits 1, and the next
start says so (kiosk.health.runs). SIGTERM and Ctrl-C are passed on to the
kiosk.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from types import FrameType

from app.common import EXIT_NEGATIVE, EXIT_OK, add_command


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub, "supervise", "Run the kiosk and start it again after a crash (3 starts a minute)."
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.autostart import MSMF_VARIABLE, kiosk_command

    passed: list[str] = []
    for option, value in (
        ("--config", getattr(args, "config", None)),
        ("--data-dir", getattr(args, "data_dir", None)),
    ):
        if value:
            passed += [option, value]
    env = dict(os.environ)
    if sys.platform == "win32":
        env.setdefault(MSMF_VARIABLE, "0")  # Media Foundation opens cameras in seconds then
    return supervise(kiosk_command(("run", *passed)), env=env)


def supervise(
    command: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    delay_s: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    say: Callable[[str], None] | None = None,
) -> int:
    """Run *command* until it ends with exit 0 (0) or crashes too often (1)."""
    from kiosk.health.runs import RESTART_DELAY_S, crash_loop

    delay = RESTART_DELAY_S if delay_s is None else delay_s
    tell = say or (lambda text: print(f"ashyq-kiosk: {text}", file=sys.stderr, flush=True))
    stop = threading.Event()
    child: list[subprocess.Popen[bytes]] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()
        for process in child:
            process.terminate()

    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, on_signal)
    starts: list[float] = []
    while not stop.is_set():
        starts.append(clock())
        process = subprocess.Popen(list(command), env=env)
        child[:] = [process]
        code = process.wait()
        child.clear()
        if code == 0 or stop.is_set():
            return EXIT_OK
        if crash_loop(starts):
            tell(
                f"the kiosk crashed {len(starts[-3:])} times within a minute (last exit "
                f"{code}): left stopped; see the log and `ashyq-kiosk doctor`"
            )
            return EXIT_NEGATIVE
        tell(f"the kiosk ended with exit {code}: starting it again in {delay:g} s")
        stop.wait(delay)
    return EXIT_OK
