"""The Qt side of the composition root: the application object, the screens
wired to a running desk, and how a command knows there is a display."""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication

    from app.context import App
    from app.desk import RunningDesk
    from app.startup import KioskStart
    from hardware.frames import FrameSource
    from kiosk.reports.dashboard import DayReport
    from ui.boarding import BoardingDesk
    from ui.bridge import DeskBridge
    from ui.kiosk import KioskScreens
    from ui.sounds import SoundBoard


def has_display() -> bool:
    """Whether windows can be shown: always on Windows and macOS; on other
    systems when an X11 or Wayland display is named, or Qt is told to use a
    platform that shows something (not the offscreen one)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith("offscreen") or platform.startswith("minimal"):
        return False
    if sys.platform in ("win32", "darwin") or platform:
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY"))


def qt_application(*, offscreen: list[tuple[int, int]] | None = None) -> QApplication:
    """The one QApplication, with the shipped font. *offscreen*: render without a
    display on virtual monitors of these sizes (left to right)."""
    # QtMultimedia reports each audio back end it does not find (PipeWire on a
    # PulseAudio PC): noise for a reception desk; the sounds fall back silently.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")
    if offscreen is not None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens_file(offscreen)}"
    from PySide6.QtWidgets import QApplication

    from ui.i18n import load_fonts

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        _quiet_offscreen_warnings()
        app = QApplication(["ashyq-kiosk"])
    load_fonts(app)
    return app


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns about window hints it cannot honour; those
    lines are noise in a headless run's output. Everything else is printed."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if "does not support propagateSizeHints" in message:
            return
        sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _screens_file(sizes: list[tuple[int, int]]) -> Path:
    screens, x = [], 0
    for index, (width, height) in enumerate(sizes):
        screens.append(
            {
                "name": f"monitor-{index + 1}",
                "x": x,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        )
        x += width
    folder = Path(tempfile.mkdtemp(prefix="ashyq-screens-"))
    path = folder / "screens.json"
    path.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    return path


@dataclass
class Kiosk:
    """A running desk with its screens (and a boarding desk's referral side)."""

    desk: RunningDesk
    bridge: DeskBridge
    screens: KioskScreens
    sounds: SoundBoard
    boarding: BoardingDesk | None = None

    def stop(self) -> None:
        self.desk.stop()  # first: the desk records open questions, then goes quiet
        self.screens.stop()
        self.sounds.stop()


def build_kiosk(
    app: App,
    *,
    operator: str,
    camera: bool = True,
    camera_source: FrameSource | None = None,
    extra_listeners: list[Any] | None = None,
    settings_file: Path | None = None,
) -> Kiosk:
    """The desk and its screens, wired; nothing started yet. *settings_file*:
    the file the settings dialog edits (None: no settings dialog)."""
    from app.desk import build_desk
    from app.scanning import wedge_settings
    from ui.bridge import DeskBridge
    from ui.kiosk import KioskScreens
    from ui.pin_dialog import ADMIN_PIN, PinDialog
    from ui.sounds import SoundBoard
    from ui.wedge import WedgeFilter

    settings = app.settings
    sounds = SoundBoard(mute=settings.sounds.mute, volume=settings.sounds.volume)
    admin = app.pin_guard("admin")  # the data folder's lock-out, shared with the commands
    doctor = app.pin_guard("doctor")

    # The PIN dialogs open over the staff panel: on a desk with one monitor the
    # visitor's decision beside it stays in view.
    def ask_admin(why: str) -> bool:
        # No admin PIN in the settings: the venue runs an open kiosk (documented).
        desk, staff = screens.windows.desk, screens.staff
        return not admin.is_set or PinDialog.ask(admin, ADMIN_PIN, desk, over=staff)

    def ask_doctor() -> bool:
        from ui.pin_dialog import DOCTOR_PIN

        desk, staff = screens.windows.desk, screens.staff
        return PinDialog.ask(doctor, DOCTOR_PIN, desk, key="doctor", over=staff)

    def open_settings() -> None:
        from ui.settings_dialog import SettingsDialog

        assert settings_file is not None
        SettingsDialog(settings_file, screens.windows.desk).exec()

    bridge = DeskBridge()
    desk = build_desk(
        app,
        [bridge.listener, *(extra_listeners or [])],
        camera=camera,
        camera_source=camera_source,
        on_preview=bridge.on_preview,
    )
    screens = KioskScreens(
        settings,
        desk.controller,
        bridge,
        operator=operator,
        play=sounds.play,
        ask_admin=ask_admin,
        open_settings=open_settings if settings_file is not None else None,
        send_now=desk.worker.send_now,
        load_day=day_loader(app),
    )
    screens.install_key_filter(WedgeFilter(wedge_settings(settings)))
    boarding = boarding_desk(
        app, screens, desk, bridge, ask_doctor=ask_doctor if doctor.is_set else None
    )
    return Kiosk(desk, bridge, screens, sounds, boarding)


def boarding_desk(
    app: App,
    screens: KioskScreens,
    desk: RunningDesk,
    bridge: DeskBridge,
    *,
    ask_doctor: Callable[[], bool] | None,
) -> BoardingDesk | None:
    """The referral side of a boarding desk or a doctor room, on the screens'
    parts (None elsewhere). *ask_doctor*: the doctor PIN (None: no doctor
    screen at a boarding desk)."""
    from config.build import referrals_in_use
    from ui.boarding import BoardingDesk, slip_folder

    settings = app.settings
    if not referrals_in_use(settings):
        return None
    staff = screens.staff
    boarding = BoardingDesk(
        staff,
        screens.visitor,
        screens.windows.desk,
        screens.languages,
        desk.controller,
        bridge,
        settings,
        slips=slip_folder(app.data_dir),
        operator=lambda: staff.operator_name,
        ask_doctor=ask_doctor or (lambda: False),
        parent=screens,
    )
    if ask_doctor is not None and not boarding.doctor_room:
        staff.doctor_button.show()
        staff.doctor_button.clicked.connect(boarding.open_doctor_screen)
    return boarding


def day_loader(app: App) -> Callable[[], DayReport]:
    """Today's numbers for the dashboard, read with a connection of the caller's own
    (the dashboard reads on its own thread)."""
    from config.build import business_day
    from kiosk.reports.dashboard import day_report
    from kiosk.storage.store import Store

    day = business_day(app.settings)
    path = app.store.path

    def load() -> DayReport:
        store = Store(path)
        try:
            now = app.clock.now()
            return day_report(store, day.date_of(now), day, now=now)
        finally:
            store.close()

    return load


def run_screens(
    app: App,
    *,
    operator: str,
    camera: bool,
    settings_file: Path | None,
    start: KioskStart | None = None,
) -> int:
    """The kiosk with its screens until it is quit (admin PIN) or signalled.
    *start*: the run's log, record and check at start (the Desk health tab)."""
    from app.common import EXIT_CANNOT_RECORD, EXIT_OK
    from app.logs import DeskLog

    qt = qt_application()
    kiosk = build_kiosk(
        app,
        operator=operator,
        camera=camera,
        settings_file=settings_file,
        extra_listeners=[DeskLog()],
    )
    _end_on_signals(qt, kiosk)
    kiosk.desk.start()
    health = None
    if start is not None:
        from app.health_tab import add_health_tab

        health = add_health_tab(kiosk.bridge, kiosk.screens.staff, start)
    kiosk.screens.show()
    try:
        qt.exec()
    finally:
        kiosk.stop()
        if health is not None:
            health.stop()
    return EXIT_CANNOT_RECORD if kiosk.desk.controller.failure else EXIT_OK


def _end_on_signals(qt: QApplication, kiosk: Kiosk) -> None:
    """Ctrl-C, SIGTERM (an operating-system shutdown) and the session ending
    end the kiosk cleanly, with exit code 0 and without the PIN: only a person
    leaving by hand needs it. Every event loop stops, a PIN dialog's too; the
    caller then stops the desk, which records what is open.

    (The Qt loop does not wake Python's signal handlers by itself: a slow
    timer lets them run.)"""
    from PySide6.QtCore import QTimer

    def end() -> None:
        kiosk.screens.windows.unlocked = True
        qt.exit(0)  # not quit(): that asks every window first, and a PIN dialog waits

    def on_signal(signum: int, frame: FrameType | None) -> None:
        end()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, on_signal)
    qt.commitDataRequest.connect(lambda manager: end())  # Windows log-off and shutdown
    heartbeat = QTimer(qt)
    heartbeat.setObjectName("signal-heartbeat")
    heartbeat.start(500)
    heartbeat.timeout.connect(lambda: None)
