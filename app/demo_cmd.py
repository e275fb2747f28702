"""`ashyq-kiosk demo`: the kiosk against an embedded sandbox and a simulated camera.

Works with no camera and no network. Demo visitors hold their codes up to
a simulated camera (frames drawn with the real QR encoder, read by the real
decoder); the desk flow checks them against the sandbox over loopback HTTP.
Headless, it prints each decision as a JSON line.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.common import EXIT_OK, CliError, add_command, print_json

if TYPE_CHECKING:
    from config.settings import Settings
    from kiosk.decision import Decision

DEMO_BIN = "150340012345"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub, "demo", "Run the kiosk against an embedded sandbox and a simulated camera."
    )
    parser.set_defaults(func=run)


class OffsetClock:
    """The system clock, moved forward on demand (to show an expired code)."""

    def __init__(self) -> None:
        import time

        self._time = time.time
        self.offset = 0.0

    def now(self) -> float:
        return self._time() + self.offset


def run(args: argparse.Namespace) -> int:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ashyq-demo-") as scratch:
        return _run_headless(args, Path(scratch))


def _run_headless(args: argparse.Namespace, scratch: Path) -> int:
    from app.context import App
    from app.online import api_client, live_status, syncer
    from config.settings import parse_settings
    from kiosk.decision import Method, StaffInput
    from kiosk.policy import StaffAnswer
    from kiosk.store import Store, StoreError
    from sandbox.people import DEMO_PEOPLE, demo_person
    from sandbox.server import SandboxServer

    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else scratch / "kiosk"
    server = SandboxServer(scratch / "sandbox.sqlite3", port=0).start()
    try:
        settings = parse_settings(
            {
                "venue": {"bin": DEMO_BIN, "name": "Demo fitness club", "capacity": 50},
                "service": {"url": server.url, "token": "demo"},
            }
        )
        try:
            store = Store.in_dir(data_dir)
        except StoreError as exc:
            raise CliError(f"{data_dir}: {exc}", 3) from None
        clock = OffsetClock()
        app = App(settings, data_dir, store, clock)
        client = api_client(settings)
        source = live_status(app, client)
        camera = _camera(settings)
        try:
            app.keeper.refresh(client)
            reception = app.reception(source)
            service = server.service

            def show(scene: str, decision: Decision, **extra: Any) -> None:
                print_json({"scene": scene, **extra, **decision.to_json()})

            from kiosk.status import Status

            green, blue = demo_person(Status.GREEN), demo_person(Status.BLUE)
            yellow, red = demo_person(Status.YELLOW), demo_person(Status.RED)
            for person in (green, yellow, red):
                code = camera(service.issue_pass(person.iin).text)
                show(
                    "pass at the camera", reception.check(code, Method.CAMERA), visitor=person.name
                )
            show("IIN typed by staff", reception.check(blue.iin, Method.MANUAL), visitor=blue.name)
            forged = service.issue_pass(green.iin).text[:-6] + "AAAAAA"
            show("forged pass", reception.check(forged, Method.SCANNER))
            show("not a code", reception.check("https://example.kz/promo", Method.CAMERA))
            stale = camera(service.issue_pass(blue.iin).text)
            clock.offset = 15 * 60
            show("screenshot shown 15 min later", reception.check(stale, Method.CAMERA))
            clock.offset = 0
            show("leaving", reception.check(green.iin, Method.SCANNER), visitor=green.name)

            server.stop()
            offline = next(p for p in DEMO_PEOPLE if p.status is Status.BLUE and p != blue)
            pending = reception.check(offline.iin, Method.SCANNER)
            show("service down: staff must decide", pending, visitor=offline.name)
            answered = reception.record(pending, StaffInput(StaffAnswer.ADMIT, "demo-operator"))
            show("staff admitted while offline", answered, visitor=offline.name)
            server.start()
            server.service.set_status(offline.iin, Status.RED)
            sync = syncer(app, app.store, client)
            report = sync.run_once()
            print_json(
                {
                    "scene": "back online: outbox synced",
                    "sent": report.sent,
                    "acknowledged": report.acknowledged,
                    "retroactive_red_alerts": report.retroactive_red,
                    "error": report.error,
                }
            )
            from kiosk.alerts import Alerts
            from kiosk.jsonlines import alert_line

            for alert in Alerts(app.store).unseen():
                print_json({"scene": "alert for staff", **alert_line(alert)})
            sync.run_once()
            occupancy = client.get_occupancy(DEMO_BIN)
            print_json({"scene": "venue occupancy (service)", "inside": occupancy.inside})
        finally:
            source.close()
            client.close()
            app.close()
    finally:
        server.stop()
    return EXIT_OK


def _camera(settings: Settings) -> Callable[[str], str]:
    """A simulated camera: a phone showing the code in front of it, for a moment.

    Frames go through the real capture pipeline (capture thread, newest
    frame wins, decoder, debounce), exactly as a USB camera's would.
    """
    import queue

    from app.devices import capture_pipeline
    from hardware.sources import FrameListSource
    from hardware.synthetic import demo_frames

    def read(text: str) -> str:
        seen: queue.Queue[str] = queue.Queue()
        frames = demo_frames([text], width=1280, height=720, module_px=4, show_frames=20)
        pipeline = capture_pipeline(settings, FrameListSource(frames, fps=30.0), seen.put)
        pipeline.start()
        try:
            return seen.get(timeout=10)
        except queue.Empty:
            raise CliError("the simulated camera could not read a demo code") from None
        finally:
            pipeline.stop()

    return read
