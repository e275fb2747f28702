"""Where a frame shows code-like texture: the fallback's trigger when nothing was located.

A small code on a phone, blurred and crossed by moiré, is often not even
*located* by zxing-cpp, so the located-symbol trigger never fires, though a
sharpened 2x copy of the code's surroundings reads it. This finds such
places cheaply enough to run on every frame where nothing was read:

1. **Sample.** Every :data:`STEP_X`-th pixel of every :data:`STEP_Y`-th row
   (a strided copy of ~1/72 of the pixels). The steps span a few modules of
   the small codes this is for, so neighbouring samples inside a code are
   independent draws of dark and light.
2. **Hot samples.** A sample is hot when it differs by more than
   :data:`CONTRAST` grey levels from *both* its right and its lower
   neighbour: a third to a half of the samples inside a code are, against
   none on a wall, a sheet of paper or a screen's ground, and few along a
   line of print, which varies along the line and seldom across it too.
3. **Density.** The share of hot samples in a window of
   :data:`WINDOW_X` x :data:`WINDOW_Y` samples (48 x 48 px, about the
   smallest code the passes read), at every place; the densest window is
   the candidate when its share reaches :data:`MIN_DENSITY` and stays under
   :data:`MAX_DENSITY` (a pattern in step with the grid alternates all the
   way). A frame with too few hot samples for any window stops after step 2.
4. **Like a code.** The candidate window, thresholded at its mean: a code
   is about half dark (:data:`MIN_DARK`), where print is mostly paper; along
   its rows and its columns, its dark and light runs are one to several
   modules long, so their lengths spread (:data:`MIN_RUN_SPREAD`), where
   checked cloth, blinds and keyboards repeat one length; its dark runs are
   short (:data:`MAX_DARK_RUN`) and about as long across as down
   (:data:`MAX_RUN_RATIO`), where print is strokes, thin one way and long
   the other.
5. **Square.** The dense windows connected to the candidate give the box;
   a code is square, turned or tilted, so a box much longer than wide
   (:data:`MAX_ASPECT`: a line of large print) is dropped.

On an empty frame this costs a few percent of zxing-cpp's own pass; the
figures behind the constants are in docs/hardware.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Gray = npt.NDArray[np.uint8]

STEP_X = 12
"""Pixels between samples along a row."""

STEP_Y = 6
"""Rows between sampled rows: finer than along rows, so a line of text (one
or two sampled rows tall) is told from a code (eight)."""

WINDOW_X = 4
WINDOW_Y = 8
"""The density window, in samples (48 x 48 px)."""

CONTRAST = 30
"""Grey levels between neighbouring samples for a sample to count as hot."""

MIN_DENSITY = 0.38
"""Share of hot samples in a window for it to be a candidate."""

MAX_DENSITY = 0.9
"""Denser than this is a pattern: samples that alternate all the way (a checked
cloth whose squares the sampling step falls in step with). A code's data is
random: about half its neighbouring samples are alike."""

GROW_DENSITY = 0.25
"""Windows at least this dense, connected to the candidate, belong to its box."""

MIN_RUN_SPREAD = 0.5
"""Run lengths along rows more alike than this (std / mean) are a regular
pattern: checked cloth, blinds, a keyboard."""

MAX_ASPECT = 1.45
"""A textured area longer than this times its width is not a code."""

MAX_DARK_RUN = 10.0
"""Mean length of the dark runs, pixels: a few modules of a code under 3 px
per module (larger codes are read without help)."""

MAX_RUN_RATIO = 1.4
"""Dark runs across at most this times as long as down, or down as across."""

MIN_DARK = 0.35
"""A code's window is at least this share dark, and at most this share light
(print is mostly paper)."""


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in image pixels: ``x0 <= x < x1``, ``y0 <= y < y1``."""

    x0: int
    y0: int
    x1: int
    y1: int


def textured(image: Gray) -> Box | None:
    """The box around the place of ``image`` (2-D uint8) that looks most like
    a code, or ``None`` when no place does."""
    import cv2

    height, width = image.shape[:2]
    # An odd number of rows and an even number of columns: the hot map then
    # has even sides, which OpenCV halves on its fast path.
    rows = (height - STEP_Y // 2) // STEP_Y
    rows -= 1 - rows % 2
    cols = (width - STEP_X // 2) // STEP_X // 2 * 2
    if rows <= WINDOW_Y or cols < WINDOW_X:
        return None
    sample = image[STEP_Y // 2 :: STEP_Y, STEP_X // 2 :: STEP_X][:rows, :cols].copy()
    # Neighbours as shifted views of the flattened sample: contiguous, so
    # OpenCV reads them in place (a 2-D slice would be copied first).
    flat = sample.reshape(-1)
    count = (rows - 1) * cols
    here = flat[:count]
    across = cv2.absdiff(flat[1 : count + 1], here)
    down = cv2.absdiff(flat[cols : cols + count], here)
    _, hot = cv2.threshold(cv2.min(across, down), CONTRAST, 255, cv2.THRESH_BINARY)
    if cv2.countNonZero(hot) < MIN_DENSITY * WINDOW_X * WINDOW_Y:
        return None  # no window anywhere can be dense enough
    hot = hot.reshape(rows - 1, cols)
    hot[:, -1] = 0  # the last sample of a row was compared with the next row's first
    cells = cv2.resize(hot, (cols // 2, (rows - 1) // 2), interpolation=cv2.INTER_AREA)
    density = cv2.boxFilter(cells, -1, (WINDOW_X // 2, WINDOW_Y // 2))
    _, peak, _, (cx, cy) = cv2.minMaxLoc(density)
    if not MIN_DENSITY * 255 <= peak <= MAX_DENSITY * 255:
        return None  # nothing dense enough; or denser than a code's random modules get
    x0, x1 = _span(cx, cx, WINDOW_X, STEP_X)
    y0, y1 = _span(cy, cy, WINDOW_Y, STEP_Y)
    if not _code_like(image[max(0, y0) : y1, max(0, x0) : x1]):
        return None
    left, top, right, bottom = _grown(np.asarray(density, dtype=np.uint8), cx, cy)
    x0, x1 = _span(left, right, WINDOW_X, STEP_X)
    y0, y1 = _span(top, bottom, WINDOW_Y, STEP_Y)
    box = Box(max(0, x0), max(0, y0), min(width, x1), min(height, y1))
    long_side = max(box.x1 - box.x0, box.y1 - box.y0)
    short_side = min(box.x1 - box.x0, box.y1 - box.y0)
    if long_side > MAX_ASPECT * short_side:
        return None  # a code is square, turned or tilted; a line of print is long
    return box


def _span(first: int, last: int, window: int, step: int) -> tuple[int, int]:
    """Pixels covered by the windows at cells ``first..last`` of one axis.

    A cell is two samples; the box filter's window of ``window // 2`` cells
    is anchored at its middle cell; a hot sample stands for the pixels from
    itself to its neighbour.
    """
    cells = window // 2
    start = 2 * (first - cells // 2)
    end = 2 * (last - cells // 2 + cells)
    return step // 2 + start * step, step // 2 + end * step


def _grown(density: Gray, cx: int, cy: int) -> tuple[int, int, int, int]:
    """The bounding box, in cells, of the dense windows connected to (cx, cy)."""
    import cv2

    dense = np.asarray(density >= GROW_DENSITY * 255, dtype=np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(dense, connectivity=8)
    left, top, w, h, _ = (int(v) for v in stats[int(labels[cy, cx])])
    return left, top, left + w - 1, top + h - 1


def _code_like(window: Gray) -> bool:
    """Whether ``window``, thresholded at its mean, looks like a small code:
    about as much dark as light; along the rows and along the columns, dark
    and light runs whose lengths vary (one to several modules, not one
    repeated length as in a pattern); dark runs of a few modules, about as
    long across as down (print is strokes: thin one way, long the other).
    Checked in that order, cheapest and most telling first."""
    import cv2

    if window.size == 0:
        return False
    window = window.copy()
    dark = window < cv2.mean(window)[0]
    share = np.count_nonzero(dark) / dark.size
    if not MIN_DARK <= share <= 1.0 - MIN_DARK:
        return False
    across = _runs(dark)
    if across is None or across[0] < MIN_RUN_SPREAD:
        return False
    down = _runs(np.ascontiguousarray(dark.T))
    if down is None or down[0] < MIN_RUN_SPREAD:
        return False
    longer, shorter = max(across[1], down[1]), min(across[1], down[1])
    return longer <= MAX_DARK_RUN and longer <= MAX_RUN_RATIO * shorter


def _runs(dark: npt.NDArray[np.bool_]) -> tuple[float, float] | None:
    """Along the rows of ``dark``: the spread (std / mean) of all run lengths,
    and the mean length of the dark runs; ``None`` when there are too few."""
    width = dark.shape[1]
    flat = dark.reshape(-1)
    edges = np.flatnonzero(flat[1:] != flat[:-1])
    same_row = edges[1:] // width == edges[:-1] // width
    runs = np.diff(edges)[same_row]
    dark_runs = runs[flat[edges[:-1] + 1][same_row]]
    count = runs.size
    if count < 8 or dark_runs.size < 4:
        return None
    # Sums rather than numpy's mean and std: a tenth of the time on arrays this small.
    total = int(runs.sum())
    squares = int(np.dot(runs, runs))
    spread = math.sqrt(max(0, count * squares - total * total)) / total
    return spread, int(dark_runs.sum()) / dark_runs.size
