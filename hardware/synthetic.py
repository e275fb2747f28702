"""Synthetic camera frames showing codes: for the demo camera and for tests.

The demo mode feeds these to :class:`hardware.sources.FrameListSource`, so
a machine without a camera shows demo visitors' codes as if held up to one.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from hardware.frames import Frame

QUIET_ZONE = 4
"""Modules of light margin around a QR code (the standard's minimum)."""


def code_modules(text: str, *, error: str = "m") -> npt.NDArray[np.bool_]:
    """The module matrix of ``text`` as a QR Model 2 code; ``True`` is dark."""
    import segno

    qr = segno.make_qr(text, error=error)
    return np.array(qr.matrix, dtype=bool)


def code_image(
    text: str,
    *,
    module_px: int = 6,
    quiet_zone: int = QUIET_ZONE,
    dark_mode: bool = False,
    error: str = "m",
) -> Frame:
    """A grey image of the QR code for ``text``: ``module_px`` pixels per module.

    ``dark_mode`` draws light modules on a dark ground, as phones in dark
    mode do.
    """
    modules = np.pad(code_modules(text, error=error), quiet_zone, constant_values=False)
    dark, light = (235, 20) if dark_mode else (0, 255)
    image = np.where(modules, dark, light).astype(np.uint8)
    scale = max(1, int(module_px))
    return np.repeat(np.repeat(image, scale, axis=0), scale, axis=1)


def blank_frame(width: int = 640, height: int = 480) -> Frame:
    """A camera frame with no code: a softly lit desk (BGR)."""
    xs = np.linspace(0.0, 1.0, width, dtype=np.float32)
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)
    light = 150.0 + 50.0 * np.outer(1.0 - 0.6 * ys, 1.0 - 0.4 * np.abs(xs - 0.5))
    frame = np.empty((height, width, 3), dtype=np.uint8)
    frame[:, :, 0] = np.clip(light * 0.92, 0, 255).astype(np.uint8)
    frame[:, :, 1] = np.clip(light * 0.97, 0, 255).astype(np.uint8)
    frame[:, :, 2] = np.clip(light, 0, 255).astype(np.uint8)
    return frame


def phone_frame(
    text: str,
    *,
    width: int = 640,
    height: int = 480,
    module_px: int = 5,
    dark_mode: bool = False,
) -> Frame:
    """A camera frame of a phone held up showing the QR code for ``text`` (BGR).

    The code is scaled down if it would not fit the frame.
    """
    code = code_image(text, module_px=module_px, dark_mode=dark_mode)
    limit = int(min(width, height) * 0.8)
    while code.shape[0] > limit and module_px > 1:
        module_px -= 1
        code = code_image(text, module_px=module_px, dark_mode=dark_mode)
    frame = blank_frame(width, height)
    side = code.shape[0]
    margin = max(6, side // 10)
    screen_h = min(height - 4, side + 4 * margin)
    screen_w = min(width - 4, side + 2 * margin)
    top = (height - screen_h) // 2
    left = (width - screen_w) // 2
    bezel = 8
    y0, y1 = max(0, top - bezel), min(height, top + screen_h + bezel)
    x0, x1 = max(0, left - bezel), min(width, left + screen_w + bezel)
    frame[y0:y1, x0:x1] = 25
    screen = 20 if dark_mode else 250
    frame[top : top + screen_h, left : left + screen_w] = screen
    cy = top + (screen_h - side) // 2
    cx = left + (screen_w - side) // 2
    frame[cy : cy + side, cx : cx + side] = code[:, :, np.newaxis]
    return frame


def demo_frames(
    texts: Iterable[str],
    *,
    width: int = 640,
    height: int = 480,
    module_px: int = 5,
    show_frames: int = 45,
    blank_frames: int = 30,
) -> list[Frame]:
    """Frames for a looping demo camera: each code shown for ``show_frames``
    frames, then ``blank_frames`` frames with no code.

    Frames that repeat are the same array, so a long demo costs little memory.
    """
    blank = blank_frame(width, height)
    frames: list[Frame] = []
    for text in texts:
        shown = phone_frame(text, width=width, height=height, module_px=module_px)
        frames.extend([shown] * max(0, show_frames))
        frames.extend([blank] * max(0, blank_frames))
    if not frames:
        frames.append(blank)
    return frames
