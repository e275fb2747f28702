"""`ashyq-kiosk run`: the kiosk's main job.

Without screens it is a headless desk: codes arrive from the camera (when
one is configured) and from the terminal (a keyboard-wedge scanner types a
code and Enter), decisions are printed as JSON lines, and the outbox syncs
in the background. An `ask_staff` case waits for the operator to type
`admit` or `refuse` (or `a` / `r`).
"""

from __future__ import annotations

import argparse
import queue
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any

from app.common import EXIT_OK, CliError, add_command, login_name, print_json
from app.context import EXIT_CANNOT_RECORD, open_app
from kiosk.decision import Decision, Method, StaffInput
from kiosk.policy import StaffAnswer
from kiosk.retention import purge_if_due
from kiosk.store import StoreError
from kiosk.wiretime import format_time

if TYPE_CHECKING:
    from app.context import App
    from config.settings import Settings
    from hardware.state import DeviceState
    from kiosk.api import ApiClient
    from kiosk.reception import Reception

_ANSWERS = {
    "a": StaffAnswer.ADMIT,
    "admit": StaffAnswer.ADMIT,
    "r": StaffAnswer.REFUSE,
    "refuse": StaffAnswer.REFUSE,
}
_IDLE_TICK = 30.0


@dataclass(frozen=True)
class Input:
    text: str
    method: Method


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(sub, "run", "Run the kiosk (headless: codes from the terminal).")
    parser.add_argument("--operator", help="who answers ask_staff cases (default: login name)")
    parser.add_argument(
        "--no-camera", action="store_true", help="read codes from the terminal and scanners only"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.online import api_client, live_status, refresh_trust_if_stale, sync_worker

    app = open_app(args)
    client = api_client(app.settings)
    source = live_status(app, client)
    inputs: queue.Queue[Input | None] = queue.Queue()
    stop = threading.Event()
    sync_client = api_client(app.settings)  # sessions are not shared across threads
    worker = sync_worker(app, sync_client)
    reader = threading.Thread(target=_read_terminal, args=(inputs,), name="terminal", daemon=True)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()
        inputs.put(None)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, on_signal)
    readers = _readers(app.settings, inputs, camera=not args.no_camera)
    try:
        refresh_trust_if_stale(app, client)
        reception = app.reception(source)
        worker.start()
        reader.start()
        for device in readers:
            device.start()
        print(
            f"ashyq-kiosk: {app.settings.venue.name}, desk {app.settings.venue.desk}: "
            "scan or type a code, then Enter (Ctrl-C to stop)",
            file=sys.stderr,
        )
        _desk_loop(
            reception,
            inputs,
            stop,
            worker.nudge,
            lambda: _housekeeping(app, client),
            args.operator or login_name(),
        )
    except StoreError as exc:
        raise CliError(str(exc), EXIT_CANNOT_RECORD) from None
    finally:
        for device in readers:
            device.stop()
        worker.stop()
        source.close()
        client.close()
        sync_client.close()
        app.close()
    return EXIT_OK


def _desk_loop(
    reception: Reception,
    inputs: queue.Queue[Input | None],
    stop: threading.Event,
    recorded: Callable[[], None],
    idle: Callable[[], object],
    operator: str,
) -> None:
    pending: Decision | None = None
    while not stop.is_set():
        try:
            item = inputs.get(timeout=_IDLE_TICK)
        except queue.Empty:
            reception.tick()
            idle()
            continue
        if item is None:
            break
        answer = _ANSWERS.get(item.text.strip().lower())
        if pending is not None:
            staff = StaffInput(answer, operator) if answer else None
            _show(reception.record(pending, staff))
            pending = None
            if answer:
                recorded()
                continue
        if answer:
            continue
        decision = reception.check(item.text, item.method)
        if decision.awaiting_staff:
            pending = decision
            print("staff: type admit or refuse", file=sys.stderr)
        _show(decision)
        recorded()
    if pending is not None:  # stopping with a question open: keep the visit on record
        _show(reception.record(pending, None))


def _show(decision: Decision) -> None:
    out = decision.to_json()
    out["at"] = format_time(decision.decided_at)
    print_json(out)


def _read_terminal(inputs: queue.Queue[Input | None]) -> None:
    for line in sys.stdin:
        text = line.rstrip("\r\n")
        if text.strip():
            inputs.put(Input(text, Method.SCANNER))
    inputs.put(None)


def _housekeeping(app: App, client: ApiClient) -> None:
    """While idle: keep the key list fresh and old records purged."""
    from app.online import refresh_trust_if_stale

    refresh_trust_if_stale(app, client)
    purge_if_due(app.store, now=app.clock.now(), retention_days=app.settings.data.retention_days)


def _readers(settings: Settings, inputs: queue.Queue[Input | None], *, camera: bool) -> list[Any]:
    """The camera pipeline and the serial scanner, as configured (each may be absent)."""
    from app.devices import camera_source, capture_pipeline, serial_scanner
    from hardware.decoder import DecoderUnavailable
    from hardware.state import DeviceState

    def reported(name: str) -> Callable[[DeviceState], None]:
        words = {
            DeviceState.STARTING: "starting",
            DeviceState.RUNNING: "ready",
            DeviceState.LOST: "lost: check its cable; retrying",
            DeviceState.BACK: "back",
            DeviceState.STOPPED: "stopped",
        }
        return lambda state: print(f"ashyq-kiosk: {name} {words[state]}", file=sys.stderr)

    readers: list[Any] = []
    source = camera_source(settings) if camera else None
    if source is not None:
        try:
            readers.append(
                capture_pipeline(
                    settings,
                    source,
                    lambda text: inputs.put(Input(text, Method.CAMERA)),
                    reported("camera"),
                )
            )
        except DecoderUnavailable as exc:
            print(f"ashyq-kiosk: camera off: {exc}", file=sys.stderr)
    scanner = serial_scanner(
        settings, lambda text: inputs.put(Input(text, Method.SCANNER)), reported("scanner")
    )
    if scanner is not None:
        readers.append(scanner)
    return readers
