"""Reading image files for decoding: any format OpenCV decodes, any path.

``cv2.imread`` cannot open non-ASCII paths on Windows; reading the bytes
with numpy and decoding them in memory works everywhere, including paths
with ``#``, spaces or Cyrillic letters.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from hardware.frames import Frame

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Larger files are refused rather than read into memory."""


class ImageUnreadable(Exception):
    """An image file could not be read or decoded."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason


def load_gray(path: str | os.PathLike[str]) -> Frame:
    """The image at ``path`` as a 2-D uint8 grey array.

    Raises :class:`ImageUnreadable` with a reason (missing, empty, not an
    image) instead of returning ``None``.
    """
    import cv2

    return _decode(path, cv2.IMREAD_GRAYSCALE)


def load_bgr(path: str | os.PathLike[str]) -> Frame:
    """The image at ``path`` as an (h, w, 3) uint8 BGR array."""
    import cv2

    return _decode(path, cv2.IMREAD_COLOR)


def _decode(path: str | os.PathLike[str], flags: int) -> Frame:
    import cv2

    data = _read_bytes(path)
    try:
        image = cv2.imdecode(data, flags)
    except cv2.error as error:
        raise ImageUnreadable(path, f"not an image OpenCV can decode ({error})") from error
    if image is None or image.size == 0:
        raise ImageUnreadable(path, "not an image OpenCV can decode")
    result: Frame = np.ascontiguousarray(image, dtype=np.uint8)
    return result


def _read_bytes(path: str | os.PathLike[str]) -> Frame:
    target = Path(path)
    try:
        size = target.stat().st_size
        if target.is_dir():
            raise ImageUnreadable(path, "is a folder, not a file")
        if size == 0:
            raise ImageUnreadable(path, "the file is empty")
        if size > MAX_FILE_BYTES:
            raise ImageUnreadable(path, f"the file is larger than {MAX_FILE_BYTES} bytes")
        data: Frame = np.fromfile(target, dtype=np.uint8)
    except FileNotFoundError as error:
        raise ImageUnreadable(path, "no such file") from error
    except PermissionError as error:
        raise ImageUnreadable(path, "permission denied") from error
    except OSError as error:
        raise ImageUnreadable(path, error.strerror or str(error)) from error
    if data.size == 0:
        raise ImageUnreadable(path, "the file is empty")
    return data
