"""The texture trigger: where a frame looks like a code when zxing-cpp located nothing."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from hardware.decoder.texture import Box, textured
from tests.unit.hardware.hw_support import JWS_PASS, desk, iin, moire_phone

IIN = iin("00010150000")


def patch_frame(patch: np.ndarray, size: tuple[int, int] = (640, 480)) -> np.ndarray:
    """``patch`` (grey) in the middle of an evenly lit wall, with sensor noise."""
    rng = np.random.default_rng(7)
    width, height = size
    frame = np.full((height, width), 150.0)
    top, left = (height - patch.shape[0]) // 2, (width - patch.shape[1]) // 2
    frame[top : top + patch.shape[0], left : left + patch.shape[1]] = patch
    frame = cv2.GaussianBlur(frame, (0, 0), 0.8) + rng.normal(0, 3, frame.shape)
    return np.clip(frame, 0, 255).astype(np.uint8)


def modules(side: int, px: int, *, random: bool) -> np.ndarray:
    """``side`` x ``side`` modules of ``px`` pixels, dark and light at random
    (as a code's data) or alternating (a checked cloth)."""
    checked = np.indices((side, side)).sum(axis=0) % 2
    cells = np.random.default_rng(3).integers(0, 2, (side, side)) if random else checked
    return np.kron(np.where(cells, 20, 235), np.ones((px, px))).astype(np.float64)


def contains(box: Box, x: float, y: float) -> bool:
    return box.x0 <= x < box.x1 and box.y0 <= y < box.y1


def test_an_even_wall_has_no_texture() -> None:
    assert textured(patch_frame(np.full((100, 100), 150.0))) is None


def test_random_modules_are_found_where_they_are() -> None:
    box = textured(patch_frame(modules(30, 3, random=True)))
    assert box is not None
    assert contains(box, 320, 240)
    assert box.x1 - box.x0 < 200 and box.y1 - box.y0 < 200


@pytest.mark.parametrize("px", [3, 4, 5, 7])
def test_a_checked_pattern_of_the_same_size_is_not_a_code(px: int) -> None:
    assert textured(patch_frame(modules(90 // px, px, random=False))) is None


def test_a_line_of_large_print_is_not_a_code() -> None:
    line = np.full((60, 600), 235, np.uint8)
    cv2.putText(line, "W7QX:M8ZK4B=TRH2", (5, 45), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 20, 2)
    assert textured(patch_frame(line.astype(np.float64))) is None


@pytest.mark.parametrize(("text", "seed"), [(IIN, 3), (JWS_PASS, 1)])
def test_a_moire_phone_screen_is_found(text: str, seed: int) -> None:
    frame, (cx, cy) = moire_phone(text, seed=seed, size=(640, 480))
    box = textured(frame)
    assert box is not None and contains(box, cx, cy)


@pytest.mark.parametrize("seed", range(6))
def test_a_cluttered_desk_has_no_code_like_texture(seed: int) -> None:
    size = ((640, 480), (1280, 720), (1920, 1080))[seed % 3]
    assert textured(desk(seed, size)) is None


@pytest.mark.parametrize("shape", [(0, 0), (5, 400), (400, 5), (40, 40)])
def test_small_images_have_none(shape: tuple[int, int]) -> None:
    assert textured(np.zeros(shape, np.uint8)) is None
