"""The decoder port and its backends, on images the tests draw themselves."""

from __future__ import annotations

import json
import sys
from typing import Any

import cv2
import numpy as np
import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from hardware.decoder.factory import make_decoder
from hardware.decoder.port import DecodedCode, DecoderUnavailable, UnsupportedFormat, check_formats
from tests.unit.hardware.hw_support import JWS_PASS, camera_scene, iin, qr_gray

IIN = iin("00010150000")
TEXTS = [
    IIN,
    JWS_PASS,
    "Бекболат М. — мәртебе: жасыл",
    "GS1\x1d0109504000059101\x1d21ABC",
    "\x01\x10AD:SUB",
    "line one\r\nline two",
]


def _pyzbar_or_skip() -> Any:
    try:
        return make_decoder("pyzbar")
    except DecoderUnavailable as error:
        pytest.skip(f"pyzbar cannot load here: {error}")


@pytest.mark.parametrize("text", TEXTS)
def test_zxing_reads_exact_text_with_control_characters(text: str) -> None:
    codes = make_decoder().read(qr_gray(text))
    assert [code.text for code in codes] == [text]
    assert codes[0].format == "QRCode"


def test_points_are_the_four_corners_clockwise() -> None:
    image = qr_gray(IIN, module_px=5)
    (code,) = make_decoder().read(image)
    assert len(code.points) == 4
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = code.points
    assert x0 < x1 and y1 < y2 and x2 > x3 and y3 > y0
    side = image.shape[0]
    assert all(0 <= x <= side and 0 <= y <= side for x, y in code.points)


def test_to_json_is_the_cli_contract() -> None:
    code = DecodedCode("abc", "QRCode", ((1, 2), (3, 4), (5, 6), (7, 8)))
    data = code.to_json()
    assert data == {"text": "abc", "format": "QRCode", "points": [[1, 2], [3, 4], [5, 6], [7, 8]]}
    assert json.loads(json.dumps(data)) == data


def test_zxing_reads_a_phone_in_a_camera_frame() -> None:
    frame = camera_scene(qr_gray(JWS_PASS, module_px=4), seed=3)
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    assert [c.text for c in make_decoder().read(gray)] == [JWS_PASS]


def test_zxing_reads_dark_mode_codes() -> None:
    image = qr_gray(IIN, inverted=True)
    assert [c.text for c in make_decoder().read(image)] == [IIN]


def test_micro_qr_is_not_read_unless_enabled() -> None:
    image = qr_gray("12345", micro=True, quiet=2, module_px=6)
    assert make_decoder().read(image) == []
    codes = make_decoder(formats=("micro_qr",)).read(image)
    assert [(c.text, c.format) for c in codes] == [("12345", "MicroQRCode")]


@pytest.mark.parametrize(
    ("name", "zxing_format", "reported"),
    [
        ("pdf417", "PDF417", "PDF417"),
        ("datamatrix", "DataMatrix", "DataMatrix"),
        ("code128", "Code128", "Code128"),
    ],
)
def test_id_document_formats_when_enabled(name: str, zxing_format: str, reported: str) -> None:
    barcode = zxingcpp.create_barcode(IIN, getattr(zxingcpp.BarcodeFormat, zxing_format))
    image = np.ascontiguousarray(np.asarray(barcode.to_image(scale=3)), dtype=np.uint8)
    assert make_decoder().read(image) == []
    codes = make_decoder(formats=("qr", name)).read(image)
    assert [(c.text, c.format) for c in codes] == [(IIN, reported)]


def test_nothing_read_on_empty_noisy_frames() -> None:
    decoder = make_decoder()
    rng = np.random.default_rng(42)
    for _ in range(5):
        frame = rng.integers(0, 256, (480, 640), dtype=np.uint8)
        frame = cv2.GaussianBlur(frame, (0, 0), float(rng.uniform(0.5, 2.0)))
        assert decoder.read(frame) == []


@pytest.mark.parametrize(
    "garbage",
    [
        np.zeros((0, 0), np.uint8),
        np.zeros((0, 640), np.uint8),
        np.zeros((1, 1), np.uint8),
        np.zeros((7, 7), np.uint8),
        np.full((64, 64), np.nan, np.float32),
        np.full((64, 64), np.inf, np.float64),
        np.full((64, 64), -5, np.int64),
        np.ones((64, 64), bool),
        np.ones((64, 64, 4), np.uint16),
        np.ones((64, 64, 5), np.uint8),
        np.ones((4, 64, 64, 3), np.uint8),
        np.array(["not", "an", "image"]),
        np.array([None, 1], dtype=object),
        np.zeros((64, 64), np.complex64),
        [[0, 255], [255, 0]],
        "a string",
        None,
        b"\x00\xff" * 100,
    ],
    ids=lambda g: type(g).__name__ + str(getattr(g, "shape", "")),
)
@pytest.mark.parametrize("backend", ["zxing", "pyzbar"])
def test_never_raises_on_garbage(garbage: object, backend: str) -> None:
    decoder = make_decoder() if backend == "zxing" else _pyzbar_or_skip()
    assert decoder.read(garbage) == []  # type: ignore[arg-type]


def test_converts_other_dtypes_and_layouts() -> None:
    image = qr_gray(IIN)
    decoder = make_decoder()
    assert [c.text for c in decoder.read(image.astype(np.float32) / 255.0)] == [IIN]
    assert [c.text for c in decoder.read(cv2.cvtColor(image, cv2.COLOR_GRAY2BGRA))] == [IIN]
    wide = np.zeros((image.shape[0], image.shape[1] * 2), np.uint8)
    wide[:, ::2] = image
    assert [c.text for c in decoder.read(wide[:, ::2])] == [IIN]  # not contiguous


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hnp.arrays(
        dtype=st.sampled_from([np.uint8, np.int16, np.float32, np.float64, np.bool_]),
        shape=hnp.array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=40),
    )
)
def test_random_arrays_never_raise(array: np.ndarray[Any, Any]) -> None:
    assert isinstance(make_decoder().read(array), list)


def test_pyzbar_reads_generated_codes_and_dark_mode_with_second_pass() -> None:
    decoder = _pyzbar_or_skip()
    assert [c.text for c in decoder.read(qr_gray(IIN))] == [IIN]
    assert [c.text for c in decoder.read(qr_gray(JWS_PASS))] == [JWS_PASS]
    assert decoder.read(qr_gray(IIN, inverted=True)) == []
    inverting = make_decoder("pyzbar", second_pass="invert")
    (code,) = inverting.read(qr_gray(IIN, inverted=True))
    assert (code.text, code.format, len(code.points)) == (IIN, "QRCode", 4)


def test_pyzbar_missing_library_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyzbar", None)
    monkeypatch.setitem(sys.modules, "pyzbar.pyzbar", None)
    with pytest.raises(DecoderUnavailable) as raised:
        make_decoder("pyzbar")
    assert raised.value.backend == "pyzbar"
    assert "pyzbar package and the system library libzbar0" in str(raised.value)


def test_zxing_missing_library_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zxingcpp", None)
    with pytest.raises(DecoderUnavailable, match="zxing-cpp"):
        make_decoder("zxing")


def test_configuration_errors() -> None:
    with pytest.raises(ValueError, match="backend"):
        make_decoder("opencv")
    with pytest.raises(UnsupportedFormat, match="known formats"):
        make_decoder(formats=("qr", "hologram"))
    with pytest.raises(UnsupportedFormat):
        make_decoder(formats=())
    with pytest.raises(ValueError, match="second pass"):
        make_decoder(second_pass="pray")
    assert check_formats(["QR", "pdf-417", "qr"]) == ("qr", "pdf417")
    assert check_formats("qr") == ("qr",)


def test_pyzbar_refuses_formats_zbar_cannot_read() -> None:
    _pyzbar_or_skip()
    with pytest.raises(UnsupportedFormat, match="datamatrix"):
        make_decoder("pyzbar", formats=("qr", "datamatrix"))


def test_upscale_second_pass_reads_tiny_codes() -> None:
    tiny = cv2.resize(qr_gray(IIN, module_px=4), None, fx=0.4, fy=0.4, interpolation=cv2.INTER_AREA)
    plain = make_decoder().read(tiny)
    upscaled = make_decoder(second_pass="upscale").read(tiny)
    assert [c.text for c in upscaled] == [IIN]
    assert len(plain) <= 1
    (code,) = upscaled
    assert max(x for x, _ in code.points) <= tiny.shape[1]
