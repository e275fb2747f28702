"""Hand-written fakes and generated images for the hardware tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np
import segno

Image = np.ndarray[Any, np.dtype[np.uint8]]


class FakeClock:
    """A clock (`shared.clock.Clock`) whose readings move only when told to;
    called, it is a stopwatch too (what the decoder's fallback takes)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.current = start
        self.waits: list[float] = []

    def now(self) -> float:
        return self.current

    def monotonic(self) -> float:
        return self.current

    def __call__(self) -> float:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += seconds

    def wait(self, seconds: float) -> bool:
        """Stands in for Event.wait: records the wait and lets the time pass."""
        self.waits.append(seconds)
        self.current += seconds
        return False


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Bounded wait for a condition set by another thread."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        pause.wait(0.005)
    return True


# ---------------------------------------------------------------- images


def qr_gray(
    text: str, module_px: int = 4, *, quiet: int = 4, inverted: bool = False, micro: bool = False
) -> Image:
    """A clean grey QR image of ``text`` (segno)."""
    qr = segno.make_micro(text) if micro else segno.make_qr(text, error="m")
    modules = np.array(qr.matrix, dtype=bool)
    modules = np.pad(modules, quiet, constant_values=False)
    dark, light = (255, 0) if inverted else (0, 255)
    image = np.where(modules, dark, light).astype(np.uint8)
    return cv2.resize(
        image, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST
    ).astype(np.uint8)


def camera_scene(code: Image, *, seed: int = 1, size: tuple[int, int] = (1280, 720)) -> Image:
    """The code on a bright screen, tilted in perspective, blurred and noisy, in a BGR frame."""
    rng = np.random.default_rng(seed)
    width, height = size
    h, w = code.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    cx, cy = width / 2, height / 2
    jitter = rng.uniform(-0.08, 0.08, (4, 2)) * (w, h)
    dst = (src - (w / 2, h / 2) + jitter + (cx, cy)).astype(np.float32)
    warp = cv2.getPerspectiveTransform(src, dst)
    background = np.full((height, width), 120, np.uint8)
    warped = cv2.warpPerspective(
        code, warp, (width, height), flags=cv2.INTER_LINEAR, borderValue=120
    )
    mask = cv2.warpPerspective(np.full_like(code, 255), warp, (width, height))
    scene = np.where(mask > 0, warped, background).astype(np.float32)
    scene = cv2.GaussianBlur(scene, (0, 0), 0.8)
    scene += rng.normal(0, 4, scene.shape).astype(np.float32)
    gray = np.clip(scene, 0, 255).astype(np.uint8)
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)


def small_blurred(
    text: str, *, seed: int = 0, inverted: bool = False, size: tuple[int, int] = (640, 480)
) -> Image:
    """A grey frame with ``text`` at 2 px/module, slightly defocused and noisy:
    zxing-cpp locates the symbol but does not read it."""
    rng = np.random.default_rng(seed)
    code = cv2.resize(
        qr_gray(text, module_px=4, inverted=inverted),
        None,
        fx=0.5,
        fy=0.5,
        interpolation=cv2.INTER_AREA,
    )
    width, height = size
    frame = np.full((height, width), 40 if inverted else 200, np.float32)
    top, left = (height - code.shape[0]) // 2, (width - code.shape[1]) // 2
    frame[top : top + code.shape[0], left : left + code.shape[1]] = code
    frame = cv2.GaussianBlur(frame, (0, 0), 0.8) + rng.normal(0, 4, frame.shape)
    return np.clip(frame, 0, 255).astype(np.uint8)


def grainy(text: str, *, seed: int = 0) -> Image:
    """A 360x360 photograph-like image of ``text`` filling the frame, printed on
    coarse grainy paper: zxing-cpp does not even locate it at full size."""
    rng = np.random.default_rng(seed)
    image = qr_gray(text, module_px=8).astype(np.float32)
    grain = cv2.GaussianBlur(rng.normal(0, 80, image.shape).astype(np.float32), (0, 0), 1.0)
    return np.clip(image * 0.6 + 50 + grain, 0, 255).astype(np.uint8)


def moire_phone(
    text: str, *, seed: int = 0, size: tuple[int, int] = (1280, 720)
) -> tuple[Image, tuple[float, float]]:
    """A grey camera frame of a phone held flat to the camera, showing ``text``
    at 7/3 px per module, its screen's pixel grid beating against the
    camera's into diagonal moiré stripes, slightly defocused and noisy; and
    the centre of the screen. zxing-cpp neither reads nor locates most such
    codes; a sharpened 2x copy of the screen reads them.

    Drawn 3x larger, then sampled down point-wise (as a sensor without an
    optical low-pass filter does): the screen's pixel columns, 0.88-0.94 of
    a camera pixel apart, alias into coarse stripes.
    """
    rng = np.random.default_rng(seed)
    ss = 3
    code = qr_gray(text, module_px=7)
    side = code.shape[0]
    screen = np.full((side + 2 * (side // 3), side + 2 * (side // 8)), 240, np.float32)
    screen[side // 3 : side // 3 + side, side // 8 : side // 8 + side] = np.where(
        code < 128, 20, 240
    )
    phone = np.pad(screen, side // 14, constant_values=15)
    pitch = ss * rng.uniform(0.88, 0.94)
    rows = np.arange(phone.shape[0], dtype=np.float32)
    cols = np.arange(phone.shape[1], dtype=np.float32)
    grid = np.outer(
        0.8 + 0.2 * np.cos(2 * np.pi * rows / pitch), 0.5 + 0.5 * np.cos(2 * np.pi * cols / pitch)
    )
    phone = phone * (0.75 + 0.25 * grid)
    width, height = size
    centre = (width * rng.uniform(0.4, 0.6), height * rng.uniform(0.4, 0.6))
    turn = cv2.getRotationMatrix2D(
        (phone.shape[1] / 2, phone.shape[0] / 2), rng.uniform(-12, 12), 1 / ss
    )
    turn[:, 2] += (centre[0] - phone.shape[1] / 2, centre[1] - phone.shape[0] / 2)
    warped = cv2.warpAffine(phone, turn, size, flags=cv2.INTER_LINEAR, borderValue=-1)
    light = 140 + 30 * np.linspace(0, 1, width, dtype=np.float32)
    frame = np.where(warped >= 0, warped, np.broadcast_to(light, (height, width)))
    frame = cv2.GaussianBlur(frame, (0, 0), 1.0) + rng.normal(0, 2.5, frame.shape)
    return np.clip(frame, 0, 255).astype(np.uint8), centre


def desk(seed: int, size: tuple[int, int] = (1280, 720)) -> Image:
    """An empty grey desk with clutter: printed text, shapes and a checked cloth."""
    rng = np.random.default_rng(seed)
    width, height = size
    frame = np.full((height, width), int(rng.integers(90, 200)), np.uint8)
    for _ in range(30):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        cv2.rectangle(
            frame,
            (x, y),
            (x + int(rng.integers(20, 300)), y + int(rng.integers(20, 200))),
            int(rng.integers(0, 256)),
            -1,
        )
    for _ in range(30):
        text = "".join(chr(int(c)) for c in rng.integers(48, 91, int(rng.integers(5, 25))))
        org = (int(rng.integers(0, width)), int(rng.integers(0, height)))
        cv2.putText(frame, text, org, cv2.FONT_HERSHEY_SIMPLEX, float(rng.uniform(0.4, 1.5)), 20)
    yy, xx = np.mgrid[0:200, 0:200]
    cell = int(rng.integers(3, 10))
    frame[:200, :200] = (((yy // cell) + (xx // cell)) % 2 * 200 + 30).astype(np.uint8)
    noisy = frame + rng.normal(0, 4, frame.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def iin(first11: str) -> str:
    """A valid IIN from its first 11 digits (check digit per the IIN rules)."""
    digits = [int(c) for c in first11]
    for weights in (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)):
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return first11 + str(check)
    raise ValueError("no valid check digit")


JWS_PASS = "eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIn0.eyJzdWIiOiIwMDAxMDE1MDAwMDIifQ.AbC-_x9"


# ---------------------------------------------------------------- pipeline fakes


class Recorder:
    """Collects pipeline callbacks with their arrival times; waits for them."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.codes: list[tuple[float, str]] = []
        self.states: list[tuple[float, Any]] = []
        self.previews: list[Image] = []
        self.threads: set[str] = set()

    def on_code(self, code: Any) -> None:
        """A DecodedCode (camera) or a plain text (serial scanner)."""
        text = code if isinstance(code, str) else code.text
        self._add(self.codes, (time.monotonic(), text))

    def on_state(self, state: Any) -> None:
        self._add(self.states, (time.monotonic(), state))

    def on_preview(self, frame: Image) -> None:
        self._add(self.previews, frame)

    def _add(self, target: list[Any], item: Any) -> None:
        with self._cond:
            self.threads.add(threading.current_thread().name)
            target.append(item)
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        with self._cond:
            return self._cond.wait_for(predicate, timeout)

    def state_names(self) -> list[str]:
        with self._cond:
            return [state.value for _, state in self.states]

    def texts(self) -> list[str]:
        with self._cond:
            return [text for _, text in self.codes]

    def first(self, state_name: str, after: float = 0.0) -> float | None:
        with self._cond:
            for when, state in self.states:
                if state.value == state_name and when >= after:
                    return when
        return None
