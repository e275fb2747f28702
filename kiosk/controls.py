"""Free text made safe to show: control and format characters written as escapes.

A note typed at a desk, or a referral's fields from the service, may hold
characters that act instead of showing: C0/C1 controls (ESC, the one-byte
CSI U+009B that starts a terminal command), bidi overrides and isolates that
turn "123" into "321" on the screen, zero-width characters, line separators.
They are written out as `\\u202e` (`\\U000e0020` beyond the BMP), so staff
see that something odd is there; the text itself is kept as it came.
"""

from __future__ import annotations

import re

# Unicode general categories Cc (controls), Cf (format), Zl and Zp (line and
# paragraph separators) and Cs (lone surrogates): tests/unit/test_controls.py
# checks this list against unicodedata for every code point.
_UNSAFE = re.compile(
    "["
    "\x00-\x1f\x7f-\x9f"
    "\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "]"
)


def has_controls(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def escape_controls(text: str) -> str:
    """*text* to show: each control or format character as `\\uXXXX`."""
    return _UNSAFE.sub(_shown, text)


def json_escape_controls(text: str) -> str:
    """A JSON text (`ensure_ascii=False`) with those characters as JSON escapes
    (`\\u202e`; a pair of surrogate escapes beyond the BMP): the same values to a
    program that reads it, nothing that acts on a terminal that shows it.
    JSON's own syntax is ASCII, so every such character is inside a string."""
    return _UNSAFE.sub(_json, text)


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _json(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
