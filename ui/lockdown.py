"""Keeping a locked kiosk in front under a window manager.

While the kiosk is locked (full screen, leaving it needs the admin PIN),
its windows and every dialog it opens:

- stay on top, with no minimise or maximise button (a dialog's minimise
  button minimised the whole kiosk, showing a desktop with a terminal in
  its menu);
- are on every virtual desktop (X11: ``_NET_WM_DESKTOP`` = all), so
  switching desktops does not hide the kiosk;
- come back at once when minimised anyway (show-desktop, a taskbar) or
  when another program takes the focus.

This is what the kiosk can do for itself; the operating system must do the
rest (a kiosk user session, Windows assigned access or a shell launcher):
see docs/operator.md.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

_Hint = Qt.WindowType
_SPARED = (_Hint.Popup, _Hint.ToolTip, _Hint.SplashScreen, _Hint.Desktop, _Hint.SubWindow)
LOCKED_FLAGS = (
    _Hint.CustomizeWindowHint
    | _Hint.WindowTitleHint
    | _Hint.WindowCloseButtonHint
    | _Hint.WindowStaysOnTopHint
)
"""What a locked kiosk's windows and dialogs carry: a title and a close button
(the close is refused or asks the PIN), no minimise or maximise, on top."""

REFOCUS_MS = 250
"""How long another program may hold the focus before the kiosk takes it back
(long enough for the kiosk's own windows to hand it between them)."""


def locked_flags(flags: Qt.WindowType) -> Qt.WindowType:
    """*flags* of a window made fit for a locked kiosk."""
    flags &= ~(_Hint.WindowMinimizeButtonHint | _Hint.WindowMaximizeButtonHint)
    flags &= ~_Hint.WindowContextHelpButtonHint
    return flags | LOCKED_FLAGS


class Lockdown(QObject):
    """Holds the kiosk's windows in front while *locked()* says so.

    Installed on the QApplication: it sees every window the kiosk shows.
    *front* gives the window to bring back when another program takes the
    focus (the open dialog, else the desk window). No signals.
    """

    def __init__(
        self,
        locked: Callable[[], bool],
        front: Callable[[], QWidget | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._locked = locked
        self._front = front
        self._desktops = AllDesktops.for_platform(QGuiApplication.platformName())
        self._refocus = QTimer(self)
        self._refocus.setObjectName("lockdown-refocus")
        self._refocus.setSingleShot(True)
        self._refocus.setInterval(REFOCUS_MS)
        self._refocus.timeout.connect(self._on_refocus_timeout)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.applicationStateChanged.connect(self._on_app_state_changed)

    def stop(self) -> None:
        self._refocus.stop()
        if self._desktops is not None:
            self._desktops.close()
            self._desktops = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.WindowStateChange):
            return False
        if not isinstance(watched, QWidget) or not watched.isWindow() or not self._locked():
            return False
        if watched.windowType() in _SPARED:
            return False
        if kind == QEvent.Type.Show:
            self._harden(watched)
        elif watched.windowState() & Qt.WindowState.WindowMinimized:
            QTimer.singleShot(0, self, lambda: self._restore(watched))
        return False

    def _harden(self, window: QWidget) -> None:
        """Just before the window is mapped: on top, no minimise, every desktop."""
        handle = window.windowHandle()
        if handle is not None and handle.flags() != locked_flags(handle.flags()):
            handle.setFlags(locked_flags(handle.flags()))
        if self._desktops is not None:
            self._desktops.pin(int(window.winId()))

    def _restore(self, window: QWidget) -> None:
        if not self._locked() or not window.isVisible():
            return
        state = window.windowState() & ~Qt.WindowState.WindowMinimized
        window.setWindowState(state | Qt.WindowState.WindowActive)
        if state & Qt.WindowState.WindowFullScreen:
            window.showFullScreen()
        else:
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def _on_app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self._refocus.stop()
        elif self._locked():
            self._refocus.start()

    def _on_refocus_timeout(self) -> None:
        active = QApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if active or not self._locked():
            return
        window = self._front()
        if window is not None and window.isVisible():
            self._restore(window)


class AllDesktops:
    """Puts an X11 window on every virtual desktop (EWMH ``_NET_WM_DESKTOP``
    0xFFFFFFFF, set before the window manager maps it), through Xlib.

    Other platforms have no such property: Windows keeps a full-screen
    top-most window in front on its own desktop, and its virtual desktops
    are switched off by assigned access (docs/operator.md)."""

    ALL = 0xFFFFFFFF

    def __init__(self, xlib: ctypes.CDLL) -> None:
        self._x = xlib
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XInternAtom.restype = ctypes.c_ulong
        xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        xlib.XChangeProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
            ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
        ]  # fmt: skip
        xlib.XFlush.argtypes = [ctypes.c_void_p]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._display = xlib.XOpenDisplay(None)
        self._atom = xlib.XInternAtom(self._display, b"_NET_WM_DESKTOP", 0) if self._display else 0

    @classmethod
    def for_platform(cls, platform: str) -> AllDesktops | None:
        """The pinner where the screens are X11 windows and Xlib loads; else None."""
        if platform != "xcb":
            return None
        name = ctypes.util.find_library("X11") or "libX11.so.6"
        try:
            pinner = cls(ctypes.CDLL(name))
        except (OSError, AttributeError) as exc:
            print(f"kiosk lock: cannot pin the windows to every desktop: {exc}", file=sys.stderr)
            return None
        return pinner if pinner._display else None

    def close(self) -> None:
        if self._display:
            self._x.XCloseDisplay(self._display)
            self._display = None

    def pin(self, window_id: int) -> None:
        value = (ctypes.c_ulong * 1)(self.ALL)
        cardinal = 6  # XA_CARDINAL
        self._x.XChangeProperty(
            self._display, window_id, self._atom, cardinal, 32, 0, ctypes.byref(value), 1
        )
        self._x.XFlush(self._display)
