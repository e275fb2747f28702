"""`ashyq-kiosk demo`: the kiosk's main job on embedded defaults.

An embedded sandbox service on a loopback port, a stand-in camera that
demo visitors hold their phones up to (frames drawn with a real QR encoder,
read by the real capture pipeline and decoder), a stand-in gate (a
turnstile behind a Modbus I/O module on loopback, app/demo_gate.py; the
`[gate]` table of `--config FILE` replaces it, `driver = "none"` turns it
off), and the screens. With a display the windows open at a pace a person
can follow; without one the screens render offscreen on two virtual
monitors and a PNG of every screen shown goes to `--screenshots DIR`. Each
decision, and the gate's part, is printed as a JSON line; the command exits
0 when the script ends.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.common import EXIT_NEGATIVE, EXIT_OK, CliError, add_command

if TYPE_CHECKING:
    from app.screens import Kiosk
    from hardware.showcase import ShowcaseCamera
    from shared.clock import Clock


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
        "--airport",
        action="store_true",
        help="the airport instead: a boarding desk and the doctor room (a referral cleared)",
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
    from app.screens import qt_application
    from sandbox.server import SandboxServer
    from ui.scripted import ScriptRunner

    size = args.size
    qt = qt_application(offscreen=[size, size] if headless else None)
    folder = Path(shots) if shots else None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            message = f"{folder}: cannot write screenshots there ({exc.strerror})"
            raise CliError(message) from None
    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else scratch / "kiosk"
    from app.demo_airport import airport_sections
    from app.demo_day import demo_day
    from app.demo_gate import DemoGate
    from app.demo_script import club_sections

    own_gate = _file_gate(args)
    gate = DemoGate(pace) if own_gate is None else None
    try:
        gate_section = gate.start() if gate is not None else own_gate
    except OSError as exc:
        message = f"the stand-in gate: {exc} (--config with a [gate] table does without)"
        raise CliError(message, EXIT_NEGATIVE) from None

    def sections(url: str, *, doctor: bool = False) -> dict[str, Any]:
        made = airport_sections(url, doctor=doctor) if args.airport else club_sections(url, pace)
        if not doctor:  # a boarding gate is a gate; the doctor room has none
            made["gate"] = gate_section
        return made

    # One clock for the desks and the service: the venue's day, told in minutes.
    clock = demo_day(sections("http://127.0.0.1:1"))
    server = SandboxServer(scratch / "sandbox.sqlite3", port=0, clock=clock).start()
    kiosks = []
    try:
        desk, camera = _kiosk(sections(server.url), data_dir, clock)
        kiosks = [desk]
        if gate is not None:
            desk.desk.controller.add_listener(gate)  # before the desk starts
        if args.airport:
            doctor, _ = _kiosk(sections(server.url, doctor=True), scratch / "doctor", clock)
            kiosks.append(doctor)
        from app.demo_airport import airport_script
        from app.demo_script import Demo, script

        assert camera is not None  # the desk has one; only a doctor room has none
        demo = Demo(desk, server, camera, clock, shots=folder, pace=pace, size=size, gate=gate)
        steps = airport_script(demo, kiosks[1]) if args.airport else script(demo)
        runner = ScriptRunner(desk.bridge, steps)
        runner.finished.connect(qt.exit)
        for kiosk in kiosks:
            kiosk.desk.start()
            kiosk.screens.show()
        demo.arrange()
        runner.start()
        try:
            code = qt.exec()
        finally:
            runner.stop()
            for kiosk in kiosks:
                kiosk.stop()
        if code != 0:
            print(f"ashyq-kiosk: the demo stopped: {runner.error}", flush=True)
            return EXIT_NEGATIVE
    finally:
        server.stop()
        if gate is not None:
            gate.stop()
    return EXIT_OK


def _file_gate(args: argparse.Namespace) -> dict[str, Any] | None:
    """The `[gate]` table of `--config FILE` (checked), None without one: the
    demo's other settings are its own (its service, its camera)."""
    path = getattr(args, "config", None)
    if path is None:
        return None
    import tomllib

    from config.settings import SettingsError, parse_settings

    try:
        with open(path, "rb") as file:
            table = tomllib.load(file).get("gate")
    except OSError as exc:
        raise CliError(f"{path}: cannot read it ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise CliError(f"{path}: not valid TOML ({exc})") from None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise CliError(f"settings: {path}: gate: a table, [gate]")
    try:
        parse_settings({"gate": table}, source=str(path))
    except SettingsError as exc:
        raise CliError(f"settings: {exc}") from None
    return table


def _kiosk(
    sections: dict[str, Any], data_dir: Path, clock: Clock
) -> tuple[Kiosk, ShowcaseCamera | None]:
    """A kiosk on these settings and clock; a stand-in camera unless it is a doctor room."""
    from app.context import app_for
    from app.screens import build_kiosk
    from config.settings import parse_settings
    from hardware.showcase import ShowcaseCamera
    from kiosk.desksettings import DeskRole

    settings = parse_settings(sections)
    app = app_for(settings, data_dir, clock)
    doctor = settings.venue.role is DeskRole.DOCTOR
    camera = None if doctor else ShowcaseCamera(width=1280, height=720, fps=15.0)
    kiosk = build_kiosk(app, operator="demo-operator", camera=not doctor, camera_source=camera)
    return kiosk, camera


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1366x768: {text!r}") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"not a monitor size: {text!r}")
    return width, height
