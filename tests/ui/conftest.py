"""Qt test set-up: offscreen platform, the shipped font, and hygiene that
fails a test leaving a QThread or an active QTimer behind (threads of our
own are checked by tests/conftest.py for every test)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["ashyq-kiosk-tests"]


@pytest.fixture(autouse=True)
def _no_qt_leftovers(qapp: QApplication) -> Iterator[None]:
    """After the test's widgets are closed: no timer still ticking, no QThread running."""
    from ui.i18n import load_fonts

    load_fonts(qapp)
    yield
    QCoreApplication.processEvents()
    owners = [qapp, *QApplication.allWidgets()]
    ticking = [
        f"{type(timer.parent()).__name__}.{timer.objectName() or 'QTimer'}"
        for owner in owners
        for timer in owner.findChildren(QTimer)
        if timer.isActive()
    ]
    running = [t for t in owner_threads(owners) if t.isRunning()]
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.processEvents()
    assert not ticking, f"timers still active after the test: {ticking}"
    assert not running, f"QThreads still running after the test: {running}"


def owner_threads(owners: list) -> list[QThread]:
    return [thread for owner in owners for thread in owner.findChildren(QThread)]
