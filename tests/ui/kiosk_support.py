"""A real kiosk for the UI tests: the desk controller on a real database, the
stand-in camera through the real capture pipeline and decoder, the screens.
The service address refuses connections, so the desk works offline (passes
verify without it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.context import App, open_store
from app.screens import Kiosk, build_kiosk
from config.settings import parse_settings
from hardware.gate.standin import StandInModule
from hardware.showcase import ShowcaseCamera
from hardware.synthetic import phone_frame
from shared.clock import SystemClock
from tests.fakes import PassIssuer

NO_SERVICE = "http://127.0.0.1:9"  # the discard port: nothing listens, refused at once


def kiosk_settings(issuer: PassIssuer, **sections: dict[str, Any]) -> Any:
    keys = issuer.trust.to_jwks()["keys"]
    data: dict[str, Any] = {
        "venue": {"bin": "150340012345", "name": "Test club", "capacity": 10},
        "service": {"url": NO_SERVICE, "connect_timeout": 0.3, "status_deadline": 0.5},
        "trust": {"keys": [{k: key[k] for k in ("kid", "x")} for key in keys]},
        "camera": {"device": "none"},
        "screens": {"fullscreen": False},
        "sounds": {"mute": True},
    }
    for name, values in sections.items():
        data[name] = {**data.get(name, {}), **values}
    return parse_settings(data)


GATE_COIL, GATE_SENSOR = 2, 5


def gate_section(module: StandInModule, **more: object) -> dict[str, Any]:
    """A `[gate]` driving *module* (a Modbus I/O module on loopback, served here
    if it is not yet): one entry relay and its passage sensor, a short pulse."""
    try:
        host, port = module.address
    except RuntimeError:  # not serving yet
        host, port = module.serve_tcp()
    return {
        "driver": "modbus-tcp",
        "host": host,
        "port": port,
        "entry_coil": GATE_COIL,
        "entry_passage_input": GATE_SENSOR,
        "pulse_ms": 100,
        "passage_timeout_s": 1,
        **more,
    }


class Running:
    """A started kiosk and its stand-in camera."""

    def __init__(self, kiosk: Kiosk, camera: ShowcaseCamera) -> None:
        self.kiosk = kiosk
        self.camera = camera

    @property
    def screens(self) -> Any:
        return self.kiosk.screens

    @property
    def boarding(self) -> Any:
        """A boarding desk's referral side (None at a venue desk)."""
        return self.kiosk.boarding

    def show_code(self, text: str) -> None:
        width, height = self.camera.size
        self.camera.show(phone_frame(text, width=width, height=height, module_px=4))


def start_kiosk_in(
    folder: Path,
    issuer: PassIssuer,
    *,
    settings_file: Path | None = None,
    **sections: dict[str, Any],
) -> Running:
    """A started kiosk with its data in *folder* (stop it with `running.kiosk.stop()`);
    with *settings_file*, the staff panel has its Settings button."""
    settings = kiosk_settings(issuer, **sections)
    app = App(settings, folder, open_store(folder), SystemClock())
    camera = ShowcaseCamera(width=640, height=480, fps=30.0)
    kiosk = build_kiosk(app, operator="aigerim", camera_source=camera, settings_file=settings_file)
    kiosk.desk.start()
    kiosk.screens.show()
    return Running(kiosk, camera)
