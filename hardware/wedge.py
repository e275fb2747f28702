"""Telling a keyboard-wedge scanner from a person typing, from key timing alone.

A USB scanner in keyboard mode types a whole code in one burst, a few
milliseconds between keys, and ends it with Enter (or Tab). People are an
order of magnitude slower. The detector is pure logic, fed key presses
with their timestamps (use the OS event timestamp where there is one, not
the time the event was handled):

- keys arriving within ``max_gap_s`` of each other are held back;
- a held burst of at least ``min_length`` characters is a scanner's: it
  is a :class:`Scan` whether it ends with a terminator or just stops (a
  scanner set up without an Enter suffix, a code cut short), and is never
  handed back as typing, so a scan never lands in a text field;
- shorter bursts and slower keys are handed back as :class:`Passthrough`
  in the original order, for the UI to deliver to the focused field
  untouched. Keys are held at most ``max_gap_s`` (call
  :meth:`WedgeDetector.flush` at :meth:`WedgeDetector.deadline`), so
  typing is delayed by ~35 ms at most.

Modifier keys (Shift, AltGr, Caps Lock, the layout-switch combination)
type nothing: the UI does not feed them, so they neither join nor break a
burst. A key that types nothing else (an arrow, F5, a shortcut) goes to
:meth:`WedgeDetector.other_key`: it ends a person's typing, and inside a
scanner's burst it is dropped.

When the key presses carry their physical key (``code``, e.g. from the
native scan code via :func:`hardware.layouts.code_for_scan_code`) and the
Shift state, the text is rebuilt from the keys, as the scanner sent them:
no layout guessing, and Caps Lock or a layout switched in the middle of a
burst change nothing. Without them the text is recovered from the
characters (:func:`hardware.layouts.recover_text`); then Caps Lock inverts
letter case, and codes with characters no key types (e.g. Cyrillic text
inside the code) cannot be recovered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from hardware.layouts import LAYOUTS, char_for_key, recover_text

TERMINATOR_CODES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"\r": ("Enter", "NumpadEnter"), "\n": ("Enter", "NumpadEnter"), "\t": ("Tab",)}
)
"""Physical keys that count as each terminator character."""


@dataclass(frozen=True, slots=True)
class KeyPress:
    """One key press: the character the OS produced (``"\\r"`` for Enter,
    ``"\\t"`` for Tab), its timestamp in seconds, and optionally the
    physical key as a KeyboardEvent.code name with the Shift state.
    ``altgr``: AltGr (the third level) was held, so the key's character is
    not the one the physical key and Shift give."""

    text: str
    t: float
    code: str | None = None
    shift: bool = False
    altgr: bool = False


@dataclass(frozen=True, slots=True)
class Passthrough:
    """Key presses that were typing, to deliver as they came."""

    keys: tuple[KeyPress, ...]


@dataclass(frozen=True, slots=True)
class Scan:
    """A scanner burst. ``text`` is what the scanner sent; ``layout`` how it
    was recovered (``us``, ``ru``, ``kk``, ``keys`` or ``unknown``); ``typed``
    the characters as they arrived."""

    text: str
    layout: str
    typed: str


WedgeEvent = Passthrough | Scan


@dataclass(frozen=True, slots=True)
class WedgeSettings:
    """``layout``: the PC's layout if known (``us``, ``ru``, ``kk``); ``None``
    detects it from each burst. ``min_length``: a burst this long is a
    scanner's, with or without a terminator."""

    max_gap_s: float = 0.035
    min_length: int = 8
    terminators: tuple[str, ...] = ("\r", "\n", "\t")
    layout: str | None = None
    max_length: int = 8192

    def __post_init__(self) -> None:
        if self.layout is not None and self.layout not in LAYOUTS:
            raise ValueError(
                f"unknown keyboard layout {self.layout!r}; choose one of {', '.join(LAYOUTS)}"
            )
        if self.max_gap_s <= 0 or self.min_length < 1:
            raise ValueError("max_gap_s must be positive and min_length at least 1")


class WedgeDetector:
    """Splits a stream of key presses into scans and typing. One owner thread."""

    def __init__(self, settings: WedgeSettings | None = None) -> None:
        self._settings = settings or WedgeSettings()
        self._held: list[KeyPress] = []

    def feed(self, key: KeyPress) -> list[WedgeEvent]:
        """Take one key press; return what is decided so far (often nothing)."""
        settings = self._settings
        events: list[WedgeEvent] = []
        if self._held and key.t - self._held[-1].t > settings.max_gap_s:
            events.extend(self._end_burst())
        if self._is_terminator(key):
            held, self._held = self._held, []
            if len(held) >= settings.min_length:
                events.append(self._scan(held))
            else:
                events.append(Passthrough((*held, key)))
            return events
        self._held.append(key)
        if len(self._held) > settings.max_length:
            events.append(self._scan(self._held))  # no code is this long: the desk says so
            self._held = []
        return events

    def other_key(self, t: float) -> tuple[list[WedgeEvent], bool]:
        """A key at time *t* that types no character of a code (an arrow, F5, a
        shortcut): what is decided, and whether the key is
        part of a scanner's burst (True: drop it, it must reach no widget)."""
        held = self._held
        if held and t - held[-1].t <= self._settings.max_gap_s:
            if len(held) >= self._settings.min_length:
                return [], True
            self._held = []
            return [Passthrough(tuple(held))], False
        return self._end_burst(), False

    def deadline(self) -> float | None:
        """When :meth:`flush` should next be called, or None if nothing is held."""
        if not self._held:
            return None
        return self._held[-1].t + self._settings.max_gap_s

    def flush(self, now: float) -> list[WedgeEvent]:
        """Decide on held keys whose burst has ended by ``now``."""
        if self._held and now - self._held[-1].t > self._settings.max_gap_s:
            return self._end_burst()
        return []

    def release(self) -> list[WedgeEvent]:
        """Decide on every held key now (the input ended)."""
        return self._end_burst()

    def _end_burst(self) -> list[WedgeEvent]:
        held, self._held = self._held, []
        if not held:
            return []
        if len(held) >= self._settings.min_length:
            return [self._scan(held)]
        return [Passthrough(tuple(held))]

    def _is_terminator(self, key: KeyPress) -> bool:
        for terminator in self._settings.terminators:
            if key.text == terminator or key.code in TERMINATOR_CODES.get(terminator, ()):
                return True
        return False

    def _scan(self, keys: Sequence[KeyPress]) -> Scan:
        typed = "".join(key.text for key in keys)
        from_keys = _text_from_codes(keys)
        if from_keys is not None:
            return Scan(from_keys, "keys", typed)
        text, layout = recover_text(typed, self._settings.layout)
        return Scan(text, layout, typed)


def _text_from_codes(keys: Sequence[KeyPress]) -> str | None:
    """The text of the physical keys and Shift, or None where a key has no code.

    A key typed with AltGr keeps the character the OS gave when it is ASCII
    (a scanner set to a European keyboard types ``@`` as AltGr+Q or AltGr+2)."""
    chars = []
    for key in keys:
        if key.code is None:
            return None
        char = key.text if key.altgr else char_for_key(key.code, key.shift)
        if char is None or not (char.isascii() and char.isprintable()):
            return None
        chars.append(char)
    return "".join(chars)
