"""The decoder benchmark's frames: the Sample type and its four sets (empty
frames, phone screens, hard frames, real photographs), each generated from a
fixed seed so runs are comparable."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from bench.scenes import (
    HARD_LOOKS,
    Image,
    background,
    hard_scene,
    make_iins,
    make_pass,
    phone_scene,
)
from hardware.imagefile import ImageUnreadable, load_bgr

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TESTDATA = REPO / "bench" / "data" / "qr-real"
RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))
TEXTURES = ("flat", "office", "cluttered")
CONDITIONS = (
    "clean",
    "perspective",
    "blur",
    "noise",
    "glare",
    "moire",
    "low_contrast",
    "dark_mode",
)
MODULE_SIZES = (2, 3, 4, 5, 6, 8, 12)


@dataclass
class Sample:
    """One frame, the group it is tallied in, and what must be read from it."""

    group: str
    image: Image  # BGR for generated frames and photographs
    expected: str | None  # None: nothing must be read
    condition: str = ""
    px_per_module: float = 0
    loose_newlines: bool = False
    _gray: Image | None = field(default=None, init=False, repr=False, compare=False)

    def gray(self) -> Image:
        """The frame in grey, converted once and kept for the next runner."""
        if self._gray is None:
            self._gray = np.asarray(cv2.cvtColor(self.image, cv2.COLOR_BGR2GRAY), dtype=np.uint8)
        return self._gray


def empty_samples(quick: bool) -> list[Sample]:
    rng = np.random.default_rng(20210401)
    per = 3 if quick else 8
    samples = []
    for width, height in RESOLUTIONS:
        for texture in TEXTURES:
            for _ in range(per):
                frame = background(rng, width, height, texture)
                samples.append(Sample(f"empty {height}p {texture}", frame, None, texture))
    return samples


def phone_samples(quick: bool) -> list[Sample]:
    rng = np.random.default_rng(20210402)
    texts_per_kind = 1 if quick else 3
    iins = make_iins(rng, texts_per_kind)
    passes = [make_pass(rng, iin) for iin in make_iins(rng, texts_per_kind)]
    samples = []
    turn = 0
    for px in MODULE_SIZES:
        for condition in CONDITIONS:
            for text in iins + passes:
                # Cycle through the camera resolutions; move up when the code does not fit.
                turn += 1
                frame = None
                for width, height in RESOLUTIONS[turn % len(RESOLUTIONS) :]:
                    for _ in range(3):
                        frame = phone_scene(rng, text, px, condition, width, height)
                        if frame is not None:
                            break
                    if frame is not None:
                        break
                if frame is None:
                    continue
                group = f"phone {px}px/module"
                samples.append(Sample(group, frame, text, condition, px))
    return samples


def hard_samples(quick: bool) -> list[Sample]:
    """Frames plain zxing-cpp often misses, by condition (bench.scenes.HARD_LOOKS),
    at the kiosk's camera resolutions, 640x480 and 1280x720 in turn."""
    rng = np.random.default_rng(20210405)
    per_kind = 1 if quick else 6
    texts = make_iins(rng, per_kind) + [make_pass(rng, iin) for iin in make_iins(rng, per_kind)]
    samples = []
    for condition in HARD_LOOKS:
        for turn, text in enumerate(texts * 2):
            frame = None
            for width, height in RESOLUTIONS[turn % 2 :]:
                for _ in range(3):
                    frame, px = hard_scene(rng, text, condition, width, height)
                    if frame is not None:
                        break
                if frame is not None:
                    break
            if frame is not None:
                samples.append(Sample(f"hard {condition}", frame, text, condition, px))
    return samples


def real_samples(folder: Path) -> list[Sample]:
    """Every N.png/N.webp/N.jpg under folder with an N.txt beside it."""
    samples = []
    images = [p for p in folder.rglob("*") if p.suffix.lower() in (".webp", ".png", ".jpg")]
    for path in sorted(images):
        expected_path = path.with_suffix(".txt")
        if not expected_path.exists():
            continue
        try:
            image = load_bgr(path)
        except ImageUnreadable as error:
            print(f"  skipped {error}")
            continue
        expected = expected_path.read_bytes().decode("utf-8")
        samples.append(Sample("real photographs", image, expected, path.name, 0, True))
    return samples
