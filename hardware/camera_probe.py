"""The camera check of `ashyq-kiosk doctor`: open, read a frame, decode it, within
a bounded time.

Opening runs on a thread of its own: Windows Media Foundation can take 20 s
to open some webcams, and the check must answer before that. When the bound
passes, the check reports the camera as still opening; the thread finishes
the open by itself and lets the camera go (the process may end first).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hardware.camera import Camera, CaptureSettings
from hardware.decoder.port import Decoder
from hardware.frames import SourceUnavailable, to_gray

OPEN_WITHIN_S = 8.0
"""How long the check waits for the camera to open."""
FRAME_TRIES = 30
"""Frames read before giving up on one: a camera's first frames can be empty."""


def probe_camera(
    settings: CaptureSettings,
    make_decoder: Callable[[], Decoder],
    *,
    open_within_s: float = OPEN_WITHIN_S,
    capture_factory: Any = None,
    clock: Callable[[], float] = time.monotonic,
) -> CameraProbe:
    """Open the camera of *settings*, read a frame and decode it; wait at most
    *open_within_s* for the open."""
    device, backend = str(settings.device), settings.backend
    try:
        decoder = make_decoder()
    except Exception as error:
        return CameraProbe(device, backend, decoder_error=str(error) or type(error).__name__)
    camera = Camera(settings, capture_factory=capture_factory)
    attempt = _Open(camera, clock)
    thread = threading.Thread(target=attempt.run, name="doctor-camera-open", daemon=True)
    started = clock()
    thread.start()
    if not attempt.done.wait(open_within_s):
        attempt.abandon()
        return CameraProbe(device, backend, still_opening=True, open_s=clock() - started)
    thread.join()
    if attempt.error is not None:
        return CameraProbe(device, backend, open_s=attempt.seconds, error=attempt.error)
    try:
        return _read(camera, decoder, device, backend, attempt.seconds)
    finally:
        camera.close()


@dataclass(frozen=True)
class CameraProbe:
    """What the check found (judged by kiosk.health.rules.camera, as its CameraFindings)."""

    device: str
    backend: str
    opened: bool = False
    still_opening: bool = False
    open_s: float | None = None
    width: int = 0
    height: int = 0
    fps: float = 0.0
    frame: bool = False
    codes: int = 0
    error: str | None = None
    decoder_error: str | None = None


class _Open:
    """Opens the camera on its thread; closes it itself when the prober gave up."""

    def __init__(self, camera: Camera, clock: Callable[[], float]) -> None:
        self.camera = camera
        self.clock = clock
        self.done = threading.Event()
        self.error: str | None = None
        self.seconds: float | None = None
        self._lock = threading.Lock()
        self._abandoned = False

    def run(self) -> None:
        started = self.clock()
        try:
            self.camera.open()
        except SourceUnavailable as error:
            self.error = str(error)
        except Exception as error:  # a driver's own failure: said, never raised
            self.error = str(error) or type(error).__name__
        self.seconds = self.clock() - started
        with self._lock:
            self.done.set()
            if self._abandoned:
                self.camera.close()

    def abandon(self) -> None:
        with self._lock:
            self._abandoned = True
            if self.done.is_set():
                self.camera.close()


def _read(
    camera: Camera, decoder: Decoder, device: str, backend: str, seconds: float | None
) -> CameraProbe:
    info = camera.info
    width, height, fps = (info.width, info.height, info.fps) if info else (0, 0, 0.0)
    for _ in range(FRAME_TRIES):
        frame = camera.read()
        gray = to_gray(frame) if frame is not None else None
        if gray is None:
            continue
        codes = decoder.read(gray)
        return CameraProbe(
            device,
            backend,
            opened=True,
            open_s=seconds,
            width=width,
            height=height,
            fps=fps,
            frame=True,
            codes=len(codes),
        )
    return CameraProbe(
        device, backend, opened=True, open_s=seconds, width=width, height=height, fps=fps
    )
