"""Keyboard-wedge scanners, from the settings: the layout recovery for text
that came through a keyboard layout, and the burst detector's timings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from config.settings import Settings
    from hardware.wedge import WedgeSettings


def layout_hint(settings: Settings) -> str | None:
    """The configured keyboard layout, or None to detect it from each scan."""
    layout = settings.scanner.layout
    return None if layout == "auto" else layout


def recover_scan(settings: Settings, typed: str) -> str:
    """What the scanner sent, from what a keyboard layout made of it.

    A Kazakh layout turns an IIN's digits into letters and a Russian one a
    pass's Latin letters into Cyrillic; both come back exactly. Text that no
    layout explains is passed on unchanged (the desk then says why it is
    not a code)."""
    from hardware.layouts import recover_text

    stripped = typed.strip()
    return recover_text(stripped, layout_hint(settings))[0]


def wedge_settings(settings: Settings) -> WedgeSettings:
    from hardware.wedge import WedgeSettings

    scanner = settings.scanner
    return WedgeSettings(
        max_gap_s=scanner.wedge_max_gap_ms / 1000.0,
        min_length=scanner.wedge_min_length,
        layout=layout_hint(settings),
    )
