"""Further decoding passes, only on frames where a code probably is.

Most camera frames hold no code, so whatever a decoder adds to the plain
pass must cost (almost) nothing on them. The fallback therefore runs its
passes only where there is a sign of a code:

- **located**: the first pass found a symbol but could not decode it
  (zxing-cpp reports these with ``return_errors``; the signal is free). The
  passes then work on a crop around each such symbol;
- otherwise, on small images only (short side up to :data:`PROBE_MAX_SIDE`:
  stills and crops rather than camera frames), a **probe**: one
  GlobalHistogram pass on a half-size copy. Averaging pixels away smooths
  paper texture, halftone pictures and noise, so it reads codes that fill
  the image but defeat the full-size pass; a symbol it only locates gets the
  crop passes at full resolution. On camera frames (480p and up) it read
  nothing more in the benchmark, where plain zxing-cpp already reads the
  large codes, and would add ~10 % to every empty frame: it is left out.
- when still nothing is located, **code-like texture**
  (:func:`hardware.decoder.texture.textured`: a dense, irregular patch of sharp
  dark/light changes, found on a sparse sample of the frame in tens of
  microseconds): a small code blurred and crossed by moiré, which zxing-cpp
  does not even locate. The box around it gets the sharpened 2x upscale.

The crop passes around a located symbol, in order, until one reads: the
GlobalHistogram binarizer, an unsharp-masked copy, a 2x upscale, a sharpened
2x upscale (small or blurred codes; moiré). They stop when the time
``budget_s`` is spent (the clock is injected, so tests need no sleeping).
See docs/hardware.md for what each adds and costs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from hardware.decoder.port import DecodedCode
from hardware.decoder.texture import textured
from hardware.frames import MIN_SIDE

Gray = npt.NDArray[np.uint8]
Quad = tuple[tuple[int, int], ...]
"""Corners of a symbol in image pixels, as in :attr:`DecodedCode.points`."""

PROBE_MAX_SIDE = 400
"""The probe runs on images whose short side is at most this."""

PROBE_MIN_SIDE = 96
"""...and at least this: a half-size copy of anything smaller holds no readable code."""

TEXTURE_MARGIN = 0.1
"""The texture box grown by this share of its size: it already reaches half
a density window past the texture, the quiet zone included."""

UPSCALE_MAX_SIDE = 640
"""Crops larger than this are not upscaled: their codes are not small, and
a 2x copy would cost more than the budget allows."""


@dataclass(frozen=True, slots=True)
class PassResult:
    """What one decoding pass found: codes read, and symbols located but not read."""

    codes: list[DecodedCode] = field(default_factory=list)
    located: list[Quad] = field(default_factory=list)


class Pass(Protocol):
    """One pass of the backend over a grey image (``global_threshold``:
    binarise with one threshold for the whole image instead of local ones)."""

    def __call__(self, image: Gray, *, global_threshold: bool = False) -> PassResult: ...


@dataclass(slots=True)
class FallbackStats:
    """Counters for the benchmark and the tests (one decoder, one owner)."""

    probes: int = 0
    """Frames probed at low resolution (the first pass read and located nothing)."""
    triggered: int = 0
    """Frames on which crop passes ran: a symbol was located."""
    textured: int = 0
    """Frames on which a pass ran around code-like texture: nothing was located."""
    passes: int = 0
    """Crop passes run, all frames together."""
    rescued: int = 0
    """Frames the fallback read (probe included)."""
    over_budget: int = 0
    """Frames on which passes were left out because the time budget was spent."""


@dataclass(frozen=True, slots=True)
class _Region:
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def long_side(self) -> int:
        return max(self.x1 - self.x0, self.y1 - self.y0)


_CropPass = Callable[[Pass, Gray], tuple[PassResult, float]]
"""A crop pass: the result, and the scale of the image it read (2.0 = upscaled)."""


class Fallback:
    """Runs the further passes for a :class:`Pass` of some backend.

    ``budget_s`` bounds the extra time per frame: a pass starts only if the
    time spent plus its predicted length (its pixels at the slowest rate of
    the passes before it) fits. ``max_regions`` bounds the located symbols
    examined per frame.
    """

    def __init__(
        self,
        read_pass: Pass,
        *,
        budget_s: float = 0.010,
        clock: Callable[[], float] = time.perf_counter,
        max_regions: int = 3,
    ) -> None:
        if budget_s < 0:
            raise ValueError("budget_s must not be negative")
        self._pass = read_pass
        self._budget = budget_s
        self._clock = clock
        self._max_regions = max_regions
        self.stats = FallbackStats()

    def read(self, image: Gray, located: Sequence[Quad]) -> list[DecodedCode]:
        """Codes in ``image`` that the first pass missed; ``located`` is what it located."""
        started = self._clock()
        if not located and PROBE_MIN_SIDE <= min(image.shape) <= PROBE_MAX_SIDE:
            self.stats.probes += 1
            found = self._pass(_half(image), global_threshold=True)
            if found.codes:
                self.stats.rescued += 1
                return [moved(code, 2.0, (0, 0)) for code in found.codes]
            located = [tuple((2 * x, 2 * y) for x, y in quad) for quad in found.located]
        height, width = image.shape[:2]
        if located:
            self.stats.triggered += 1
            regions = [
                (_region(quad, width, height), _CROP_PASSES)
                for quad in list(located)[: self._max_regions]
            ]
        else:
            box = textured(image)
            if box is None:
                return []
            self.stats.textured += 1
            corners = ((box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1))
            regions = [(_region(corners, width, height, margin=TEXTURE_MARGIN), _TEXTURE_PASSES)]
        per_pixel = 0.0  # the slowest pass so far, seconds per pixel: predicts the next
        for region, passes in regions:
            if region.x1 - region.x0 < MIN_SIDE or region.y1 - region.y0 < MIN_SIDE:
                continue
            crop = np.ascontiguousarray(image[region.y0 : region.y1, region.x0 : region.x1])
            for crop_pass in passes:
                upscaling = crop_pass in _UPSCALING
                if upscaling and region.long_side > UPSCALE_MAX_SIDE:
                    continue
                pixels = crop.size * (4 if upscaling else 1)
                before = self._clock()
                if before - started + per_pixel * pixels >= self._budget:
                    self.stats.over_budget += 1
                    return []
                self.stats.passes += 1
                found, scale = crop_pass(self._pass, crop)
                per_pixel = max(per_pixel, (self._clock() - before) / pixels)
                if found.codes:
                    self.stats.rescued += 1
                    offset = (region.x0, region.y0)
                    return [moved(code, 1.0 / scale, offset) for code in found.codes]
        return []


def moved(code: DecodedCode, scale: float, offset: tuple[int, int]) -> DecodedCode:
    """``code`` with its corners scaled by ``scale``, then shifted by ``offset``."""
    dx, dy = offset
    points = tuple((round(x * scale) + dx, round(y * scale) + dy) for x, y in code.points)
    return DecodedCode(code.text, code.format, points)


# ---------------------------------------------------------------- the passes


def _global(read_pass: Pass, crop: Gray) -> tuple[PassResult, float]:
    return read_pass(crop, global_threshold=True), 1.0


def _sharpened(read_pass: Pass, crop: Gray) -> tuple[PassResult, float]:
    return read_pass(_unsharp(crop, sigma=1.0)), 1.0


def _upscaled(read_pass: Pass, crop: Gray) -> tuple[PassResult, float]:
    return read_pass(_twice(crop)), 2.0


def _upscaled_sharpened(read_pass: Pass, crop: Gray) -> tuple[PassResult, float]:
    return read_pass(_unsharp(_twice(crop), sigma=2.0)), 2.0


_CROP_PASSES: tuple[_CropPass, ...] = (_global, _sharpened, _upscaled, _upscaled_sharpened)
_UPSCALING = (_upscaled, _upscaled_sharpened)
_TEXTURE_PASSES: tuple[_CropPass, ...] = (_upscaled_sharpened,)
"""Around texture only the pass that read every such code the others read
(docs/hardware.md): a false alarm costs one pass, not four."""


def _twice(image: Gray) -> Gray:
    import cv2

    return np.asarray(
        cv2.resize(image, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC), dtype=np.uint8
    )


def _unsharp(image: Gray, *, sigma: float, amount: float = 1.0) -> Gray:
    """Edges steepened: the image plus ``amount`` times its difference from a blur."""
    import cv2

    blurred = cv2.GaussianBlur(image, (0, 0), sigma)
    return np.asarray(cv2.addWeighted(image, 1.0 + amount, blurred, -amount, 0), dtype=np.uint8)


def _half(image: Gray) -> Gray:
    """``image`` at half size, pixel areas averaged (OpenCV's fast path)."""
    import cv2

    height, width = image.shape[:2]
    small = cv2.resize(image, (width // 2, height // 2), interpolation=cv2.INTER_AREA)
    return np.asarray(small, dtype=np.uint8)


def _region(quad: Quad, width: int, height: int, margin: float = 0.25) -> _Region:
    """The bounding box of ``quad`` grown by ``margin`` of its size (the quiet
    zone and a bit: the passes need to see the finder patterns whole)."""
    xs = [x for x, _ in quad]
    ys = [y for _, y in quad]
    pad = int(max(max(xs) - min(xs), max(ys) - min(ys)) * margin) + 8
    return _Region(
        x0=max(0, min(xs) - pad),
        y0=max(0, min(ys) - pad),
        x1=min(width, max(xs) + pad),
        y1=min(height, max(ys) + pad),
    )
