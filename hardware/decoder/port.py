"""The code-decoder port: grey image in, decoded codes out.

The kiosk reads QR codes from phone screens and, when a venue enables them,
the barcodes printed on ID documents. A :class:`Decoder` never raises on odd
input (empty, tiny, wrong dtype): it returns an empty list. The backends
(``zxing_reader``, ``zbar_reader``) implement it; ``factory`` builds the one
the settings name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy.typing as npt

FORMATS = (
    "qr",
    "qr_model1",
    "micro_qr",
    "rmqr",
    "pdf417",
    "datamatrix",
    "aztec",
    "code128",
    "code39",
    "code93",
    "codabar",
    "ean13",
    "ean8",
    "upca",
    "upce",
    "itf",
)
"""Format names accepted in configuration. ``qr`` is QR Model 2 only: the
codes phones show. Micro QR, rMQR and Model 1 are separate names, because
matching them too lets noise read as a tiny code."""

SECOND_PASSES = ("none", "invert", "upscale")
"""What a decoder tries when the first pass (and the fallback) found nothing;
unlike the fallback, it runs on every empty frame (see zxing_reader)."""


class DecoderUnavailable(RuntimeError):
    """The chosen decoder backend cannot run on this machine (library missing)."""

    def __init__(self, backend: str, reason: str) -> None:
        super().__init__(reason)
        self.backend = backend
        self.reason = reason


class UnsupportedFormat(ValueError):
    """A format name is unknown, or the chosen backend cannot read it."""


@dataclass(frozen=True, slots=True)
class DecodedCode:
    """One code found in an image.

    ``text`` is the code's content as plain text (control characters kept
    as they are); ``format`` a zxing-style name such as ``"QRCode"``,
    ``"PDF417"``, ``"Code128"``; ``points`` the four corners, clockwise
    from top-left of the symbol, in image pixels.
    """

    text: str
    format: str
    points: tuple[tuple[int, int], ...]

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict: ``{"text", "format", "points": [[x, y], ...]}``."""
        return {
            "text": self.text,
            "format": self.format,
            "points": [[x, y] for x, y in self.points],
        }


class Decoder(Protocol):
    """Finds codes in a grey image (2-D uint8; other input is converted or ignored)."""

    def read(self, gray: npt.NDArray[Any]) -> list[DecodedCode]: ...


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """Validated, de-duplicated format names in the given order."""
    if isinstance(formats, str):
        formats = (formats,)
    canonical = {_squash(known): known for known in FORMATS}
    seen: list[str] = []
    for name in formats:
        key = canonical.get(_squash(name))
        if key is None:
            raise UnsupportedFormat(
                f"unknown code format {name!r}; known formats: {', '.join(FORMATS)}"
            )
        if key not in seen:
            seen.append(key)
    if not seen:
        raise UnsupportedFormat("no code format enabled")
    return tuple(seen)


def _squash(name: str) -> str:
    """Format names compare without case, spaces, dashes or underscores ("PDF-417")."""
    return "".join(ch for ch in name.lower() if ch.isalnum())
