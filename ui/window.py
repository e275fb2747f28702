"""Where the screens go: with a second monitor the visitor's screen goes there,
full screen, and the staff panel stays on the desk monitor; with one, both
share it. Monitors plugged in or out while the kiosk runs are followed.

The kiosk is locked: its windows cannot be closed by hand (Alt+F4, the
window manager) until :attr:`KioskWindows.unlocked` (the admin PIN, asked by
the caller). A close the application itself asks for (the operating system
ending the session, Qt quitting) is never refused: only people need the PIN.
Full screen, the lock also keeps the windows in front (ui/lockdown.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from ui.lockdown import Lockdown, locked_flags


class LockedWindow(QWidget):
    """A top-level window that a person cannot close while the kiosk is locked.

    Signals: close_refused() — someone tried (Alt+F4, the window manager).
    """

    close_refused = Signal()

    def __init__(self, windows: KioskWindows, flags: Qt.WindowType) -> None:
        super().__init__(None, flags)
        self._windows = windows

    def closeEvent(self, event: QCloseEvent) -> None:
        # A close from the window system (spontaneous) is a person's; one the
        # application sends itself (quit, the session ending) must go through.
        if self._windows.unlocked or not event.spontaneous():
            event.accept()
        else:
            event.ignore()
            self.close_refused.emit()


class KioskWindows(QObject):
    """The desk window (staff panel, and the visitor's screen when alone) and the
    visitor window on a second monitor; :attr:`separate` is True while the
    visitor's screen has a monitor of its own.
    """

    def __init__(
        self,
        visitor: QWidget,
        staff: QWidget,
        *,
        where: str = "auto",
        fullscreen: bool = True,
        screens: Callable[[], list[QScreen]] = QGuiApplication.screens,
        with_visitor: bool = True,
        parent: QObject | None = None,
    ) -> None:
        """*screens* lists the monitors there are now (tests unplug one);
        without *with_visitor* (a doctor room) there is no visitor screen at all."""
        super().__init__(parent)
        self._with_visitor = with_visitor
        self._screens = screens
        self.visitor = visitor
        self.staff = staff
        self.where = where
        self._fullscreen = fullscreen
        self.unlocked = False
        flags = Qt.WindowType.Window
        if fullscreen:
            flags = locked_flags(flags)
        self.desk = LockedWindow(self, flags)
        self.desk.setObjectName("desk-window")
        self.desk.setWindowTitle("ashyq-kiosk")
        self._split = QSplitter(Qt.Orientation.Horizontal, self.desk)
        layout = QHBoxLayout(self.desk)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._split)
        self.visitor_window = LockedWindow(self, flags)
        self.visitor_window.setObjectName("visitor-window")
        self.visitor_window.setWindowTitle("ashyq-kiosk")
        QVBoxLayout(self.visitor_window).setContentsMargins(0, 0, 0, 0)
        self.separate = False
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._on_app_screen_added)
        app.screenRemoved.connect(self._on_app_screen_removed)
        self.lockdown: Lockdown | None = None
        if fullscreen:
            self.lockdown = Lockdown(self._locked, self._front, self)
            app.installEventFilter(self.lockdown)

    @property
    def locked(self) -> bool:
        """Whether the windows are held in front and closed only with the PIN."""
        return self._fullscreen and not self.unlocked

    def _locked(self) -> bool:
        return self.locked

    def _front(self) -> QWidget | None:
        modal = QApplication.activeModalWidget()
        return modal if modal is not None else self.desk

    def show(self) -> None:
        self.place()

    def place(self) -> None:
        """Put the windows on the monitors there are now."""
        screens = self._screens()
        primary = QGuiApplication.primaryScreen()
        if primary not in screens and screens:
            primary = screens[0]
        others = [s for s in screens if s is not primary]
        separate = bool(others) and self.where != "same" and self._with_visitor
        if not self._with_visitor:
            self._split.addWidget(self.staff)
            self.visitor.hide()
            self.visitor_window.hide()
        elif separate:
            self._split.addWidget(self.staff)
            layout = self.visitor_window.layout()
            assert layout is not None
            layout.addWidget(self.visitor)
            self._show_on(self.visitor_window, others[0])
        else:
            self._split.insertWidget(0, self.visitor)
            self._split.addWidget(self.staff)
            self._split.setStretchFactor(0, 3)
            self._split.setStretchFactor(1, 2)
            width = primary.geometry().width() if primary is not None else 1366
            self._split.setSizes([width * 3 // 5, width * 2 // 5])
            self.visitor_window.hide()
        self.visitor.setVisible(self._with_visitor)
        self.staff.show()
        if primary is not None:
            self._show_on(self.desk, primary)
        self.separate = separate

    def close(self) -> None:
        self.unlocked = True
        if self.lockdown is not None:
            self.lockdown.stop()
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.lockdown)
        self.visitor_window.close()
        self.desk.close()

    def _show_on(self, window: QWidget, screen: QScreen) -> None:
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        if self._fullscreen:
            window.showFullScreen()
        else:
            window.show()

    def _on_app_screen_added(self, screen: QScreen) -> None:
        self.place()

    def _on_app_screen_removed(self, screen: QScreen) -> None:
        self.place()
