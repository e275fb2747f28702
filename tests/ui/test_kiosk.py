"""The whole kiosk on screen: a pass held up to the stand-in camera reaches the
status screen in its colour; staff answer once; languages switch; the visitor
screen follows the monitors (a wedge scanner: test_wedge_keys.py and tests/x11)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.policy import Outcome
from kiosk.status import Status
from kiosk.vocabulary import Method
from tests.fakes import GREEN_IIN, OTHER_IIN, RED_IIN, YELLOW_IIN
from ui import looks

WAIT = 10_000


def status_shown(running: Any, qtbot: QtBot) -> Any:
    visitor = running.screens.visitor
    qtbot.waitUntil(lambda: visitor.currentWidget() is visitor.status, timeout=WAIT)
    return visitor.status


def pixel(widget: Any, x: int, y: int) -> str:
    return QColor(widget.grab().toImage().pixel(x, y)).name().upper()


@pytest.mark.parametrize(
    ("iin", "status", "look"),
    [
        (GREEN_IIN, Status.GREEN, looks.GREEN),
        (OTHER_IIN, Status.BLUE, looks.BLUE),
        (YELLOW_IIN, Status.YELLOW, looks.YELLOW),
        (RED_IIN, Status.RED, looks.RED),
    ],
)
def test_a_pass_at_the_camera_fills_the_visitor_screen_with_its_colour(
    qtbot: QtBot, start_kiosk: Any, issuer: Any, iin: str, status: Status, look: Any
) -> None:
    running = start_kiosk()
    running.show_code(issuer.issue(iin, status, at=time.time()))
    screen = status_shown(running, qtbot)

    assert screen.decision.status is status and screen.decision.method is Method.CAMERA
    assert screen.icon.shape is look.shape
    width, height = screen.width(), screen.height()
    for x, y in ((5, 5), (width - 5, height - 5), (5, height // 2)):
        assert pixel(screen, x, y) == look.background
    assert screen.decision_label.text() == ("КІРУГЕ РҰҚСАТ" if look.sound is looks.Sound.ADMIT
                                            else "КІРУГЕ ТЫЙЫМ САЛЫНАДЫ")  # fmt: skip


def test_the_status_screen_goes_back_to_scanning_after_its_seconds(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(screens={"status_seconds": 0.4})
    running.show_code(issuer.issue(GREEN_IIN, Status.GREEN, at=time.time()))
    status_shown(running, qtbot)
    visitor = running.screens.visitor
    qtbot.waitUntil(lambda: visitor.currentWidget() is visitor.scan, timeout=WAIT)


def test_staff_answer_an_unverified_visitor_once(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()
    staff = running.screens.staff
    running.kiosk.desk.controller.submit(GREEN_IIN, Method.SCANNER)
    qtbot.waitUntil(lambda: staff.question.isVisible(), timeout=WAIT)
    assert status_shown(running, qtbot).decision.outcome is Outcome.ASK_STAFF
    assert pixel(running.screens.visitor.status, 5, 5) == looks.UNVERIFIED.background

    qtbot.mouseClick(staff.question.admit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(staff.question.admit_button, Qt.MouseButton.LeftButton)  # a double tap
    qtbot.waitUntil(lambda: not staff.question.isVisible(), timeout=WAIT)
    qtbot.waitUntil(
        lambda: running.screens.visitor.status.decision.outcome is Outcome.ADMIT, timeout=WAIT
    )
    qtbot.waitUntil(lambda: len(staff.events.events) == 1, timeout=WAIT)
    [event] = staff.events.events
    assert (event.decision, event.operator) == ("admit", "aigerim")


def test_manual_entry_checks_the_iin_as_it_is_typed(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()
    entry = running.screens.staff.entry
    for digit in "87041230000":
        qtbot.mouseClick(entry.keypad.buttons[digit], Qt.MouseButton.LeftButton)
    assert entry.hint.text() == "12 цифрдың 11" and not entry.check_in_button.isEnabled()
    qtbot.mouseClick(entry.keypad.buttons["9"], Qt.MouseButton.LeftButton)
    assert entry.hint.text() == "Соңғы цифр сәйкес емес: қате терілген бе?"
    qtbot.mouseClick(entry.keypad.buttons["back"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(entry.keypad.buttons["5"], Qt.MouseButton.LeftButton)
    assert entry.hint.text() == "ЖСН дұрыс" and entry.check_in_button.isEnabled()

    qtbot.mouseClick(entry.check_in_button, Qt.MouseButton.LeftButton)
    screen = status_shown(running, qtbot)
    assert screen.decision.method is Method.MANUAL and entry.field.text() == ""


def test_language_switch_redraws_staff_and_visitor_screens(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()
    screens = running.screens
    assert screens.staff.tabs.tabText(0) == "Үстел"
    assert screens.visitor.scan.prompts[0].text() == "QR-кодыңызды көрсетіңіз"
    qtbot.mouseClick(screens.staff.language_buttons["ru"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screens.staff.tabs.tabText(0) == "Стойка", timeout=WAIT)
    assert screens.staff.entry.check_in_button.text() == "Отметить вход"
    assert screens.visitor.scan.prompts[0].text() == "Покажите ваш QR-код"
    assert screens.visitor.scan.prompts[2].text() == "Show your code"
    qtbot.mouseClick(screens.staff.language_buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screens.staff.tabs.tabText(0) == "Desk", timeout=WAIT)


def test_the_visitor_screen_takes_the_second_monitor_and_follows_unplugging(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk()
    windows = running.screens.windows
    desk, visitor_monitor = QGuiApplication.screens()
    assert windows.separate
    assert windows.visitor_window.screen() is visitor_monitor
    assert windows.visitor_window.geometry() == visitor_monitor.geometry()
    assert running.screens.visitor.window() is windows.visitor_window

    windows._screens = lambda: [desk]  # the visitor monitor unplugged
    windows._on_app_screen_removed(visitor_monitor)
    assert not windows.separate and not windows.visitor_window.isVisible()
    assert running.screens.visitor.window() is windows.desk, "both share the desk monitor"

    windows._screens = lambda: [desk, visitor_monitor]  # plugged back
    windows._on_app_screen_added(visitor_monitor)
    assert windows.separate and running.screens.visitor.window() is windows.visitor_window


def test_one_monitor_when_the_settings_say_so(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk(screens={"visitor_screen": "same"})
    windows = running.screens.windows
    assert not windows.separate
    assert running.screens.visitor.window() is windows.desk
    assert running.screens.staff.window() is windows.desk


def test_a_close_the_application_asks_for_needs_no_pin(qtbot: QtBot, start_kiosk: Any) -> None:
    """Qt's own quit and the session ending close the windows themselves; a
    person's close (Alt+F4, from the window manager) is refused: that one is
    tested on a real X server with a window manager (tests/x11)."""
    running = start_kiosk(screens={"fullscreen": True})
    windows = running.screens.windows
    assert windows.locked
    with qtbot.assertNotEmitted(windows.desk.close_refused):
        assert windows.desk.close()


def test_a_lost_camera_is_said_on_the_scan_screen(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()
    preview = running.screens.visitor.scan.preview
    qtbot.waitUntil(lambda: preview.message == "", timeout=WAIT)  # running: no message
    running.camera.unplug()
    qtbot.waitUntil(lambda: "кабельді" in preview.message, timeout=WAIT)
    running.camera.plug()
    qtbot.waitUntil(lambda: preview.message == "", timeout=WAIT)


def test_a_database_that_cannot_be_written_stops_the_kiosk_with_a_plain_message(
    qtbot: QtBot, start_kiosk: Any, issuer: Any, tmp_path: Any
) -> None:
    running = start_kiosk()
    assert running.kiosk.desk.controller.wait_ready(), "the desk holds its database open"
    folder = tmp_path / "kiosk-0"
    database = folder / "kiosk.sqlite3"
    database.rename(folder / "moved-away.sqlite3")  # a clean-up tool, a backup restored
    database.write_bytes(b"")
    running.show_code(issuer.issue(GREEN_IIN, Status.GREEN, at=time.time()))

    failure = running.screens.failure
    qtbot.waitUntil(failure.isVisible, timeout=WAIT)
    text = failure.text()
    assert "Киоск енді тіркей алмайды" in text, "said in the staff's language (kk first)"
    assert "сақтық көшірме" in text and "kiosk-rescued-" in text
    assert "Traceback" not in text
    visitor = running.screens.visitor
    assert visitor.currentWidget() is visitor.scan, "no decision that could not be kept"
    assert visitor.scan.prompts[0].text() == "Тіркеу жабық: қызметкерге жүгініңіз"
    assert list(folder.glob("kiosk-rescued-*.sqlite3"))
