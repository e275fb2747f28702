"""Keeping a locked kiosk in front under a window manager.

While the kiosk is locked (full screen, leaving it needs the admin PIN),
its windows and every dialog it opens:

- stay on top, with no minimise or maximise button (a dialog's minimise
  button minimised the whole kiosk, showing a desktop with a terminal in
  its menu);
- are on every virtual desktop (X11: ``_NET_WM_DESKTOP`` = all), so
  switching desktops does not hide the kiosk;
- come back at once when minimised anyway (a window menu, a taskbar),
  hidden (show-desktop) or when another program takes the focus.

Window managers differ: openbox, for one, offers Iconify in its window menu
whatever the window asks, and its show-desktop unmaps every window without
minimising it. So the lock watches what happens to its windows rather than
trusting the hints: a minimised window is restored, a window unmapped
behind its back (no longer exposed) is shown again, and on X11 the window
manager is asked as a pager would (EWMH ``_NET_SHOWING_DESKTOP`` off,
``_NET_ACTIVE_WINDOW``), which it honours where an application's own
request may be refused as focus stealing.

This is what the kiosk can do for itself; the operating system must do the
rest (a kiosk user session, Windows assigned access or a shell launcher):
see docs/operator.md.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPen, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from ui.placement import centre_over

_Hint = Qt.WindowType
_SPARED = (_Hint.Popup, _Hint.ToolTip, _Hint.SplashScreen, _Hint.Desktop, _Hint.SubWindow)
LOCKED_FLAGS = _Hint.FramelessWindowHint | _Hint.WindowCloseButtonHint | _Hint.WindowStaysOnTopHint
"""What a locked kiosk's windows and dialogs carry: no title bar, so no
minimise or maximise button under any window manager (openbox draws them
whatever the hints say), on top. The close hint keeps the window manager's
other functions off (with none, Qt offers them all); a close by hand is
refused or asks for the PIN. Not CustomizeWindowHint: with it and a close
button Qt puts the title bar back."""

BORDER = "#455A64"
"""The line round a dialog without a title bar, so it stands out from the screen behind."""

REFOCUS_MS = 250
"""How long another program may hold the focus before the kiosk takes it back
(long enough for the kiosk's own windows to hand it between them)."""


def locked_flags(flags: Qt.WindowType) -> Qt.WindowType:
    """*flags* of a window made fit for a locked kiosk."""
    for part in (
        _Hint.CustomizeWindowHint,
        _Hint.WindowMinimizeButtonHint,
        _Hint.WindowMaximizeButtonHint,
        _Hint.WindowContextHelpButtonHint,
        _Hint.WindowSystemMenuHint,
        _Hint.WindowTitleHint,
    ):
        flags &= ~part
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
        self._x11 = X11Lock.for_platform(QGuiApplication.platformName())
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
        if self._x11 is not None:
            self._x11.close()
            self._x11 = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED or not self._locked():
            return False
        if kind == QEvent.Type.Expose:
            if isinstance(watched, QWindow) and watched.isVisible() and not watched.isExposed():
                window = _widget_of(watched)
                if window is not None and window.windowType() not in _SPARED:
                    QTimer.singleShot(0, self, lambda: self._restore(window))
            return False
        if not isinstance(watched, QWidget) or not watched.isWindow():
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
        if window.windowType() == _Hint.Dialog:
            if not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
                # Centred on its window, as the program's own position: a window manager
                # that places a dialog itself races Qt's idea of where it is (openbox:
                # popups and the accessible positions of its widgets were off by the move).
                parent = window.parentWidget()
                if parent is not None:
                    centre_over(window, parent.window())
                else:
                    window.move(_centred_on_screen(window))
            if window.findChild(DialogBorder) is None:
                DialogBorder(window)
        if self._x11 is not None:
            self._x11.pin(int(window.winId()))

    def _restore(self, window: QWidget) -> None:
        if not self._locked() or not window.isVisible():
            return
        state = window.windowState()
        if state & Qt.WindowState.WindowMinimized:
            state &= ~Qt.WindowState.WindowMinimized
            window.setWindowState(state)
        if state & Qt.WindowState.WindowFullScreen:
            window.showFullScreen()
        else:
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if self._x11 is not None:
            self._x11.bring_back(int(window.winId()))

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


def _centred_on_screen(dialog: QWidget) -> QPoint:
    """Where a dialog without a parent sits: the middle of its screen."""
    screen = dialog.screen().availableGeometry()
    size = dialog.size()
    return QPoint(
        screen.x() + (screen.width() - size.width()) // 2,
        screen.y() + (screen.height() - size.height()) // 2,
    )


_WATCHED = (QEvent.Type.Show, QEvent.Type.WindowStateChange, QEvent.Type.Expose)


class DialogBorder(QWidget):
    """A line round a dialog that has no title bar; it takes no clicks."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.setObjectName("dialog-border")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(dialog.rect())
        dialog.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(QColor(BORDER), 3))
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()


def _widget_of(handle: QWindow) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is handle:
            return widget
    return None


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("client", _ClientMessage), ("pad", ctypes.c_long * 24)]


class X11Lock:
    """What the kiosk asks of an X11 window manager, through Xlib (EWMH):
    a window on every desktop (``_NET_WM_DESKTOP`` 0xFFFFFFFF, set before
    it is mapped), and a hidden window shown again.

    Other platforms need none of it: Windows keeps a full-screen top-most
    window in front on its desktop, and assigned access switches its
    virtual desktops off (docs/operator.md)."""

    ALL_DESKTOPS = 0xFFFFFFFF
    _CLIENT_MESSAGE = 33
    _TO_WINDOW_MANAGER = (1 << 19) | (1 << 20)  # SubstructureNotify | SubstructureRedirect
    _FROM_A_PAGER = 2  # EWMH source indication: the window manager does not refuse it

    def __init__(self, xlib: ctypes.CDLL) -> None:
        self._x = xlib
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XInternAtom.restype = ctypes.c_ulong
        xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XChangeProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
            ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
        ]  # fmt: skip
        xlib.XSendEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_long,
            ctypes.c_void_p,
        ]
        xlib.XFlush.argtypes = [ctypes.c_void_p]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._display: int | None = xlib.XOpenDisplay(None)
        self._atoms: dict[str, int] = {}

    @classmethod
    def for_platform(cls, platform: str) -> X11Lock | None:
        """The helper where the screens are X11 windows and Xlib loads; else None."""
        if platform != "xcb":
            return None
        name = ctypes.util.find_library("X11") or "libX11.so.6"
        try:
            helper = cls(ctypes.CDLL(name))
        except (OSError, AttributeError) as exc:
            print(f"kiosk lock: no Xlib, the window manager is not asked: {exc}", file=sys.stderr)
            return None
        return helper if helper._display else None

    def close(self) -> None:
        if self._display:
            self._x.XCloseDisplay(self._display)
            self._display = None

    def pin(self, window_id: int) -> None:
        """On every desktop: read by the window manager when it maps the window."""
        if not self._display:
            return
        value = (ctypes.c_ulong * 1)(self.ALL_DESKTOPS)
        cardinal = 6  # XA_CARDINAL
        self._x.XChangeProperty(
            self._display, window_id, self._atom("_NET_WM_DESKTOP"), cardinal, 32, 0, value, 1
        )
        self._x.XFlush(self._display)

    def bring_back(self, window_id: int) -> None:
        """Show-desktop off, and the window activated, as a pager asks for it."""
        if not self._display:
            return
        self._send(0, "_NET_SHOWING_DESKTOP", 0)
        self._send(window_id, "_NET_WM_DESKTOP", self.ALL_DESKTOPS, self._FROM_A_PAGER)
        self._send(window_id, "_NET_ACTIVE_WINDOW", self._FROM_A_PAGER, 0, 0)
        self._x.XFlush(self._display)

    def _atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self._x.XInternAtom(self._display, name.encode(), 0)
        return self._atoms[name]

    def _send(self, window_id: int, message: str, *data: int) -> None:
        root = self._x.XDefaultRootWindow(self._display)
        event = _XEvent()
        client = event.client
        client.type = self._CLIENT_MESSAGE
        client.send_event = 1
        client.display = self._display
        client.window = window_id or root
        client.message_type = self._atom(message)
        client.format = 32
        for index, value in enumerate(data):
            client.data[index] = ctypes.c_long(value & 0xFFFFFFFF).value
        self._x.XSendEvent(self._display, root, 0, self._TO_WINDOW_MANAGER, ctypes.byref(event))
