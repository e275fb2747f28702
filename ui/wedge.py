"""Keyboard-wedge scanners on every screen: an application-wide key filter.

Every character key goes to :class:`hardware.wedge.WedgeDetector`, with
the event's own timestamp and, where the platform gives it, the physical
key. A fast burst ending in Enter is a scan (its text recovered whatever
the keyboard layout) and never reaches a widget; anything slower is typing
and is delivered, in order, to the widget that has the focus, at most
~35 ms late.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from hardware.layouts import code_for_scan_code
from hardware.wedge import KeyPress, Passthrough, Scan, WedgeDetector, WedgeSettings

_TERMINATORS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


class WedgeFilter(QObject):
    """Installed on the QApplication.

    Signals: scanned(str) — a scanner's text, layout recovered.
    """

    scanned = Signal(str)

    def __init__(
        self,
        settings: WedgeSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._detector = WedgeDetector(settings)
        self._clock = clock
        self._held: dict[int, QKeyEvent] = {}  # id(KeyPress) -> the event to replay
        self._replaying = False
        self._offset: float | None = None  # event time base minus our clock
        self._timer = QTimer(self)
        self._timer.setObjectName("wedge-flush")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        platform = QGuiApplication.platformName()
        self._scan_codes = {"xcb": True, "wayland": True, "windows": False}.get(platform)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        text = _TERMINATORS.get(Qt.Key(event.key()), event.text())
        if len(text) != 1 or (not text.isprintable() and text not in "\r\t"):
            for decided in self._detector.release():  # a non-character key: typing
                self._deliver(decided)
            return False
        key = KeyPress(
            text,
            self._stamp(event),
            code=self._physical(event),
            shift=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier),
        )
        self._held[id(key)] = QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat()
        )
        for decided in self._detector.feed(key):
            self._deliver(decided)
        self._arm()
        return True

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
        return seconds

    def _now(self) -> float:
        return self._clock() + (self._offset or 0.0)

    def _physical(self, event: QKeyEvent) -> str | None:
        if self._scan_codes is None or not event.nativeScanCode():
            return None
        return code_for_scan_code(event.nativeScanCode(), xkb=self._scan_codes)

    def _arm(self) -> None:
        deadline = self._detector.deadline()
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(1, int((deadline - self._now()) * 1000) + 1))

    def _on_timer_timeout(self) -> None:
        for decided in self._detector.flush(self._now()):
            self._deliver(decided)
        self._arm()

    def _deliver(self, decided: Scan | Passthrough) -> None:
        if isinstance(decided, Scan):
            self._held.clear()
            self.scanned.emit(decided.text)
            return
        target = QApplication.focusWidget()
        self._replaying = True
        try:
            for key in decided.keys:
                event = self._held.pop(id(key), None)
                if event is not None and target is not None:
                    QApplication.sendEvent(target, event)
        finally:
            self._replaying = False
