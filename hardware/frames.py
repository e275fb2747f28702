"""Camera frames: the frame-source port and tolerant image conversions.

A frame is a numpy array as OpenCV delivers it: ``(h, w, 3)`` BGR uint8, or
``(h, w)`` grey. Everything here accepts whatever a camera driver, a file or
a caller hands over and never raises on odd input: decoding must survive
a broken frame.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeGuard

import numpy as np
import numpy.typing as npt

Frame = npt.NDArray[np.uint8]
"""An image as OpenCV delivers it: (h, w, 3) BGR or (h, w) grey, uint8."""

MIN_SIDE = 8
"""Images smaller than this on either side hold no readable code."""


class SourceUnavailable(RuntimeError):
    """A frame source could not be opened (device missing, busy, unreadable file)."""


class FrameSource(Protocol):
    """Where frames come from: a camera, a file, a list of frames.

    ``open`` raises :class:`SourceUnavailable` when the source cannot be
    used now; ``read`` returns the next frame, or ``None`` when none came
    (a camera that stopped delivering, an unplugged device); ``close`` is
    idempotent. One thread owns a source: it is not shared.
    """

    def open(self) -> None: ...

    def read(self) -> Frame | None: ...

    def close(self) -> None: ...


def to_gray(image: object) -> Frame | None:
    """Return a C-contiguous 2-D uint8 grey image, or ``None`` if there is none.

    Accepts grey, BGR, BGRA and single-channel 3-D arrays; bool, integer and
    float dtypes (floats in 0..1 are scaled to 0..255). Anything empty,
    smaller than :data:`MIN_SIDE`, of another shape, or not array-like gives
    ``None``.

    A frame that is one already comes back as it is, not copied: the camera
    path converts a colour frame once (:func:`hardware.scene.decode_frame`)
    and the decoder's own call here hands it through.
    """
    if isinstance(image, np.ndarray) and _is_grey_frame(image):
        return image if min(image.shape) >= MIN_SIDE else None
    try:
        array = np.asarray(image)
    except Exception:
        return None
    if array.dtype == object or array.size == 0:
        return None
    if array.ndim == 3:
        collapsed = _collapse_channels(array)
        if collapsed is None:
            return None
        array = collapsed
    if array.ndim != 2:
        return None
    if array.shape[0] < MIN_SIDE or array.shape[1] < MIN_SIDE:
        return None
    gray = _as_uint8(array)
    if gray is None:
        return None
    return np.ascontiguousarray(gray)


def _is_grey_frame(image: npt.NDArray[Any]) -> TypeGuard[Frame]:
    return image.ndim == 2 and image.dtype == np.uint8 and bool(image.flags.c_contiguous)


def _collapse_channels(array: npt.NDArray[Any]) -> npt.NDArray[Any] | None:
    channels = array.shape[2]
    if channels == 1:
        return array[:, :, 0]
    if channels not in (3, 4):
        return None
    # Alpha carries no luminance: drop it before converting.
    converted = _as_uint8(array[:, :, :3])
    if converted is None:
        return None
    import cv2

    gray: npt.NDArray[Any] = cv2.cvtColor(np.ascontiguousarray(converted), cv2.COLOR_BGR2GRAY)
    return gray


def _as_uint8(array: npt.NDArray[Any]) -> npt.NDArray[np.uint8] | None:
    result: npt.NDArray[np.uint8]
    if array.dtype == np.uint8:
        result = array
    elif array.dtype == np.bool_:
        result = array.astype(np.uint8) * np.uint8(255)
    elif np.issubdtype(array.dtype, np.integer):
        if array.dtype.itemsize == 2 and np.issubdtype(array.dtype, np.unsignedinteger):
            # 16-bit sensor data: the high byte is what a display would show.
            result = np.right_shift(array, 8).astype(np.uint8)
        else:
            result = np.clip(array, 0, 255).astype(np.uint8)
    elif np.issubdtype(array.dtype, np.floating):
        values = np.nan_to_num(array.astype(np.float64), nan=0.0, posinf=255.0, neginf=0.0)
        if values.size and float(values.max()) <= 1.0:
            values = values * 255.0
        result = np.clip(values, 0, 255).astype(np.uint8)
    else:
        return None
    return result


def bgr_to_gray(frame: Frame) -> Frame | None:
    """Grey image of a camera frame; the fast path for the common BGR case."""
    if frame.ndim == 3 and frame.shape[2] == 3 and frame.dtype == np.uint8:
        if frame.shape[0] < MIN_SIDE or frame.shape[1] < MIN_SIDE:
            return None
        import cv2

        return np.asarray(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), dtype=np.uint8)
    return to_gray(frame)


def fit_width(frame: Frame, max_width: int) -> Frame:
    """A copy of ``frame`` scaled down (never up) to at most ``max_width`` pixels wide."""
    height, width = frame.shape[:2]
    if width <= max_width or max_width <= 0:
        return frame.copy()
    import cv2

    new_height = max(1, round(height * max_width / width))
    scaled = cv2.resize(frame, (max_width, new_height), interpolation=cv2.INTER_AREA)
    return np.asarray(scaled, dtype=np.uint8)
