"""Tolerant frame conversions and image-file loading."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from hardware.decoder.factory import make_decoder
from hardware.frames import MIN_SIDE, bgr_to_gray, fit_width, to_gray
from hardware.imagefile import ImageUnreadable, load_bgr, load_gray
from tests.unit.hardware.hw_support import iin, qr_gray

IIN = iin("85050130012")


def test_to_gray_handles_channels_and_dtypes() -> None:
    bgr = np.zeros((20, 30, 3), np.uint8)
    bgr[:, :, 2] = 255
    gray = to_gray(bgr)
    assert gray is not None and gray.shape == (20, 30) and gray.dtype == np.uint8
    assert int(gray[0, 0]) == int(cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)[0, 0])
    assert to_gray(np.ones((20, 30, 1), np.uint8)) is not None
    assert to_gray(np.ones((20, 30, 4), np.uint8)) is not None
    floats = to_gray(np.full((20, 30), 0.5, np.float32))
    assert floats is not None and int(floats[0, 0]) == 127
    sixteen = to_gray(np.full((20, 30), 0xFF00, np.uint16))
    assert sixteen is not None and int(sixteen[0, 0]) == 255
    flags = to_gray(np.ones((20, 30), bool))
    assert flags is not None and int(flags[0, 0]) == 255


@pytest.mark.parametrize(
    "value",
    [None, "text", np.zeros((0, 5)), np.zeros((MIN_SIDE - 1, 50)), np.zeros((10, 10, 2))],
)
def test_to_gray_returns_none_for_no_image(value: object) -> None:
    assert to_gray(value) is None


def test_bgr_to_gray_fast_path_and_fallback() -> None:
    frame = np.full((16, 16, 3), 200, np.uint8)
    gray = bgr_to_gray(frame)
    assert gray is not None and gray.shape == (16, 16)
    assert bgr_to_gray(np.zeros((2, 2, 3), np.uint8)) is None
    assert bgr_to_gray(np.full((16, 16), 9, np.uint8)) is not None


def test_fit_width_only_scales_down_and_copies() -> None:
    big = np.zeros((1080, 1920, 3), np.uint8)
    small = fit_width(big, 640)
    assert small.shape == (360, 640, 3)
    tiny = np.zeros((100, 200, 3), np.uint8)
    same = fit_width(tiny, 640)
    assert same.shape == tiny.shape and same is not tiny


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".webp", ".bmp"])
def test_load_gray_reads_formats_and_awkward_paths(tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "визит #2 (копия)"
    folder.mkdir()
    path = folder / f"ЖСН #1{suffix}"
    ok, encoded = cv2.imencode(suffix, qr_gray(IIN, module_px=6))
    assert ok
    encoded.tofile(path)
    gray = load_gray(path)
    assert gray.ndim == 2 and gray.dtype == np.uint8
    assert [c.text for c in make_decoder().read(gray)] == [IIN]
    colour = load_bgr(str(path))
    assert colour.shape == (*gray.shape, 3)


def test_load_gray_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    with pytest.raises(ImageUnreadable) as raised:
        load_gray(path)
    assert raised.value.reason == "the file is empty"
    assert raised.value.path == str(path)


def test_load_gray_garbage_file(tmp_path: Path) -> None:
    path = tmp_path / "garbage.jpg"
    path.write_bytes(b"\x89PNG\r\n not really" + bytes(range(256)) * 4)
    with pytest.raises(ImageUnreadable, match="not an image OpenCV can decode"):
        load_gray(path)


def test_load_gray_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImageUnreadable, match="no such file"):
        load_gray(tmp_path / "nowhere.png")
    with pytest.raises(ImageUnreadable, match="folder"):
        load_gray(tmp_path)


def test_a_grey_frame_is_handed_through_not_converted_again() -> None:
    frame = np.full((48, 64, 3), 200, np.uint8)
    gray = bgr_to_gray(frame)  # the camera path's one conversion
    assert gray is not None
    assert to_gray(gray) is gray  # the decoder's call hands it through
    assert to_gray(gray[:4]) is None  # too small, as before
    strided = np.ascontiguousarray(np.full((48, 128), 9, np.uint8))[:, ::2]
    converted = to_gray(strided)
    assert converted is not None and converted.flags.c_contiguous and converted is not strided
