"""Key events as an X server delivers a USB HID scanner's keys to Qt.

A scanner sends key positions of a US keyboard with Shift pressed around
every capital; X turns them into characters through the active layout and
Caps Lock. Each key press carries its X key code (``nativeScanCode``) and
timestamp; Shift, Caps Lock, AltGr and the layout switch (Alt+Shift gives
ISO_Next_Group, a key Qt has no name for) arrive as key events of their own.
And as Qt's X11 platform does, a key pressed again right after its release
(a scanner's "00") is flagged as an auto-repeat. The real thing, through a
real X server, is tests/x11; these are for the widget tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from hardware.layouts import LAYOUT_US_KEYS, LAYOUTS, SCAN_CODES

XKB = 8  # X key code = PC/AT scan code + 8
SHIFT, CAPS_LOCK, ALT, ALTGR, ENTER = 50, 66, 64, 108, 36
ISO_NEXT_GROUP = 0xFE08
_Mod = Qt.KeyboardModifier


@dataclass
class HidKeyboard:
    """Sends key events to the focused widget (or *window*) with X timestamps."""

    window: QWidget
    layout: str = "us"
    caps_lock: bool = False
    t_ms: int = 1_000_000
    gap_ms: int = 2
    sent: list[QKeyEvent] = field(default_factory=list)
    _released: int = 0  # the key code released last, if nothing was pressed since

    def _send(self, kind: QEvent.Type, key: int, modifiers: _Mod, code: int, text: str = "",
              sym: int = 0) -> None:  # fmt: skip
        repeat = kind == QEvent.Type.KeyPress and code == self._released
        self._released = code if kind == QEvent.Type.KeyRelease else 0
        event = QKeyEvent(kind, key, modifiers, code, sym, 0, text, repeat)
        self.t_ms += self.gap_ms if kind == QEvent.Type.KeyPress else 1
        event.setTimestamp(self.t_ms)
        target = QApplication.focusWidget() or self.window
        QApplication.sendEvent(target, event)
        self.sent.append(event)

    def tap(self, key: int, code: int, text: str = "", modifiers: _Mod = _Mod.NoModifier,
            sym: int = 0) -> None:  # fmt: skip
        self._send(QEvent.Type.KeyPress, key, modifiers, code, text, sym)
        self._send(QEvent.Type.KeyRelease, key, modifiers, code, text, sym)

    def char(self, char: str, modifiers: _Mod = _Mod.NoModifier, text: str | None = None) -> None:
        """The key of a US character, through the layout (Shift pressed around it)."""
        shifted = char in LAYOUT_US_KEYS[1]
        index = LAYOUT_US_KEYS[1 if shifted else 0].index(char)
        table = LAYOUTS[self.layout]
        typed = (table.shifted if shifted else table.unshifted)[index]
        if self.caps_lock and typed.isalpha():
            typed = typed.lower() if typed.isupper() else typed.upper()
        code = SCAN_CODES[index] + XKB
        key = ord(LAYOUT_US_KEYS[0][index].upper())
        if shifted:
            self._send(QEvent.Type.KeyPress, Qt.Key.Key_Shift, _Mod.ShiftModifier, SHIFT)
            modifiers |= _Mod.ShiftModifier
        self.tap(key, code, typed if text is None else text, modifiers)
        if shifted:
            self._send(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, _Mod.NoModifier, SHIFT)

    def enter(self) -> None:
        self.tap(Qt.Key.Key_Return, ENTER, "\r")

    def toggle_caps_lock(self) -> None:
        self.tap(Qt.Key.Key_CapsLock, CAPS_LOCK)
        self.caps_lock = not self.caps_lock

    def switch_layout(self, layout: str) -> None:
        """Alt+Shift: XKB's next group, a key without a Qt name or text."""
        self._send(QEvent.Type.KeyPress, Qt.Key.Key_Alt, _Mod.AltModifier, ALT)
        self.tap(0, SHIFT, "", _Mod.AltModifier, sym=ISO_NEXT_GROUP)
        self._send(QEvent.Type.KeyRelease, Qt.Key.Key_Alt, _Mod.NoModifier, ALT)
        self.layout = layout

    def altgr(self, char: str, produced: str) -> None:
        """AltGr+key, the layout giving *produced* (a European scanner's @)."""
        self._send(QEvent.Type.KeyPress, Qt.Key.Key_AltGr, _Mod.GroupSwitchModifier, ALTGR)
        self.char(char, _Mod.GroupSwitchModifier, text=produced)
        self._send(QEvent.Type.KeyRelease, Qt.Key.Key_AltGr, _Mod.NoModifier, ALTGR)

    def scan(self, text: str) -> None:
        for char in text:
            self.char(char)
        self.enter()

    def type_slowly(self, text: str) -> None:
        """A person: 150 ms between keys."""
        gap, self.gap_ms = self.gap_ms, 150
        try:
            for char in text:
                self.char(char)
        finally:
            self.gap_ms = gap
