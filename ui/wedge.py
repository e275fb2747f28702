"""Keyboard-wedge scanners on every screen: an application-wide key filter.

A USB scanner in keyboard mode sends physical key presses, with a Shift
press and release around every capital letter, through whatever layout is
active. Every character key goes to :class:`hardware.wedge.WedgeDetector`
with the event's own timestamp, its physical key and the Shift state. A
fast burst is a scan (its text rebuilt from the keys, whatever the layout
or Caps Lock) and never reaches a widget; anything slower is typing and is
delivered, in order, to the widget that should have it, at most ~35 ms
late.

Modifier keys (Shift, Ctrl, Alt, AltGr, Caps Lock, Num Lock, the layout
switch: Alt+Shift gives an ISO_Next_Group key Qt does not name) type
nothing and are let through untouched: they neither join nor break a
burst. Other keys that type nothing (arrows, F-keys, Backspace, shortcuts)
end a person's typing; inside a scanner's burst they are dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from hardware.layouts import code_for_scan_code
from hardware.wedge import KeyPress, Passthrough, Scan, WedgeDetector, WedgeSettings

_TERMINATORS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}

_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_Mode_switch,
        Qt.Key.Key_Direction_L,
        Qt.Key.Key_Direction_R,
    }
)
"""Keys that only change what other keys type."""

_UNNAMED_KEYS = (0, int(Qt.Key.Key_unknown))
"""Keys Qt has no name for: with no text, the layout switch (ISO_Next_Group)."""

_Mod = Qt.KeyboardModifier
_COMMAND_MODIFIERS = _Mod.ControlModifier | _Mod.AltModifier | _Mod.MetaModifier

NATIVE_KEYS = {"xcb": "xkb", "wayland": "xkb", "windows": "pc"}
"""What a platform's native scan codes are: XKB key codes, PC/AT set 1, or (absent) unknown."""


class WedgeFilter(QObject):
    """Installed on the QApplication.

    *route* names the widget that gets typed characters (None: the focus
    widget); *native* says what the key events' native scan codes are
    (``"xkb"``, ``"pc"`` or None for none; default: from the platform).

    Signals: scanned(str) — a scanner's text, as the scanner sent it.
    """

    scanned = Signal(str)

    def __init__(
        self,
        settings: WedgeSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        route: Callable[[str], QWidget | None] | None = None,
        native: str | None = "platform",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._detector = WedgeDetector(settings)
        self._clock = clock
        self._route = route
        self._held: dict[int, QKeyEvent] = {}  # id(KeyPress) -> the event to replay
        self._replaying = False
        self._offset: float | None = None  # event time base minus our clock
        self._syncing = False
        self._timer = QTimer(self)
        self._timer.setObjectName("wedge-flush")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        if native == "platform":
            native = NATIVE_KEYS.get(QGuiApplication.platformName())
        self._native = native

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        text = _TERMINATORS.get(Qt.Key(key), event.text())
        typing = len(text) == 1 and (text.isprintable() or text in "\r\t")
        if not typing and (key in _MODIFIER_KEYS or (key in _UNNAMED_KEYS and not text)):
            return False  # Shift, AltGr, Caps Lock, the layout switch: part of any burst
        modifiers = event.modifiers()
        altgr = _is_altgr(modifiers)
        # Not isAutoRepeat(): Qt on X11 takes a key pressed again within the millisecond
        # of its release for a repeat, and a scanner types "11" exactly so.
        if not typing or (modifiers & _COMMAND_MODIFIERS and not altgr):
            decided, drop = self._detector.other_key(self._stamp(event))
            for item in decided:
                self._deliver(item)
            self._arm()
            return drop
        press = KeyPress(
            text,
            self._stamp(event),
            code=self._physical(event),
            shift=bool(modifiers & _Mod.ShiftModifier),
            altgr=altgr,
        )
        self._held[id(press)] = QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat()
        )
        for decided_item in self._detector.feed(press):
            self._deliver(decided_item)
        self._arm()
        return True

    def set_route(self, route: Callable[[str], QWidget | None] | None) -> None:
        """Which widget gets a typed character (None from *route*: the focus widget)."""
        self._route = route

    def stop(self) -> None:
        self._timer.stop()

    # -- internals -------------------------------------------------------------------

    def _stamp(self, event: QKeyEvent) -> float:
        """The key's time in seconds: the OS's timestamp when it gives one."""
        now = self._clock()
        stamp = event.timestamp()
        if not stamp:
            return now
        seconds = stamp / 1000.0
        if self._offset is None or abs(seconds - now - self._offset) > 5:
            self._offset = seconds - now
        else:
            self._offset = max(self._offset, seconds - now)  # the event handled soonest
        return seconds

    def _now(self) -> float:
        return self._clock() + (self._offset or 0.0)

    def _physical(self, event: QKeyEvent) -> str | None:
        if self._native is None or not event.nativeScanCode():
            return None
        return code_for_scan_code(event.nativeScanCode(), xkb=self._native == "xkb")

    def _arm(self) -> None:
        deadline = self._detector.deadline()
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(1, int((deadline - self._now()) * 1000) + 1))

    def _on_timer_timeout(self) -> None:
        if self._syncing:
            return
        # The screens may have been busy (painting, a dialog opening): keys the
        # window system holds already must be fed before the burst is judged
        # over, or a busy moment splits a scan. Qt runs an overdue timer before
        # the input that queued up meanwhile; sync() delivers that input first.
        self._syncing = True
        try:
            QGuiApplication.sync()
        finally:
            self._syncing = False
        for decided in self._detector.flush(self._now()):
            self._deliver(decided)
        self._arm()

    def _deliver(self, decided: Scan | Passthrough) -> None:
        if isinstance(decided, Scan):
            self._held.clear()
            self.scanned.emit(decided.text)
            return
        self._replaying = True
        try:
            for key in decided.keys:
                event = self._held.pop(id(key), None)
                target = self._target(key.text)
                if event is not None and target is not None:
                    QApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def _target(self, text: str) -> QWidget | None:
        if self._route is not None:
            routed = self._route(text)
            if routed is not None:
                return routed
        return QApplication.focusWidget()


def _is_altgr(modifiers: Qt.KeyboardModifier) -> bool:
    """AltGr held: X11 reports it as the group switch, Windows as Ctrl+Alt."""
    if modifiers & _Mod.GroupSwitchModifier:
        return True
    both = _Mod.ControlModifier | _Mod.AltModifier
    return (modifiers & both) == both
