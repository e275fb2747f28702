"""A stand-in camera whose scene is set while it runs: the demo's camera.

Another thread says what is in front of the lens (`show(frame)`, `clear()`)
or pulls the cable (`unplug()` / `plug()`); the camera delivers that scene
at its frame rate through the ordinary capture pipeline.
"""

from __future__ import annotations

import threading

from hardware.frames import Frame, SourceUnavailable
from hardware.sources import Wait, _StandIn
from hardware.synthetic import blank_frame
from shared.clock import SYSTEM_CLOCK, Clock


class ShowcaseCamera(_StandIn):
    """Delivers the current scene: a frame shown to it, else an empty desk."""

    def __init__(
        self,
        *,
        width: int = 1280,
        height: int = 720,
        fps: float = 30.0,
        clock: Clock = SYSTEM_CLOCK,
        wait: Wait | None = None,
    ) -> None:
        super().__init__(fps=fps, loop=True, outage=None, clock=clock, wait=wait)
        self._empty = blank_frame(width, height)
        self._scene: Frame = self._empty
        self._lock = threading.Lock()
        self._plugged = True
        self.size = (width, height)

    def show(self, frame: Frame) -> None:
        """Hold *frame* in front of the camera until told otherwise."""
        with self._lock:
            self._scene = frame

    def clear(self) -> None:
        """Nothing in front of the camera: the empty desk."""
        with self._lock:
            self._scene = self._empty

    def unplug(self) -> None:
        with self._lock:
            self._plugged = False

    def plug(self) -> None:
        with self._lock:
            self._plugged = True

    def open(self) -> None:
        with self._lock:
            plugged = self._plugged
        if not plugged:
            raise SourceUnavailable("the demo camera is unplugged")
        super().open()

    def _next_frame(self) -> Frame | None:
        with self._lock:
            return self._scene if self._plugged else None
