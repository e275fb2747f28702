"""The desk's devices, measured for the health checks (app.health): the camera
(opened by the doctor, or as the running desk reports it), the serial
scanner's port, sound output, the printer and the gate. Nothing is switched:
the gate is asked whether it is there, the port is looked for, not opened."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.health import rules
from kiosk.health.values import Check, CheckResult, Reason, failed, ok, warning

if TYPE_CHECKING:
    from config.settings import Settings
    from kiosk.news import DeviceReport


def camera(settings: Settings, within_s: float) -> CheckResult:
    from app.devices import camera_source, decoder
    from hardware.camera import Camera
    from hardware.camera_probe import probe_camera

    camera = camera_source(settings)
    if not isinstance(camera, Camera):
        return ok(Check.CAMERA, Reason.NOT_CONFIGURED)
    found = probe_camera(camera.settings, lambda: decoder(settings), open_within_s=within_s)
    return rules.camera(found)


def camera_state(settings: Settings, report: DeviceReport | None, known: bool) -> CheckResult:
    """The camera as the running desk reports it (the desk owns the device);
    *report* None: nothing reported yet; a report with no state: no camera."""
    from shared.device import DeviceState

    device = settings.camera.device
    if device.strip().lower() in ("", "none") or (report is not None and report.state is None):
        return ok(Check.CAMERA, Reason.NOT_CONFIGURED)
    if not known:
        return ok(Check.CAMERA, Reason.NOT_CHECKED, device=device)
    facts = {"device": device, "backend": settings.camera.backend}
    state = report.state if report is not None else None
    if state is not None and state.delivering:
        return ok(Check.CAMERA, Reason.WORKING, **facts)
    if state in (None, DeviceState.STARTING):
        return warning(Check.CAMERA, Reason.SLOW_TO_OPEN, **facts, still_opening=True)
    return failed(Check.CAMERA, Reason.NOT_OPENED, **facts)


def scanner(settings: Settings) -> CheckResult:
    port = settings.scanner.serial_port
    if not port:
        return ok(Check.SCANNER, Reason.NOT_CONFIGURED)
    if port_present(port):
        return ok(Check.SCANNER, Reason.PRESENT, port=port)
    return failed(Check.SCANNER, Reason.PORT_MISSING, port=port)


def port_present(port: str) -> bool:
    """Whether the serial port is there, without opening it (the kiosk may hold it)."""
    if os.path.exists(port):
        return True
    try:
        from serial.tools import list_ports
    except ImportError:
        return False
    wanted = port.casefold() if sys.platform == "win32" else port
    for found in list_ports.comports():
        name = found.device.casefold() if sys.platform == "win32" else found.device
        if name == wanted:
            return True
    return False


def sound(settings: Settings, outputs: tuple[str, ...] | None) -> CheckResult:
    import ui  # the package only: the sound files' folder, without loading Qt
    from ui.looks import Sound

    if settings.sounds.mute or settings.sounds.volume == 0:
        return ok(Check.SOUND, Reason.MUTED)
    folder = Path(ui.__file__).parent / "sounds"
    missing = [s.value for s in Sound if not (folder / f"{s.value}.wav").is_file()]
    if missing:
        return failed(Check.SOUND, Reason.FILES_MISSING, missing=",".join(missing))
    if outputs is None:
        return ok(Check.SOUND, Reason.NOT_CHECKED)
    if not outputs:
        return warning(Check.SOUND, Reason.NO_OUTPUT)
    return ok(Check.SOUND, Reason.WORKING, output=outputs[0])


def printer(settings: Settings, folder: Path, printers: tuple[str, ...] | None) -> CheckResult:
    boarding = settings.boarding
    if settings.venue.mode != "boarding" and settings.venue.role != "doctor":
        return ok(Check.PRINTER, Reason.NOT_CONFIGURED)
    if not boarding.printer:
        return ok(Check.PRINTER, Reason.PDF_SLIPS, folder=str(folder / "referral-slips"))
    if printers is None:
        return ok(Check.PRINTER, Reason.NOT_CHECKED, printer=boarding.printer)
    if boarding.printer in printers:
        return ok(Check.PRINTER, Reason.PRESENT, printer=boarding.printer)
    return failed(
        Check.PRINTER,
        Reason.PRINTER_MISSING,
        printer=boarding.printer,
        folder=str(folder / "referral-slips"),
    )


def gate(settings: Settings) -> CheckResult:
    from app.gates import gate_config
    from hardware.gate.factory import GateSetupError, probe

    if settings.gate.driver == "none":
        return ok(Check.GATE, Reason.NOT_CONFIGURED)
    facts = {"driver": settings.gate.driver}
    try:
        problem = probe(gate_config(settings))  # connects and asks; switches nothing
    except GateSetupError as exc:
        return failed(Check.GATE, Reason.BAD_SETTINGS, **facts, key=exc.key, detail=str(exc))
    if problem is not None:
        return failed(Check.GATE, Reason.UNREACHABLE, **facts, detail=problem)
    return ok(Check.GATE, Reason.REACHABLE, **facts)
