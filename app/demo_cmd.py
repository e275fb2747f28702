"""`ashyq-kiosk demo`: the kiosk's main job on embedded defaults.

An embedded sandbox service on a loopback port, a stand-in camera that
demo visitors hold their phones up to (frames drawn with a real QR encoder,
read by the real capture pipeline and decoder), and the screens. With a
display the windows open at a pace a person can follow; without one the
screens render offscreen on two virtual monitors and a PNG of every screen
shown goes to `--screenshots DIR`. Each decision is printed as a JSON line;
the command exits 0 when the script ends.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.common import EXIT_NEGATIVE, EXIT_OK, CliError, add_command

DEMO_BIN = "150340012345"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub, "demo", "Run the kiosk against an embedded sandbox and a stand-in camera."
    )
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        help="write a PNG of every screen shown here "
        "(default without a display: ./demo-screenshots)",
    )
    parser.add_argument(
        "--pace",
        type=float,
        metavar="SECONDS",
        help="time each screen stays (default: 2.5 with a display, 0.3 without)",
    )
    parser.add_argument(
        "--headless", action="store_true", help="render offscreen even when there is a display"
    )
    parser.add_argument(
        "--size",
        default="1366x768",
        metavar="WxH",
        type=_size,
        help="the monitors' size (default 1366x768)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import tempfile

    from app.screens import has_display

    headless = args.headless or not has_display()
    shots = args.screenshots or ("demo-screenshots" if headless else None)
    pace = args.pace if args.pace is not None else (0.3 if headless else 2.5)
    with tempfile.TemporaryDirectory(prefix="ashyq-demo-") as scratch:
        return _run(args, Path(scratch), headless=headless, shots=shots, pace=pace)


def _run(
    args: argparse.Namespace, scratch: Path, *, headless: bool, shots: str | None, pace: float
) -> int:
    from app.context import App, open_store
    from app.demo_script import Demo, script
    from app.screens import build_kiosk, qt_application
    from config.settings import parse_settings
    from hardware.showcase import ShowcaseCamera
    from kiosk.clock import SystemClock
    from sandbox.server import SandboxServer
    from ui.scripted import ScriptRunner

    size = args.size
    qt = qt_application(offscreen=[size, size] if headless else None)
    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else scratch / "kiosk"
    server = SandboxServer(scratch / "sandbox.sqlite3", port=0).start()
    try:
        settings = parse_settings(
            {
                "venue": {
                    "bin": DEMO_BIN,
                    "name": "Fitness club «Samal»",
                    "desk": "reception",
                    "capacity": 50,
                    "rescan_window_s": 2,
                },
                "service": {
                    "url": server.url,
                    "token": "demo",
                    "sync_interval": 1.0,
                    "connect_timeout": 0.5,
                    "status_deadline": 1.0,
                },
                "camera": {"device": "none"},
                "screens": {"fullscreen": False, "status_seconds": max(pace * 2, 3.0)},
                "ses": {"phone": "+7 727 000 00 00"},
            }
        )
        app = App(settings, data_dir, open_store(data_dir), SystemClock())
        camera = ShowcaseCamera(width=1280, height=720, fps=15.0)
        kiosk = build_kiosk(app, operator="demo-operator", camera_source=camera)
        folder = Path(shots) if shots else None
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                message = f"{folder}: cannot write screenshots there ({exc.strerror})"
                raise CliError(message) from None
        demo = Demo(kiosk, server, camera, shots=folder, pace=pace, size=size)
        runner = ScriptRunner(kiosk.bridge, script(demo))
        runner.finished.connect(qt.exit)
        kiosk.desk.start()
        kiosk.screens.show()
        demo.arrange()
        runner.start()
        try:
            code = qt.exec()
        finally:
            runner.stop()
            kiosk.stop()
        if code != 0:
            print(f"ashyq-kiosk: the demo stopped: {runner.error}", flush=True)
            return EXIT_NEGATIVE
    finally:
        server.stop()
    return EXIT_OK


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1366x768: {text!r}") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"not a monitor size: {text!r}")
    return width, height
