"""Every piece of desk news reaches the screens: the bridge has a signal for each
listener method, and a call from another thread arrives on the Qt thread."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QThread
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kiosk.listeners import DeskListener
from kiosk.news import ServiceState
from ui.bridge import DeskBridge, bgr_to_qimage


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


def test_a_preview_frame_keeps_its_colours_and_owns_its_pixels() -> None:
    rng = np.random.default_rng(7)
    frame = rng.integers(0, 256, (36, 64, 3), dtype=np.uint8)
    image = bgr_to_qimage(frame)
    assert image is not None and (image.width(), image.height()) == (64, 36)
    expected = [[QColor(int(r), int(g), int(b)).rgb() for b, g, r in row] for row in frame]
    seen = [[image.pixel(x, y) for x in range(64)] for y in range(36)]
    assert seen == expected
    frame[:] = 0  # the camera reuses its buffer
    assert [[image.pixel(x, y) for x in range(64)] for y in range(36)] == expected


def test_a_cropped_frame_and_a_wrong_shape() -> None:
    frame = np.zeros((20, 30, 3), dtype=np.uint8)
    frame[5, 7] = (255, 128, 0)  # blue, green, red
    image = bgr_to_qimage(frame[2:12, 4:24])  # not contiguous
    assert image is not None and image.pixelColor(3, 3) == QColor(0, 128, 255)
    assert bgr_to_qimage(np.zeros((20, 30), dtype=np.uint8)) is None
    assert bgr_to_qimage("not a frame") is None
