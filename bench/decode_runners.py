"""The decoders the benchmark compares: plain zxing-cpp, zxing-cpp with the
fallback passes, pyzbar, OpenCV's detector and the pipeline's frame step,
each wrapped in a Runner; and 'every pass', the reference for what the
fallback passes could read with no trigger and no budget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from bench.scenes import Image
from hardware.decoder.factory import make_decoder
from hardware.decoder.port import DecodedCode, DecoderUnavailable
from hardware.scene import decode_frame

# What the runners' names stand for, printed above the tables.
LEGEND = (
    "zxing-cpp = plain zxing-cpp, QR Model 2, plain text, try_invert on, try_downscale off "
    "(the decoder before the fallback); fallback = the same plus the fallback passes; "
    "pipeline = BGR frame -> grey (cvtColor) -> fallback"
)


@dataclass
class Runner:
    """A decoder under test, by the name its table column shows."""

    name: str
    decode: Callable[[Image], list[DecodedCode]]
    takes_colour: bool = False  # True: timed from the BGR frame, gray conversion included
    comparison: bool = False  # True: another library, 10-100x slower, timed fewer times


class OpenCvDecoder:
    """OpenCV's own QR detector, for comparison only (slow, reads fewer codes)."""

    def __init__(self) -> None:
        self._detector = cv2.QRCodeDetector()

    def read(self, gray: Image) -> list[DecodedCode]:
        texts: Any
        try:
            ok, texts, points, _ = self._detector.detectAndDecodeBytesMulti(gray)
        except (cv2.error, AttributeError):
            try:
                ok, texts, points, _ = self._detector.detectAndDecodeMulti(gray)
            except cv2.error:
                return []
        except Exception:
            return []
        if not ok:
            return []
        codes = []
        for raw, quad in zip(texts, points if points is not None else [], strict=False):
            text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
            if text:
                corners = tuple((int(x), int(y)) for x, y in quad)
                codes.append(DecodedCode(text, "QRCode", corners))
        return codes


def build_runners() -> list[Runner]:
    """The compared decoders, in the order of the tables' columns."""
    runners: list[Runner] = []
    runners.append(Runner("zxing-cpp", make_decoder(fallback=False).read))
    chosen = make_decoder()
    runners.append(Runner("fallback", chosen.read))
    try:
        zbar = make_decoder("pyzbar", second_pass="invert")
        runners.append(Runner("pyzbar", zbar.read, comparison=True))
    except DecoderUnavailable as error:
        print(f"pyzbar skipped: {error}")
    runners.append(Runner("opencv", OpenCvDecoder().read, comparison=True))
    runners.append(Runner("pipeline", lambda frame: decode_frame(chosen, frame), takes_colour=True))
    return runners


def every_pass() -> Runner:
    """The reference for what the passes could read with no trigger and no
    budget: plain, GlobalHistogram, sharpened, 2x, sharpened 2x and
    GlobalHistogram at half size, each on the whole frame; the union of what
    they read."""
    import zxingcpp

    options: dict[str, Any] = {
        "formats": zxingcpp.BarcodeFormat.QRCodeModel2,
        "try_downscale": False,
        "text_mode": zxingcpp.TextMode.Plain,
    }
    global_ = {**options, "binarizer": zxingcpp.Binarizer.GlobalHistogram}

    def sharpen(image: Image, sigma: float) -> Image:
        blurred = cv2.GaussianBlur(image, (0, 0), sigma)
        return np.asarray(cv2.addWeighted(image, 2.0, blurred, -1.0, 0), dtype=np.uint8)

    def scaled(image: Image, factor: float, interpolation: int) -> Image:
        resized = cv2.resize(image, None, fx=factor, fy=factor, interpolation=interpolation)
        return np.asarray(resized, dtype=np.uint8)

    def read(gray: Image) -> list[DecodedCode]:
        twice = scaled(gray, 2.0, cv2.INTER_CUBIC)
        half = scaled(gray, 0.5, cv2.INTER_AREA)
        passes = [
            (half, global_),
            (gray, options),
            (gray, global_),
            (sharpen(gray, 1.0), options),
            (twice, options),
            (sharpen(twice, 2.0), options),
        ]
        texts: dict[str, DecodedCode] = {}
        for image, kwargs in passes:
            for result in zxingcpp.read_barcodes(image, **kwargs):
                texts.setdefault(result.text, DecodedCode(result.text, "QRCode", ()))
        return list(texts.values())

    return Runner("every pass", read)
