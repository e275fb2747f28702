"""USB camera through OpenCV's VideoCapture, as a :class:`FrameSource`.

Known pitfalls this class answers (see docs/hardware.md):

- capture backends buffer frames (V4L2 holds 4 by default), so a slow
  reader sees the past: ``CAP_PROP_BUFFERSIZE=1`` where honoured, and the
  pipeline reads continuously and keeps only the newest frame;
- USB 2.0 webcams reach 720p/1080p at 30 fps only with MJPG;
- Windows Media Foundation (``msmf``) can take 4-20 s to open a camera or
  change its resolution; DirectShow (``dshow``) opens faster but may cap
  the frame rate. The backend is a setting, properties are only set when
  they differ from what the camera reports, and ``open`` runs on the
  capture thread, never the UI thread.

OpenCV is imported on first use, so importing this module is cheap.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from hardware.frames import Frame, FrameSource, SourceUnavailable
from shared.device import DeviceState

CameraState = DeviceState

BACKENDS: dict[str, str] = {
    "any": "CAP_ANY",
    "dshow": "CAP_DSHOW",
    "msmf": "CAP_MSMF",
    "v4l2": "CAP_V4L2",
    "avfoundation": "CAP_AVFOUNDATION",
    "gstreamer": "CAP_GSTREAMER",
    "ffmpeg": "CAP_FFMPEG",
}
"""Setting names -> OpenCV VideoCapture API constants."""


@dataclass(frozen=True, slots=True)
class CaptureSettings:
    """What to open and what to ask of it.

    ``device`` is an index (0 = first camera) or a path/URL such as
    ``/dev/video0``; a string of digits counts as an index. ``width``,
    ``height`` and ``fps`` are requests: the camera picks the nearest mode
    it has (see :attr:`Camera.info`). ``fourcc`` ``None`` keeps the
    camera's default pixel format.
    """

    device: int | str = 0
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    fourcc: str | None = "MJPG"
    backend: str = "any"
    buffer_size: int = 1

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(
                f"unknown camera backend {self.backend!r}; choose one of {', '.join(BACKENDS)}"
            )
        if self.fourcc is not None and len(self.fourcc) != 4:
            raise ValueError(f"a FOURCC has four characters, not {self.fourcc!r}")
        if self.width <= 0 or self.height <= 0 or self.fps <= 0:
            raise ValueError("camera width, height and fps must be positive")

    @property
    def device_ref(self) -> int | str:
        """The device as VideoCapture takes it: int index or path string."""
        if isinstance(self.device, str) and self.device.strip().isdigit():
            return int(self.device.strip())
        return self.device


@dataclass(frozen=True, slots=True)
class CameraInfo:
    """What the camera actually delivers after opening."""

    width: int
    height: int
    fps: float
    fourcc: str
    backend: str


class Capture(Protocol):
    """The part of ``cv2.VideoCapture`` the camera uses (tests pass a fake)."""

    def isOpened(self) -> bool: ...

    def set(self, prop: int, value: float) -> bool: ...

    def get(self, prop: int) -> float: ...

    def read(self) -> tuple[bool, Any]: ...

    def release(self) -> None: ...


CaptureFactory = Callable[[int | str, int], Capture]
"""``(device, api) -> Capture``; the default is ``cv2.VideoCapture``."""


def _default_factory(device: int | str, api: int) -> Capture:
    import cv2

    capture: Capture = cv2.VideoCapture(device, api)
    return capture


class Camera:
    """A USB camera as a :class:`FrameSource`. Owned by one thread."""

    def __init__(
        self, settings: CaptureSettings, *, capture_factory: CaptureFactory | None = None
    ) -> None:
        self._settings = settings
        self._factory = capture_factory or _default_factory
        self._capture: Capture | None = None
        self._info: CameraInfo | None = None

    @property
    def settings(self) -> CaptureSettings:
        return self._settings

    @property
    def info(self) -> CameraInfo | None:
        """The negotiated mode, once open."""
        return self._info

    def open(self) -> None:
        import cv2

        self.close()
        settings = self._settings
        api = int(getattr(cv2, BACKENDS[settings.backend], cv2.CAP_ANY))
        try:
            capture = self._factory(settings.device_ref, api)
        except Exception as error:
            raise SourceUnavailable(f"camera {settings.device!r}: {error}") from error
        if not capture.isOpened():
            capture.release()
            raise SourceUnavailable(
                f"camera {settings.device!r} did not open with backend {settings.backend!r}"
            )
        # FOURCC first: on V4L2 the resolutions on offer depend on the pixel format.
        if settings.fourcc is not None:
            _set_if_different(capture, cv2.CAP_PROP_FOURCC, _fourcc_code(settings.fourcc))
        _set_if_different(capture, cv2.CAP_PROP_FRAME_WIDTH, settings.width)
        _set_if_different(capture, cv2.CAP_PROP_FRAME_HEIGHT, settings.height)
        _set_if_different(capture, cv2.CAP_PROP_FPS, settings.fps)
        _set_if_different(capture, cv2.CAP_PROP_BUFFERSIZE, settings.buffer_size)
        self._capture = capture
        self._info = CameraInfo(
            width=int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
            height=int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
            fps=float(capture.get(cv2.CAP_PROP_FPS)),
            fourcc=_fourcc_text(capture.get(cv2.CAP_PROP_FOURCC)),
            backend=settings.backend,
        )

    def read(self) -> Frame | None:
        capture = self._capture
        if capture is None:
            return None
        try:
            ok, frame = capture.read()
        except Exception:
            return None
        if not ok or not isinstance(frame, np.ndarray) or frame.size == 0:
            return None
        result: Frame = frame
        return result

    def close(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None:
            with contextlib.suppress(Exception):
                capture.release()


def _set_if_different(capture: Capture, prop: int, value: float) -> None:
    # Some backends renegotiate the stream on every set (slow on MSMF): skip no-ops.
    try:
        if abs(capture.get(prop) - value) < 1e-6:
            return
        capture.set(prop, value)
    except Exception:
        pass


def _fourcc_code(fourcc: str) -> int:
    a, b, c, d = (ord(ch) for ch in fourcc)
    return a | (b << 8) | (c << 16) | (d << 24)


def _fourcc_text(value: float) -> str:
    code = int(value)
    if code <= 0:
        return ""
    chars = [chr((code >> shift) & 0xFF) for shift in (0, 8, 16, 24)]
    return "".join(chars) if all(ch.isprintable() for ch in chars) else ""


if TYPE_CHECKING:
    # The camera satisfies the port; checked by mypy.
    _port_check: Callable[[CaptureSettings], FrameSource] = Camera
