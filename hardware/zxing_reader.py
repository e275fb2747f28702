"""Decoder backend on zxing-cpp (Python package ``zxing-cpp``, module ``zxingcpp``).

Works with the 2.x and 3.x series. Two facts shape the options:

- In 3.x the ``QRCode`` format also matches Micro QR and rMQR; on noisy
  frames that produced false reads, so "qr" asks for ``QRCodeModel2`` where
  the installed version has it.
- The default text mode renders control characters as ``<SOH>``-style
  tokens and GS1 data with parentheses; the kiosk needs the code's own text,
  so results are read in ``TextMode.Plain``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from hardware.decoder import DecodedCode, DecoderUnavailable, UnsupportedFormat
from hardware.frames import to_gray

# Config name -> candidate zxing-cpp enum names, most specific first.
_ZXING_FORMATS: dict[str, tuple[str, ...]] = {
    "qr": ("QRCodeModel2", "QRCode"),
    "qr_model1": ("QRCodeModel1",),
    "micro_qr": ("MicroQRCode",),
    "rmqr": ("RMQRCode",),
    "pdf417": ("PDF417",),
    "datamatrix": ("DataMatrix",),
    "aztec": ("Aztec",),
    "code128": ("Code128",),
    "code39": ("Code39",),
    "code93": ("Code93",),
    "codabar": ("Codabar",),
    "ean13": ("EAN13",),
    "ean8": ("EAN8",),
    "upca": ("UPCA",),
    "upce": ("UPCE",),
    "itf": ("ITF",),
}

# Result format names -> the names the kiosk reports (one per symbology).
_REPORTED_FORMAT = {"QRCodeModel2": "QRCode"}

_UPSCALE_BELOW = 1000
"""The upscale second pass only runs on images narrower than this."""


def _load_zxing() -> Any:
    try:
        import zxingcpp
    except ImportError as error:
        raise DecoderUnavailable(
            "zxing",
            f"the zxing backend needs the zxing-cpp package (pip install zxing-cpp): {error}",
        ) from error
    return zxingcpp


class ZxingDecoder:
    """:class:`hardware.decoder.Decoder` on zxing-cpp.

    ``second_pass``: ``"none"``; ``"invert"`` decodes the inverted image
    when the first pass found nothing (only useful on versions without
    ``try_invert``, which already does this inside one call);
    ``"upscale"`` decodes a 2x enlarged copy of small images, for codes
    under ~2 pixels per module. Either runs on every empty frame, so the
    camera pipeline leaves it off (see docs/hardware.md for the figures).

    ``try_invert`` reads light-on-dark codes (phones in dark mode) inside
    the same call, reusing the binarised image: ~15 % more time on an
    empty frame. ``try_downscale`` also scans 1/3-size copies of large
    images; on camera frames it read nothing more (not even large blurred
    codes held close) and costs ~20 %, so it is off.
    """

    def __init__(
        self,
        formats: Sequence[str] = ("qr",),
        *,
        second_pass: str = "none",
        try_rotate: bool = True,
        try_downscale: bool = False,
        try_invert: bool = True,
    ) -> None:
        self._zx = _load_zxing()
        self._second_pass = second_pass
        self._formats = self._resolve_formats(formats)
        self._options = self._probe_options(
            {
                "formats": self._formats,
                "try_rotate": try_rotate,
                "try_downscale": try_downscale,
                "try_invert": try_invert,
            }
        )
        self._inverts_inside = bool(self._options.get("try_invert", False))

    @property
    def version(self) -> str:
        """The installed zxing-cpp version (for logs)."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("zxing-cpp")
        except PackageNotFoundError:
            return str(getattr(self._zx, "__version__", "unknown"))

    def read(self, gray: npt.NDArray[Any]) -> list[DecodedCode]:
        image = to_gray(gray)
        if image is None:
            return []
        codes = self._read(image)
        if codes or self._second_pass == "none":
            return codes
        if self._second_pass == "invert" and not self._inverts_inside:
            return self._read(np.bitwise_not(image))
        if self._second_pass == "upscale" and image.shape[1] < _UPSCALE_BELOW:
            import cv2

            big = np.asarray(
                cv2.resize(image, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_LINEAR),
                dtype=np.uint8,
            )
            return [_scaled(code, 0.5) for code in self._read(big)]
        return codes

    def _read(self, image: npt.NDArray[np.uint8]) -> list[DecodedCode]:
        try:
            results = self._zx.read_barcodes(image, **self._options)
        except Exception:
            # A decoder must not take the capture loop down on one bad frame.
            return []
        codes: list[DecodedCode] = []
        for result in results:
            if not getattr(result, "valid", True):
                continue
            text = _plain_text(result, self._options)
            if text is None:
                continue
            codes.append(DecodedCode(text, _format_name(result.format), _corners(result)))
        return codes

    def _resolve_formats(self, formats: Sequence[str]) -> Any:
        enum = self._zx.BarcodeFormat
        members: list[Any] = []
        for name in formats:
            candidates = _ZXING_FORMATS.get(name, ())
            member = next((getattr(enum, c) for c in candidates if hasattr(enum, c)), None)
            if member is None:
                raise UnsupportedFormat(
                    f"the installed zxing-cpp cannot read {name!r} (looked for {candidates})"
                )
            members.append(member)
        if len(members) == 1:
            return members[0]
        return members

    def _probe_options(self, wanted: dict[str, Any]) -> dict[str, Any]:
        """Keyword arguments the installed zxing-cpp accepts, probed once.

        3.x takes a list of formats (``|`` is deprecated there), 2.x wants
        them OR-ed; ``try_invert`` and ``TextMode.Plain`` are newer than 2.0.
        """
        options = dict(wanted)
        text_mode = getattr(getattr(self._zx, "TextMode", None), "Plain", None)
        if text_mode is not None:
            options["text_mode"] = text_mode
        blank = np.full((16, 16), 255, dtype=np.uint8)
        for _ in range(4):
            try:
                self._zx.read_barcodes(blank, **options)
                return options
            except TypeError as error:
                if isinstance(options["formats"], list):
                    combined = options["formats"][0]
                    for member in options["formats"][1:]:
                        combined = combined | member
                    options["formats"] = combined
                elif "try_invert" in options:
                    del options["try_invert"]
                elif "text_mode" in options:
                    del options["text_mode"]
                else:
                    raise DecoderUnavailable(
                        "zxing", f"the installed zxing-cpp has an unknown API: {error}"
                    ) from error
        raise DecoderUnavailable("zxing", "the installed zxing-cpp has an unknown API")


def _plain_text(result: Any, options: dict[str, Any]) -> str | None:
    """The code's own text: zxing-cpp's plain text mode (its ECI handling and
    charset guess, control characters kept); on versions without that mode,
    the raw bytes read as UTF-8."""
    if "text_mode" not in options:
        raw = getattr(result, "bytes", None)
        if isinstance(raw, bytes | bytearray):
            return bytes(raw).decode("utf-8", errors="replace")
    text = result.text
    return text if isinstance(text, str) else None


def _format_name(fmt: Any) -> str:
    name = getattr(fmt, "name", None) or str(fmt).split(".")[-1]
    return _REPORTED_FORMAT.get(name, name)


def _corners(result: Any) -> tuple[tuple[int, int], ...]:
    position = getattr(result, "position", None)
    if position is None:
        return ()
    corners = (
        position.top_left,
        position.top_right,
        position.bottom_right,
        position.bottom_left,
    )
    return tuple((int(p.x), int(p.y)) for p in corners)


def _scaled(code: DecodedCode, factor: float) -> DecodedCode:
    points = tuple((round(x * factor), round(y * factor)) for x, y in code.points)
    return DecodedCode(code.text, code.format, points)
