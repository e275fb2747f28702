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

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from hardware.decoder.fallback import Fallback, FallbackStats, PassResult, moved
from hardware.decoder.port import DecodedCode, DecoderUnavailable, UnsupportedFormat
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
    """:class:`hardware.decoder.port.Decoder` on zxing-cpp.

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

    ``fallback`` (on by default) runs further passes on frames the first
    pass could not read, only where a code probably is and within
    ``fallback_budget_s`` per frame (see :mod:`hardware.decoder.fallback`);
    ``clock`` times that budget.
    """

    def __init__(
        self,
        formats: Sequence[str] = ("qr",),
        *,
        second_pass: str = "none",
        try_rotate: bool = True,
        try_downscale: bool = False,
        try_invert: bool = True,
        fallback: bool = True,
        fallback_budget_s: float = 0.010,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._zx = _load_zxing()
        self._second_pass = second_pass
        self._formats = self._resolve_formats(formats)
        wanted: dict[str, Any] = {
            "formats": self._formats,
            "try_rotate": try_rotate,
            "try_downscale": try_downscale,
            "try_invert": try_invert,
        }
        if fallback:
            # Same cost: symbols that fail to decode are only kept, not searched for.
            wanted["return_errors"] = True
        self._options = self._probe_options(wanted)
        self._inverts_inside = bool(self._options.get("try_invert", False))
        self._global = {**self._options, **_global_binarizer(self._zx)}
        self._fallback = (
            Fallback(self._pass, budget_s=fallback_budget_s, clock=clock) if fallback else None
        )

    @property
    def fallback_stats(self) -> FallbackStats:
        """What the fallback did so far (all zero when it is off)."""
        if self._fallback is None:
            return FallbackStats()
        return self._fallback.stats

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
        first = self._pass(image)
        if first.codes:
            return first.codes
        if self._fallback is not None:
            codes = self._fallback.read(image, first.located)
            if codes:
                return codes
        if self._second_pass == "invert" and not self._inverts_inside:
            return self._pass(np.bitwise_not(image)).codes
        if self._second_pass == "upscale" and image.shape[1] < _UPSCALE_BELOW:
            import cv2

            big = np.asarray(
                cv2.resize(image, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_LINEAR),
                dtype=np.uint8,
            )
            return [moved(code, 0.5, (0, 0)) for code in self._pass(big).codes]
        return []

    def _pass(self, image: npt.NDArray[np.uint8], *, global_threshold: bool = False) -> PassResult:
        """One zxing-cpp call: codes read, and symbols located but not decoded."""
        options = self._global if global_threshold else self._options
        try:
            results = self._zx.read_barcodes(image, **options)
        except Exception:
            # A decoder must not take the capture loop down on one bad frame.
            return PassResult()
        found = PassResult()
        for result in results:
            if not getattr(result, "valid", True):
                found.located.append(_corners(result))
                continue
            text = _plain_text(result, options)
            if text is not None:
                found.codes.append(DecodedCode(text, _format_name(result.format), _corners(result)))
        return found

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
        them OR-ed; ``try_invert``, ``TextMode.Plain`` and ``return_errors``
        are newer than 2.0.
        """
        options = dict(wanted)
        text_mode = getattr(getattr(self._zx, "TextMode", None), "Plain", None)
        if text_mode is not None:
            options["text_mode"] = text_mode
        blank = np.full((16, 16), 255, dtype=np.uint8)
        for _ in range(5):
            try:
                self._zx.read_barcodes(blank, **options)
                return options
            except TypeError as error:
                if isinstance(options["formats"], list):
                    combined = options["formats"][0]
                    for member in options["formats"][1:]:
                        combined = combined | member
                    options["formats"] = combined
                elif "return_errors" in options:
                    del options["return_errors"]
                elif "try_invert" in options:
                    del options["try_invert"]
                elif "text_mode" in options:
                    del options["text_mode"]
                else:
                    raise DecoderUnavailable(
                        "zxing", f"the installed zxing-cpp has an unknown API: {error}"
                    ) from error
        raise DecoderUnavailable("zxing", "the installed zxing-cpp has an unknown API")


def _global_binarizer(zx: Any) -> dict[str, Any]:
    """The option that selects the GlobalHistogram binarizer, where there is one."""
    binarizer = getattr(getattr(zx, "Binarizer", None), "GlobalHistogram", None)
    return {} if binarizer is None else {"binarizer": binarizer}


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
