"""Keyboard layouts a keyboard-wedge scanner types through, and the way back.

A USB scanner in keyboard mode sends *key positions* (HID usages) as if a
US keyboard were attached; the PC turns them into characters through the
active layout. Under Windows "Russian" the key that gives ``e`` on a US
keyboard gives ``у``, so a pass starting ``eyJ`` arrives as ``унО``; under
Windows "Kazakh" even the digit keys give Kazakh letters (``1`` → ``"``,
``2`` → ``ә``, ``0`` → ``қ``), so a plain IIN is garbled too. Every layout
here maps each of the 47 character keys (unshifted and shifted) to one
character, and no two keys to the same one, so the US key, and with it the
scanned text, can be recovered exactly.

Sources of the tables (Windows layouts, as Microsoft publishes them):

- US: the identity (Windows "US", KBDUS).
- Russian: Windows "Russian" (KBDRU, 00000419), the ЙЦУКЕН computer layout:
  Shift+2 ``"``, Shift+3 ``№``, Shift+4 ``;``, Shift+6 ``:``, Shift+7 ``?``,
  ``/`` key ``.``/``,``, ``\\`` key ``\\``/``/``.
- Kazakh: Windows "Kazakh" (KBDKAZ, 0000043F), which follows the Kazakh SSR
  standard RST 903-90 (as does xkeyboard-config's ``kz`` layout). Its
  number row, keys `` ` 1 2 3 4 5 6 7 8 9 0 - = ``, gives
  ``( " ә і ң ғ , . ү ұ қ ө һ`` unshifted and
  ``) ! Ә І Ң Ғ ; : Ү Ұ Қ Ө Һ`` shifted: there are no digits on it at all
  (the number row starts with ``(`` on the backquote key, so ``"`` is on
  ``1``, not on the backquote key). The ``/`` key gives ``№``/``?``; the
  letter keys are as in Russian. Cross-checked against the Microsoft
  layout page for kbdkaz as reproduced by the Mottie/Keyboard project
  (layouts/ms-Kazakh.js) and the xkeyboard-config ``kz(basic)`` symbols.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# The 47 character keys in US order, named like KeyboardEvent.code.
KEY_CODES: tuple[str, ...] = (
    # number row
    "Backquote", "Digit1", "Digit2", "Digit3", "Digit4", "Digit5", "Digit6",
    "Digit7", "Digit8", "Digit9", "Digit0", "Minus", "Equal",
    # top letter row
    "KeyQ", "KeyW", "KeyE", "KeyR", "KeyT", "KeyY", "KeyU", "KeyI", "KeyO",
    "KeyP", "BracketLeft", "BracketRight", "Backslash",
    # home row
    "KeyA", "KeyS", "KeyD", "KeyF", "KeyG", "KeyH", "KeyJ", "KeyK", "KeyL",
    "Semicolon", "Quote",
    # bottom row
    "KeyZ", "KeyX", "KeyC", "KeyV", "KeyB", "KeyN", "KeyM", "Comma", "Period",
    "Slash",
)  # fmt: skip

# PC/AT scan codes (set 1) of the same keys: what Windows reports as the
# native scan code. X11/XKB key codes are these plus 8.
SCAN_CODES: tuple[int, ...] = (
    0x29, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x2B,
    0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28,
    0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35,
)  # fmt: skip

# Keys that type the same character under every layout (with NumLock on).
_INVARIANT_CODES: Mapping[str, str] = MappingProxyType({
    "Space": " ",
    "Numpad0": "0", "Numpad1": "1", "Numpad2": "2", "Numpad3": "3", "Numpad4": "4",
    "Numpad5": "5", "Numpad6": "6", "Numpad7": "7", "Numpad8": "8", "Numpad9": "9",
    "NumpadDecimal": ".", "NumpadDivide": "/", "NumpadMultiply": "*",
    "NumpadSubtract": "-", "NumpadAdd": "+",
})  # fmt: skip
_INVARIANT_SCAN_CODES: Mapping[int, str] = MappingProxyType({
    0x39: "Space",
    0x52: "Numpad0", 0x4F: "Numpad1", 0x50: "Numpad2", 0x51: "Numpad3",
    0x4B: "Numpad4", 0x4C: "Numpad5", 0x4D: "Numpad6", 0x47: "Numpad7",
    0x48: "Numpad8", 0x49: "Numpad9", 0x53: "NumpadDecimal", 0x37: "NumpadMultiply",
    0x4A: "NumpadSubtract", 0x4E: "NumpadAdd",
    0x1C: "Enter", 0x0F: "Tab",
})  # fmt: skip


@dataclass(frozen=True)
class Layout:
    """What each of the 47 keys types, in :data:`KEY_CODES` order."""

    name: str
    unshifted: str
    shifted: str
    _back: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.unshifted) != len(KEY_CODES) or len(self.shifted) != len(KEY_CODES):
            raise ValueError(f"layout {self.name}: every key needs a character")
        back: dict[str, str] = {" ": " "}
        us = LAYOUT_US_KEYS
        for typed, pressed in zip(self.unshifted + self.shifted, us[0] + us[1], strict=True):
            if typed in back:
                raise ValueError(f"layout {self.name}: {typed!r} is on two keys")
            back[typed] = pressed
        object.__setattr__(self, "_back", back)

    def can_type(self, char: str) -> bool:
        return char in self._back

    def to_us(self, typed: str) -> str:
        """The US characters of the keys pressed to type ``typed`` (all typeable)."""
        return "".join(self._back[ch] for ch in typed)

    def type_text(self, text: str) -> str:
        """What typing the US keys for ``text`` produces under this layout."""
        keys = LAYOUT_US_KEYS[0] + LAYOUT_US_KEYS[1]
        forward = dict(zip(keys, self.unshifted + self.shifted, strict=True))
        forward[" "] = " "
        return "".join(forward.get(ch, ch) for ch in text)


LAYOUT_US_KEYS = (
    "`1234567890-=" "qwertyuiop[]\\" "asdfghjkl;'" "zxcvbnm,./",
    "~!@#$%^&*()_+" "QWERTYUIOP{}|" 'ASDFGHJKL:"' "ZXCVBNM<>?",
)  # fmt: skip

US = Layout("us", *LAYOUT_US_KEYS)

RUSSIAN = Layout(
    "ru",
    "ё1234567890-=" "йцукенгшщзхъ\\" "фывапролджэ" "ячсмитьбю.",
    'Ё!"№;%:?*()_+' "ЙЦУКЕНГШЩЗХЪ/" "ФЫВАПРОЛДЖЭ" "ЯЧСМИТЬБЮ,",
)  # fmt: skip

KAZAKH = Layout(
    "kk",
    '("әіңғ,.үұқөһ' "йцукенгшщзхъ\\" "фывапролджэ" "ячсмитьбю№",
    ")!ӘІҢҒ;:ҮҰҚӨҺ" "ЙЦУКЕНГШЩЗХЪ/" "ФЫВАПРОЛДЖЭ" "ЯЧСМИТЬБЮ?",
)  # fmt: skip

LAYOUTS: Mapping[str, Layout] = MappingProxyType(
    {layout.name: layout for layout in (US, RUSSIAN, KAZAKH)}
)
"""By setting name: ``us``, ``ru``, ``kk``."""


def recover_text(typed: str, hint: str | None = None) -> tuple[str, str]:
    """The text a scanner sent, from the characters it typed, and the layout used.

    A ``hint`` (the layout set in the configuration) decides whenever it
    can type every character of ``typed``. Otherwise the candidates are the
    layouts that can; the one whose reading has the most ASCII letters and
    digits wins (scanner payloads are mostly alphanumeric: three double
    quotes typed under Kazakh are ``111``), ties going to US, then Russian,
    then Kazakh. With no candidate, ``typed`` comes back unchanged as
    ``"unknown"``. A burst with no letter or digit in any reading is
    ambiguous without a hint (``.`` may be the US ``.`` key or the Kazakh
    ``7`` key); texts of letters, digits, ``-``, ``_`` and ``.``, as in
    signed passes and IINs, come back exactly.
    """
    if hint is not None and hint in LAYOUTS:
        layout = LAYOUTS[hint]
        if all(layout.can_type(ch) for ch in typed):
            return layout.to_us(typed), hint
    best: tuple[int, int, str, str] | None = None
    for rank, name in enumerate(("us", "ru", "kk")):
        layout = LAYOUTS[name]
        if not all(layout.can_type(ch) for ch in typed):
            continue
        text = layout.to_us(typed)
        score = sum(1 for ch in text if ch.isascii() and ch.isalnum())
        if best is None or (score, -rank) > best[:2]:
            best = (score, -rank, text, name)
    if best is None:
        return typed, "unknown"
    return best[2], best[3]


def char_for_key(code: str, shift: bool) -> str | None:
    """The US character of a physical key (KeyboardEvent.code name), or None."""
    if code in _INVARIANT_CODES:
        return _INVARIANT_CODES[code]
    try:
        index = KEY_CODES.index(code)
    except ValueError:
        return None
    return LAYOUT_US_KEYS[1 if shift else 0][index]


def code_for_scan_code(scan_code: int, *, xkb: bool = False) -> str | None:
    """KeyboardEvent.code name of a native scan code (Windows set 1, or XKB with ``xkb``)."""
    value = scan_code - 8 if xkb else scan_code
    if value in _INVARIANT_SCAN_CODES:
        return _INVARIANT_SCAN_CODES[value]
    try:
        return KEY_CODES[SCAN_CODES.index(value)]
    except ValueError:
        return None
