"""A USB HID barcode scanner in keyboard mode, as the X server receives it.

The scanner sends key positions of a US keyboard: for every character the
physical key, with Shift pressed before and released after a capital or a
shifted symbol, a millisecond or two apart, then Enter. The PC's layout
(us, ru, kz) turns the positions into characters; the scanner never knows
which. So the keys here are X key codes (evdev: the Linux key number + 8),
never key names or text, and no layout is consulted to choose them.
"""

from __future__ import annotations

from tests.x11.xsession import XSession

SHIFT = 50  # Shift_L
ENTER = 36  # Return

# Rows of a US keyboard: the first key's X key code, the keys unshifted, shifted.
_ROWS = (
    (10, "1234567890-=", "!@#$%^&*()_+"),
    (24, "qwertyuiop[]", "QWERTYUIOP{}"),
    (38, "asdfghjkl;'", 'ASDFGHJKL:"'),
    (52, "zxcvbnm,./", "ZXCVBNM<>?"),
)
KEYS: dict[str, tuple[int, bool]] = {" ": (65, False), "`": (49, False), "~": (49, True)}
KEYS.update({"\\": (51, False), "|": (51, True)})
for _first, _plain, _shifted in _ROWS:
    for _offset, (_low, _high) in enumerate(zip(_plain, _shifted, strict=True)):
        KEYS[_low] = (_first + _offset, False)
        KEYS[_high] = (_first + _offset, True)


def key_presses(text: str, *, gap_ms: int = 1) -> list[str]:
    """xdotool arguments that press the keys of *text* and Enter, Shift around capitals."""
    args: list[str] = []
    for char in text:
        code, shifted = KEYS[char]
        if shifted:
            args += ["keydown", "--delay", "0", str(SHIFT)]
        args += ["key", "--delay", str(gap_ms), str(code)]
        if shifted:
            args += ["keyup", "--delay", "0", str(SHIFT)]
    return [*args, "key", "--delay", str(gap_ms), str(ENTER)]


class Scanner:
    """Scans texts into the X session's keyboard."""

    def __init__(self, session: XSession) -> None:
        self._session = session

    def scan(self, text: str) -> None:
        self._session.xdotool(*key_presses(text))


def type_slowly(session: XSession, text: str, *, gap_ms: int = 150) -> None:
    """A person typing *text* on the same keys (US positions), then Enter."""
    session.xdotool(*key_presses(text, gap_ms=gap_ms))
