"""Generated camera frames for the decoder benchmark: an empty desk, and a
phone held up showing a code, under one condition each (see ``Look``).

Every frame comes from a seeded ``numpy.random.Generator``, so runs are
comparable. The frames of the standard conditions are drawn in the same
order as before the hard conditions were added, so their figures stay
comparable across versions of the benchmark.
"""

from __future__ import annotations

import base64
import functools
import json
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from hardware.synthetic import code_image
from kiosk.iin import check_digit

Image = np.ndarray[Any, np.dtype[np.uint8]]
Range = tuple[float, float]

# ---------------------------------------------------------------- test content


def make_iins(rng: np.random.Generator, count: int) -> list[str]:
    iins: list[str] = []
    while len(iins) < count:
        year = int(rng.integers(0, 100))
        month = int(rng.integers(1, 13))
        day = int(rng.integers(1, 29))
        century = int(rng.integers(3, 7))
        serial = int(rng.integers(0, 10000))
        first11 = f"{year:02d}{month:02d}{day:02d}{century}{serial:04d}"
        check = check_digit(first11)
        if check is not None:
            iins.append(first11 + str(check))
    return iins


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_pass(rng: np.random.Generator, iin: str) -> str:
    """A signed-pass-shaped text: JWS compact form, ~350 characters."""
    header = {"alg": "EdDSA", "kid": "ashyq-2021-k1", "typ": "JWT"}
    issued = 1_620_000_000 + int(rng.integers(0, 10_000_000))
    claims = {
        "iss": "kz.ashyq.passes",
        "sub": iin,
        "st": str(rng.choice(["green", "blue", "yellow", "red"])),
        "sv": issued + 3 * 86400,
        "iat": issued,
        "exp": issued + 300,
        "nm": "Бекболат М.",
        "jti": _b64(rng.bytes(12)),
    }
    signing_input = (
        _b64(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + _b64(json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode())
    )
    return signing_input + "." + _b64(rng.bytes(64))


# ---------------------------------------------------------------- scenes


def background(rng: np.random.Generator, width: int, height: int, texture: str) -> Image:
    """A camera's view of the desk with nothing to read."""
    base = rng.integers(90, 200)
    xs = np.linspace(-1, 1, width, dtype=np.float32)
    ys = np.linspace(-1, 1, height, dtype=np.float32)
    gx, gy = rng.uniform(-25, 25, 2)
    light = base + gx * xs[np.newaxis, :] + gy * ys[:, np.newaxis]
    tint = rng.uniform(0.85, 1.1, 3)
    frame = to_uint8(light[:, :, np.newaxis] * tint.astype(np.float32))
    if texture in ("office", "cluttered"):
        shapes = 12 if texture == "office" else 60
        for _ in range(shapes):
            colour = tuple(int(c) for c in rng.integers(0, 256, 3))
            x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
            w, h = int(rng.integers(20, width // 3)), int(rng.integers(20, height // 3))
            kind = rng.integers(0, 3)
            if kind == 0:
                cv2.rectangle(frame, (x, y), (x + w, y + h), colour, -1)
            elif kind == 1:
                cv2.circle(frame, (x, y), max(w, h) // 3, colour, -1)
            else:
                cv2.line(frame, (x, y), (x + w, y + h), colour, int(rng.integers(1, 6)))
        lines = 10 if texture == "office" else 60
        for _ in range(lines):  # printed paper, posters, keyboards
            text = "".join(chr(int(c)) for c in rng.integers(48, 91, int(rng.integers(5, 25))))
            org = (int(rng.integers(0, width)), int(rng.integers(0, height)))
            scale = float(rng.uniform(0.4, 1.6))
            ink = tuple(int(c) for c in rng.integers(0, 90, 3))
            cv2.putText(frame, text, org, cv2.FONT_HERSHEY_SIMPLEX, scale, ink, 1, cv2.LINE_AA)
        if texture == "cluttered":
            for _ in range(6):  # checked fabric, blinds, shelving
                x, y = int(rng.integers(0, width - 40)), int(rng.integers(0, height - 40))
                size, cell = int(rng.integers(40, 200)), int(rng.integers(3, 12))
                yy, xx = np.mgrid[0:size, 0:size]
                pattern = (((yy // cell) + (xx // cell)) % 2 * 200 + 30).astype(np.uint8)
                patch = frame[y : y + size, x : x + size]
                patch[:] = pattern[: patch.shape[0], : patch.shape[1], np.newaxis]
        frame = np.asarray(cv2.GaussianBlur(frame, (0, 0), 0.8), dtype=np.uint8)
    sigma = {"flat": 2.0, "office": 3.0, "cluttered": 6.0}[texture]
    return add_noise(rng, frame, sigma)


@functools.lru_cache(maxsize=4)
def _noise_field(height: int, width: int, channels: int) -> np.ndarray[Any, Any]:
    rng = np.random.default_rng(height * 10_000 + width)
    return rng.standard_normal((height + 64, width + 64, channels), dtype=np.float32)


def add_noise(rng: np.random.Generator, frame: Image | np.ndarray[Any, Any], sigma: float) -> Image:
    """Sensor noise: a crop of a fixed Gaussian field at a random offset (fast, seeded)."""
    height, width, channels = frame.shape
    dy, dx = rng.integers(0, 64, 2)
    noise = _noise_field(height, width, channels)[dy : dy + height, dx : dx + width]
    noisy = cv2.scaleAdd(noise, float(sigma), frame.astype(np.float32))
    return to_uint8(noisy)


def to_uint8(image: np.ndarray[Any, Any]) -> Image:
    clipped: Image = cv2.convertScaleAbs(np.maximum(image, 0.0, out=image))
    return clipped


@functools.lru_cache(maxsize=64)
def _code(text: str, module_px: int, dark: bool) -> Image:
    return code_image(text, module_px=module_px, dark_mode=dark)


@dataclass(frozen=True)
class Look:
    """How a phone screen looks to the camera; every range is drawn from per frame."""

    dark: bool = False
    contrast: tuple[Range, Range] | None = None  # (dark level, light level) of the screen
    moire: bool = False
    skew: float = 0.06  # perspective: relative jitter of the corners
    glare: tuple[Range, Range] | None = None  # (strength, radius as a share of the phone)
    blur: Range | None = None  # camera defocus sigma, px (0.6 when None)
    noise: Range | None = None  # sensor noise sigma (2.5 when None)
    motion: Range | None = None  # motion blur length, px, in a random direction


LOOKS = {
    "clean": Look(),
    "perspective": Look(skew=0.22),
    "blur": Look(blur=(1.1, 1.6)),
    "noise": Look(noise=(9, 14)),
    "glare": Look(glare=((120, 190), (0.12, 0.22))),
    "moire": Look(moire=True),
    "low_contrast": Look(contrast=((55, 80), (125, 150))),
    "dark_mode": Look(dark=True),
}
"""The standard conditions: each alone, at a strength zxing-cpp reads at >= 4 px/module."""

HARD_LOOKS: dict[str, tuple[tuple[float, ...], Look]] = {
    "motion": ((3, 4, 5), Look(motion=(3, 6))),
    "heavy_motion": ((4, 5, 6), Look(motion=(16, 26))),
    "glare": ((3, 4), Look(glare=((170, 240), (0.15, 0.25)))),
    "moire": ((7 / 3, 3), Look(moire=True, blur=(0.9, 1.2))),
    "low_contrast": ((3, 4), Look(contrast=((80, 100), (105, 125)), noise=(4, 6))),
    "small": ((5 / 3, 2, 7 / 3), Look(blur=(0.7, 0.9))),
    "dark_mode": ((7 / 3, 3), Look(dark=True, blur=(1.0, 1.3))),
}
"""Hard frames: (pixels per module to choose from, look). Strong or combined
conditions at small sizes, where plain zxing-cpp misses; heavy motion blur is
there to show what no pass reads."""


def phone_scene(
    rng: np.random.Generator,
    text: str,
    px: float,
    condition: str,
    width: int,
    height: int,
) -> Image | None:
    """A phone held up to the camera showing ``text`` at about ``px`` pixels
    per module, under one of the standard conditions (:data:`LOOKS`)."""
    return compose(rng, text, px, LOOKS[condition], width, height)


def hard_scene(
    rng: np.random.Generator, text: str, condition: str, width: int, height: int
) -> tuple[Image | None, float]:
    """A hard frame (:data:`HARD_LOOKS`) and its pixels per module."""
    sizes, look = HARD_LOOKS[condition]
    px = float(rng.choice(sizes))
    return compose(rng, text, px, look, width, height), px


def compose(
    rng: np.random.Generator, text: str, px: float, look: Look, width: int, height: int
) -> Image | None:
    """The frame, or None when the phone does not fit it at this size."""
    ss = 3  # supersampling of the phone image before it is warped into the frame
    phone = _screen(rng, _code(text, round(px * ss), look.dark), ss, look)
    placed = _place(rng, phone, ss, look.skew, width, height)
    if placed is None:
        return None
    frame, dst, out_w = placed
    if look.glare is not None:
        frame += _glare(rng, dst, out_w, look.glare, width, height)[:, :, np.newaxis]
    sigma = 0.6 if look.blur is None else rng.uniform(*look.blur)
    if look.motion is not None:
        frame = _motion_blur(frame, rng.uniform(*look.motion), rng.uniform(0, 180))
    frame = cv2.GaussianBlur(frame, (0, 0), sigma)
    noise = 2.5 if look.noise is None else rng.uniform(*look.noise)
    return add_noise(rng, frame, noise)


def _screen(rng: np.random.Generator, code: Image, ss: int, look: Look) -> np.ndarray[Any, Any]:
    side = code.shape[0]
    margin_x, margin_y = side // 8, side // 3
    ground = 20 if look.dark else 245
    screen = np.full((side + 2 * margin_y, side + 2 * margin_x), ground, np.uint8)
    screen[margin_y : margin_y + side, margin_x : margin_x + side] = code
    bezel = side // 14
    phone = np.pad(screen, bezel, constant_values=15).astype(np.float32)
    if look.contrast is not None:
        low, high = rng.uniform(*look.contrast[0]), rng.uniform(*look.contrast[1])
        phone = low + (high - low) * phone / 255.0
    if look.moire:
        # The screen's pixel grid, sampled by the camera's own grid without
        # optical low-pass, beats into coarse stripes.
        pitch = ss * rng.choice([rng.uniform(0.86, 0.95), rng.uniform(1.05, 1.14)])
        yy, xx = np.mgrid[0 : phone.shape[0], 0 : phone.shape[1]].astype(np.float32)
        grid = 0.5 + 0.5 * np.cos(2 * np.pi * xx / pitch) * np.cos(2 * np.pi * yy / pitch)
        beaten: np.ndarray[Any, Any] = phone * (0.65 + 0.35 * grid)
        return beaten
    return cv2.GaussianBlur(phone, (0, 0), 0.5 * ss)


def _place(
    rng: np.random.Generator,
    phone: np.ndarray[Any, Any],
    ss: int,
    skew: float,
    width: int,
    height: int,
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], float] | None:
    """The phone tilted and put somewhere on a desk: (frame, corners, width)."""
    ph, pw = phone.shape
    scale = 1.0 / ss
    out_w, out_h = pw * scale, ph * scale
    if out_h > height * 0.98 or out_w > width * 0.98:
        return None
    angle = np.deg2rad(rng.uniform(-25, 25))
    corners = np.array([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]], np.float32)
    corners -= (out_w / 2, out_h / 2)
    corners *= 1 + rng.uniform(-skew, skew, (4, 1)).astype(np.float32)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    corners = (corners @ rotation.T).astype(np.float32)
    span_x = max(0.0, (width - (corners[:, 0].max() - corners[:, 0].min())) / 2 - 2)
    span_y = max(0.0, (height - (corners[:, 1].max() - corners[:, 1].min())) / 2 - 2)
    centre = (width / 2 + rng.uniform(-span_x, span_x), height / 2 + rng.uniform(-span_y, span_y))
    dst = corners + np.array(centre, np.float32)
    if dst[:, 0].min() < 0 or dst[:, 1].min() < 0:
        return None
    if dst[:, 0].max() >= width or dst[:, 1].max() >= height:
        return None
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    warp = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(phone, warp, (width, height), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones_like(phone), warp, (width, height), flags=cv2.INTER_LINEAR)
    frame = background(rng, width, height, str(rng.choice(["flat", "office"]))).astype(np.float32)
    mask3 = mask[:, :, np.newaxis]
    return frame * (1 - mask3) + warped[:, :, np.newaxis] * mask3, dst, out_w


def _glare(
    rng: np.random.Generator,
    dst: np.ndarray[Any, Any],
    out_w: float,
    glare: tuple[Range, Range],
    width: int,
    height: int,
) -> np.ndarray[Any, Any]:
    """A reflected lamp: a bright Gaussian blob on the screen."""
    strength, radius_share = glare
    qx, qy = dst.mean(axis=0) + rng.uniform(-0.25, 0.25, 2) * (out_w, out_w)
    radius = rng.uniform(*radius_share) * out_w
    xx = np.arange(width, dtype=np.float32)[np.newaxis, :] - qx
    yy = np.arange(height, dtype=np.float32)[:, np.newaxis] - qy
    blob = np.exp(-(xx**2 + yy**2) / (2 * radius**2))
    glow: np.ndarray[Any, Any] = rng.uniform(*strength) * blob
    return glow


def _motion_blur(
    frame: np.ndarray[Any, Any], length: float, degrees: float
) -> np.ndarray[Any, Any]:
    """The phone moving ``length`` pixels during the exposure."""
    size = int(np.ceil(length)) | 1
    kernel = np.zeros((size, size), np.float32)
    centre = size // 2
    dx = np.cos(np.deg2rad(degrees)) * length / 2
    dy = np.sin(np.deg2rad(degrees)) * length / 2
    start = (round(centre * 16 - dx * 16), round(centre * 16 - dy * 16))
    end = (round(centre * 16 + dx * 16), round(centre * 16 + dy * 16))
    cv2.line(kernel, start, end, 1.0, 1, cv2.LINE_AA, shift=4)
    kernel /= kernel.sum()
    return np.asarray(cv2.filter2D(frame, -1, kernel), dtype=np.float32)
