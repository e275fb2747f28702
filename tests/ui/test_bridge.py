"""Every piece of desk news reaches the screens: the bridge has a signal for each
listener method, and a call from another thread arrives on the Qt thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kiosk.news import DeskListener, ServiceState
from ui.bridge import DeskBridge


def test_the_bridge_has_a_signal_for_every_listener_method() -> None:
    bridge = DeskBridge()
    names = [name for name in vars(DeskListener) if not name.startswith("_")]
    assert names and all(hasattr(bridge, name) for name in names)
    assert all(callable(getattr(bridge.listener, name)) for name in names)


def test_news_from_the_desk_thread_arrives_queued_on_the_qt_thread(qtbot: QtBot) -> None:
    bridge = DeskBridge()
    seen: list[tuple[ServiceState, bool]] = []
    main = QThread.currentThread()
    bridge.service_changed.connect(
        lambda state: seen.append((state, QThread.currentThread() is main))
    )
    state = ServiceState(online=False, pending=3)
    worker = threading.Thread(target=lambda: bridge.listener.service_changed(state))
    worker.start()
    worker.join()
    assert seen == [], "queued: nothing runs on the desk thread"
    qtbot.waitUntil(lambda: seen == [(state, True)], timeout=2000)
