"""Decoder backend on ZBar through pyzbar (optional: ``pip install pyzbar`` plus
the system library, ``libzbar0`` on Debian/Ubuntu; the Windows wheel bundles it).

ZBar reads fewer real photographs than zxing-cpp and does not read
light-on-dark codes by itself, so ``second_pass="invert"`` is worth
enabling here for phones in dark mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from hardware.decoder.port import DecodedCode, DecoderUnavailable, UnsupportedFormat
from hardware.frames import to_gray

# Config name -> ZBarSymbol name. ZBar has no Data Matrix, Aztec, Micro QR or rMQR.
_ZBAR_SYMBOLS = {
    "qr": "QRCODE",
    "pdf417": "PDF417",
    "code128": "CODE128",
    "code39": "CODE39",
    "code93": "CODE93",
    "codabar": "CODABAR",
    "ean13": "EAN13",
    "ean8": "EAN8",
    "upca": "UPCA",
    "upce": "UPCE",
    "itf": "I25",
}

# ZBar type names -> the zxing-style names the kiosk reports.
_REPORTED = {
    "QRCODE": "QRCode",
    "PDF417": "PDF417",
    "CODE128": "Code128",
    "CODE39": "Code39",
    "CODE93": "Code93",
    "CODABAR": "Codabar",
    "EAN13": "EAN13",
    "EAN8": "EAN8",
    "UPCA": "UPCA",
    "UPCE": "UPCE",
    "I25": "ITF",
}


def _load_pyzbar() -> Any:
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError) as error:
        raise DecoderUnavailable(
            "pyzbar",
            f"the pyzbar backend needs the pyzbar package and the system library libzbar0: {error}",
        ) from error
    return pyzbar


class ZbarDecoder:
    """:class:`hardware.decoder.port.Decoder` on ZBar.

    ``second_pass="invert"`` decodes the inverted image when the first pass
    found nothing (dark-mode phones).
    """

    def __init__(self, formats: Sequence[str] = ("qr",), *, second_pass: str = "none") -> None:
        self._zbar = _load_pyzbar()
        symbols = []
        for name in formats:
            symbol = _ZBAR_SYMBOLS.get(name)
            if symbol is None:
                raise UnsupportedFormat(f"the pyzbar backend cannot read {name!r}")
            symbols.append(getattr(self._zbar.ZBarSymbol, symbol))
        self._symbols = symbols
        self._second_pass = second_pass

    def read(self, gray: npt.NDArray[Any]) -> list[DecodedCode]:
        image = to_gray(gray)
        if image is None:
            return []
        codes = self._read(image)
        if not codes and self._second_pass == "invert":
            codes = self._read(np.bitwise_not(image))
        return codes

    def _read(self, image: npt.NDArray[np.uint8]) -> list[DecodedCode]:
        try:
            results = self._zbar.decode(image, symbols=self._symbols)
        except Exception:
            return []
        codes = []
        for result in results:
            data = result.data
            if not isinstance(data, bytes):
                continue
            # ZBar hands over QR text already converted to UTF-8.
            text = data.decode("utf-8", errors="replace")
            kind = str(result.type)
            codes.append(DecodedCode(text, _REPORTED.get(kind, kind), _corners(result)))
        return codes


def _corners(result: Any) -> tuple[tuple[int, int], ...]:
    polygon = [(int(p.x), int(p.y)) for p in getattr(result, "polygon", ())]
    if len(polygon) == 4:
        # ZBar lists QR corners counter-clockwise from top-left; report clockwise.
        first, *rest = polygon
        if _signed_area(polygon) < 0:
            return (first, *reversed(rest))
        return tuple(polygon)
    left, top, width, height = result.rect
    return (
        (int(left), int(top)),
        (int(left + width), int(top)),
        (int(left + width), int(top + height)),
        (int(left), int(top + height)),
    )


def _signed_area(points: list[tuple[int, int]]) -> float:
    """Shoelace area; positive when the points run clockwise in image coordinates."""
    total = 0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return total / 2
