"""Builds the configured decoder: the one place that knows every backend.

- ``"zxing"`` (default): zxing-cpp, fastest and most robust;
- ``"pyzbar"``: the ZBar library, for sites that standardise on it.

The backends are imported only when chosen: a missing library is a clear
:class:`DecoderUnavailable`, not an import error at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence

from hardware.decoder.port import SECOND_PASSES, Decoder, check_formats

BACKENDS = ("zxing", "pyzbar")


def make_decoder(
    backend: str = "zxing",
    formats: Sequence[str] = ("qr",),
    second_pass: str = "none",
    *,
    fallback: bool = True,
    fallback_budget_s: float = 0.010,
) -> Decoder:
    """Build the decoder for ``backend`` reading ``formats``.

    Raises :class:`DecoderUnavailable` when the backend's library is missing
    and :class:`UnsupportedFormat` for an unknown format or one the backend
    cannot read. ``second_pass`` is one of :data:`SECOND_PASSES`.
    ``fallback``: further passes on frames where a code probably is but
    none was read, at most ``fallback_budget_s`` of extra time per frame
    (zxing only; see :mod:`hardware.decoder.fallback`).
    """
    names = check_formats(formats)
    if second_pass not in SECOND_PASSES:
        raise ValueError(
            f"unknown second pass {second_pass!r}; choose one of {', '.join(SECOND_PASSES)}"
        )
    if backend == "zxing":
        from hardware.decoder.zxing_reader import ZxingDecoder

        return ZxingDecoder(
            names,
            second_pass=second_pass,
            fallback=fallback,
            fallback_budget_s=fallback_budget_s,
        )
    if backend == "pyzbar":
        from hardware.decoder.zbar_reader import ZbarDecoder

        return ZbarDecoder(names, second_pass=second_pass)
    raise ValueError(f"unknown decoder backend {backend!r}; choose one of {', '.join(BACKENDS)}")
