"""Stand-ins for a camera: frames from memory, image files or a video file.

They serve the tests and the demo mode (which shows demo visitors' codes
with no camera attached). Each loops, paces itself to a frame rate by
waiting on an event (never spinning), and can be told to "unplug" after N
frames for a while, to exercise the lost/back handling:
``Outage(after_frames=30, duration_s=1.0)``.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hardware.frames import Frame, FrameSource, SourceUnavailable
from hardware.imagefile import ImageUnreadable, load_bgr
from shared.clock import SYSTEM_CLOCK, Clock

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff")

Wait = Callable[[float], object]
"""Blocks for up to the given seconds (``threading.Event.wait`` by default)."""


@dataclass(frozen=True, slots=True)
class Outage:
    """Simulated unplugging: after ``after_frames`` frames the source stops
    delivering and cannot be reopened for ``duration_s`` seconds (forever
    by default). ``raises``: reads raise ``OSError`` instead of returning None.
    """

    after_frames: int
    duration_s: float = math.inf
    raises: bool = False


class _StandIn:
    """Pacing, looping and outages shared by the stand-in sources."""

    def __init__(
        self,
        *,
        fps: float | None,
        loop: bool,
        outage: Outage | None,
        clock: Clock,
        wait: Wait | None,
    ) -> None:
        if fps is not None and fps <= 0:
            raise ValueError("fps must be positive, or None for unpaced")
        self._fps = fps
        self._loop = loop
        self._outage = outage
        self._clock = clock
        self._wake = threading.Event()
        self._wait: Wait = wait or self._wake.wait
        self._opened = False
        self._needs_reopen = False
        self._outage_start: float | None = None
        self._due: float | None = None
        self._delivered = 0

    @property
    def frames_delivered(self) -> int:
        return self._delivered

    @property
    def outage_ends_at(self) -> float | None:
        """Clock time the simulated outage ends, once it has begun."""
        if self._outage is None or self._outage_start is None:
            return None
        return self._outage_start + self._outage.duration_s

    def open(self) -> None:
        if self._in_outage():
            raise SourceUnavailable("the source is unplugged (simulated outage)")
        self._release()
        self._wake.clear()
        self._load()
        self._opened = True
        self._needs_reopen = False
        self._due = None

    def read(self) -> Frame | None:
        if not self._opened or self._needs_reopen:
            return None
        outage = self._outage
        if outage is not None and self._outage_begins(outage):
            self._outage_start = self._clock.monotonic()
            self._needs_reopen = True
            if outage.raises:
                raise OSError("the source went away (simulated outage)")
            return None
        self._pace()
        frame = self._next_frame()
        if frame is None:
            return None
        self._delivered += 1
        return frame

    def close(self) -> None:
        self._opened = False
        self._wake.set()
        self._release()

    def _outage_begins(self, outage: Outage) -> bool:
        return self._outage_start is None and self._delivered >= outage.after_frames

    def _in_outage(self) -> bool:
        if self._outage is None or self._outage_start is None:
            return False
        return self._clock.monotonic() < self._outage_start + self._outage.duration_s

    def _pace(self) -> None:
        if self._fps is None:
            # Unpaced: still hand the interpreter lock over, as a camera blocked
            # in its driver does, or the reading thread starves the decoder.
            time.sleep(0)
            return
        period = 1.0 / self._fps
        now = self._clock.monotonic()
        if self._due is None:
            self._due = now
        if self._due > now:
            self._wait(self._due - now)
            now = self._clock.monotonic()
        # A little late (timer jitter): keep the schedule. Far behind (a slow
        # reader): restart it from now rather than burst to catch up.
        late = now - self._due
        self._due = self._due + period if late < period else now + period

    def _load(self) -> None:
        """Get ready to deliver from the first frame."""

    def _next_frame(self) -> Frame | None:
        raise NotImplementedError

    def _release(self) -> None:
        """Let go of any resource held while open."""


class _Playlist(_StandIn):
    """Plays a list of frames in order, looping."""

    _frames: Sequence[Frame] = ()
    _index = 0

    def _next_frame(self) -> Frame | None:
        if self._index >= len(self._frames):
            if not self._loop or not self._frames:
                return None
            self._index = 0
        frame = self._frames[self._index]
        self._index += 1
        return frame


class FrameListSource(_Playlist):
    """Frames from memory, in order, looping: the demo camera.

    Build the list with :func:`hardware.synthetic.demo_frames` to show each
    demo visitor's code for k frames, then blank frames.
    """

    def __init__(
        self,
        frames: Sequence[Frame],
        *,
        fps: float | None = 30.0,
        loop: bool = True,
        outage: Outage | None = None,
        clock: Clock = SYSTEM_CLOCK,
        wait: Wait | None = None,
    ) -> None:
        super().__init__(fps=fps, loop=loop, outage=outage, clock=clock, wait=wait)
        if len(frames) == 0:
            raise ValueError("a frame list source needs at least one frame")
        self._frames = frames

    def _load(self) -> None:
        self._index = 0


class ImageSequenceSource(_Playlist):
    """Image files (or in-memory frames), or every image in a folder by name, looping.

    Files are read when the source opens; an unreadable one makes ``open``
    raise :class:`SourceUnavailable`.
    """

    def __init__(
        self,
        items: str | os.PathLike[str] | Sequence[str | os.PathLike[str] | Frame],
        *,
        fps: float | None = 30.0,
        loop: bool = True,
        outage: Outage | None = None,
        clock: Clock = SYSTEM_CLOCK,
        wait: Wait | None = None,
    ) -> None:
        super().__init__(fps=fps, loop=loop, outage=outage, clock=clock, wait=wait)
        self._items: list[Any] = _expand(items)
        if not self._items:
            raise ValueError(f"no images in {items!r}")

    def _load(self) -> None:
        frames: list[Frame] = []
        for item in self._items:
            if isinstance(item, str | os.PathLike):
                try:
                    frames.append(load_bgr(item))
                except ImageUnreadable as error:
                    raise SourceUnavailable(str(error)) from error
            else:
                frames.append(item)
        self._frames = frames
        self._index = 0


class ImageFileSource(ImageSequenceSource):
    """One image file shown as a camera would: the same frame, repeatedly."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        fps: float | None = 10.0,
        outage: Outage | None = None,
        clock: Clock = SYSTEM_CLOCK,
        wait: Wait | None = None,
    ) -> None:
        super().__init__([path], fps=fps, loop=True, outage=outage, clock=clock, wait=wait)


class VideoFileSource(_StandIn):
    """A video file (anything OpenCV's FFmpeg reads), looping.

    ``fps="native"`` plays at the file's own rate; ``None`` as fast as it decodes.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        fps: float | str | None = "native",
        loop: bool = True,
        outage: Outage | None = None,
        clock: Clock = SYSTEM_CLOCK,
        wait: Wait | None = None,
    ) -> None:
        if isinstance(fps, str) and fps != "native":
            raise ValueError("fps is a number, None or 'native'")
        self._native = fps == "native"
        super().__init__(
            fps=None if isinstance(fps, str) else fps,
            loop=loop,
            outage=outage,
            clock=clock,
            wait=wait,
        )
        self._path = os.fspath(path)
        self._capture: Any = None

    def _load(self) -> None:
        import cv2

        if not os.path.isfile(self._path):
            raise SourceUnavailable(f"{self._path}: no such video file")
        capture = cv2.VideoCapture(self._path)
        if not capture.isOpened():
            capture.release()
            raise SourceUnavailable(f"{self._path}: not a video OpenCV can read")
        self._capture = capture
        if self._native:
            rate = float(capture.get(cv2.CAP_PROP_FPS))
            self._fps = rate if math.isfinite(rate) and rate > 0 else 30.0

    def _next_frame(self) -> Frame | None:
        import cv2

        capture = self._capture
        if capture is None:
            return None
        ok, frame = capture.read()
        if not ok and self._loop:
            capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = capture.read()
        if not ok or frame is None:
            return None
        result: Frame = frame
        return result

    def _release(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None:
            capture.release()


def _expand(
    items: str | os.PathLike[str] | Sequence[str | os.PathLike[str] | Frame],
) -> list[Any]:
    if isinstance(items, str | os.PathLike):
        folder = Path(items)
        if folder.is_dir():
            return sorted(
                (p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES),
                key=lambda p: p.name,
            )
        return [folder]
    return list(items)


if TYPE_CHECKING:
    # The stand-ins satisfy the port; checked by mypy.
    _check_list: FrameSource = FrameListSource([])
    _check_video: FrameSource = VideoFileSource("")
