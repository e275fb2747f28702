"""Qt test set-up: offscreen platform, the shipped font, and hygiene that
fails a test leaving a QThread or an active QTimer behind (threads of our
own are checked by tests/conftest.py for every test)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Two virtual monitors, as at a desk with a visitor screen: the desk monitor
# (primary) and the visitor's (see test_windows.py for one, and for unplugging).
_SCREENS = Path(tempfile.gettempdir()) / "ashyq-kiosk-test-screens.json"
_SCREENS.write_text(
    json.dumps(
        {
            "screens": [
                {
                    "name": "desk",
                    "x": 0,
                    "y": 0,
                    "width": 1366,
                    "height": 768,
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                },
                {
                    "name": "visitor",
                    "x": 1366,
                    "y": 0,
                    "width": 1920,
                    "height": 1080,
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                },
            ]
        }
    ),
    encoding="utf-8",
)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREENS}"

from PySide6.QtCore import QCoreApplication, QThread, QTimer  # noqa: E402 - after the platform
from PySide6.QtWidgets import QApplication  # noqa: E402

from hardware.gate.standin import StandInModule  # noqa: E402
from tests.fakes import PassIssuer  # noqa: E402
from tests.ui.kiosk_support import Running, start_kiosk_in  # noqa: E402


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


@pytest.fixture
def issuer() -> PassIssuer:
    return PassIssuer()


@pytest.fixture
def gate_module(module: StandInModule) -> StandInModule:
    """A Modbus I/O module (pymodbus's own server) for a kiosk's gate; ask for it
    before `start_kiosk`, so the kiosk stops before the module does."""
    return module


@pytest.fixture
def start_kiosk(tmp_path: Path, issuer: PassIssuer) -> Iterator[Callable[..., Running]]:
    """Start real kiosks (desk, stand-in camera, screens); all stopped after the test."""
    started: list[Running] = []

    def start(settings_file: Path | None = None, **sections: dict[str, Any]) -> Running:
        folder = tmp_path / f"kiosk-{len(started)}"
        running = start_kiosk_in(folder, issuer, settings_file=settings_file, **sections)
        started.append(running)
        return running

    yield start
    for running in started:
        running.kiosk.stop()
