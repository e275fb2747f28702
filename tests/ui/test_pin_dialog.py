"""The PIN dialog: keypad and keyboard entry, wrong PINs, the lock's countdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from kiosk.pins import PinGuard, hash_pin
from kiosk.storage.lockout import FileLockouts
from tests.fakes import FakeClock
from tests.ui.qtfakes import MarkingTranslator
from ui.pin_dialog import ADMIN_PIN, DOCTOR_PIN, KEY_SIZE, PinDialog

RIGHT, WRONG = "2468", "1357"


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(RIGHT)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def guard(stored: str, clock: FakeClock) -> PinGuard:
    return PinGuard(stored, clock)


@pytest.fixture
def dialog(qtbot: QtBot, guard: PinGuard) -> PinDialog:
    widget = PinDialog(guard, ADMIN_PIN)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def press(qtbot: QtBot, dialog: PinDialog, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(dialog.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.keys["ok"], Qt.MouseButton.LeftButton)


def press_wrong_five_times(qtbot: QtBot, dialog: PinDialog) -> None:
    for _ in range(5):
        press(qtbot, dialog, WRONG)


def test_the_right_pin_on_the_keypad_accepts(qtbot: QtBot, dialog: PinDialog) -> None:
    assert dialog.title_label.text() == "Admin PIN"
    assert dialog.message_label.text() == "Enter the PIN"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press(qtbot, dialog, RIGHT)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_physical_keyboard_works_too(qtbot: QtBot, dialog: PinDialog) -> None:
    qtbot.keyClicks(dialog.entry, "24x6")  # not a digit: ignored
    assert dialog.entry.text() == "246"
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.entry, "68")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)


def test_backspace_key_deletes_a_digit(qtbot: QtBot, dialog: PinDialog) -> None:
    for digit in "135":
        qtbot.mouseClick(dialog.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.keys["back"], Qt.MouseButton.LeftButton)
    assert dialog.entry.text() == "13"


def test_a_short_pin_is_not_an_attempt(qtbot: QtBot, dialog: PinDialog, guard: PinGuard) -> None:
    press(qtbot, dialog, "12")
    assert dialog.message_label.text() == "A PIN has 4 to 12 digits"
    assert guard.attempts_left == 5
    qtbot.mouseClick(dialog.keys["3"], Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == "Enter the PIN"


def test_a_wrong_pin_says_how_many_tries_are_left(qtbot: QtBot, dialog: PinDialog) -> None:
    press(qtbot, dialog, WRONG)
    assert dialog.message_label.text() == "Wrong PIN. Tries left: 4"
    assert dialog.entry.text() == ""
    assert dialog.isVisible()


def test_five_wrong_pins_lock_with_a_countdown_then_unlock(
    qtbot: QtBot, dialog: PinDialog, clock: FakeClock
) -> None:
    press_wrong_five_times(qtbot, dialog)
    assert dialog.message_label.text() == "Locked: try again in 1:00"
    assert not dialog.entry.isEnabled()
    assert not dialog.keys["ok"].isEnabled()
    assert dialog.countdown.isActive()
    press(qtbot, dialog, RIGHT)  # the keys are dead while locked
    assert dialog.result() != QDialog.DialogCode.Accepted

    clock.advance(18)
    qtbot.waitUntil(
        lambda: dialog.message_label.text() == "Locked: try again in 0:42", timeout=3000
    )

    clock.advance(42)
    qtbot.waitUntil(lambda: dialog.entry.isEnabled(), timeout=3000)
    assert not dialog.countdown.isActive()
    assert dialog.message_label.text() == "Enter the PIN"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press(qtbot, dialog, RIGHT)


def test_a_dialog_opened_while_locked_counts_down_at_once(
    qtbot: QtBot, guard: PinGuard, clock: FakeClock
) -> None:
    for _ in range(5):
        guard.check(WRONG)
    clock.advance(30)
    dialog = PinDialog(guard, DOCTOR_PIN, key="doctor")
    qtbot.addWidget(dialog)
    assert dialog.title_label.text() == "Doctor PIN"
    assert dialog.message_label.text() == "Locked: try again in 0:30"
    assert dialog.countdown.isActive()
    dialog.reject()
    assert not dialog.countdown.isActive()


def test_closing_the_dialog_stops_the_countdown(qtbot: QtBot, dialog: PinDialog) -> None:
    press_wrong_five_times(qtbot, dialog)
    assert dialog.countdown.isActive()
    dialog.close()
    assert not dialog.countdown.isActive()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_hidden_and_shown_again_while_locked_counts_down_again(
    qtbot: QtBot, dialog: PinDialog
) -> None:
    press_wrong_five_times(qtbot, dialog)
    dialog.hide()
    assert not dialog.countdown.isActive()
    dialog.show()
    assert dialog.countdown.isActive()
    dialog.reject()


def test_no_pin_set_says_which_setting_to_fill(qtbot: QtBot, clock: FakeClock) -> None:
    dialog = PinDialog(PinGuard("", clock), ADMIN_PIN)
    qtbot.addWidget(dialog)
    assert dialog.message_label.text() == (
        "No PIN is set: ask the administrator to set [pins] admin"
    )
    press(qtbot, dialog, RIGHT)
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_ask_answers_true_on_the_right_pin(qtbot: QtBot, guard: PinGuard) -> None:
    def type_pin() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PinDialog)
        press(qtbot, dialog, RIGHT)

    QTimer.singleShot(0, type_pin)
    assert PinDialog.ask(guard, ADMIN_PIN) is True


def test_ask_answers_false_on_cancel(qtbot: QtBot, guard: PinGuard) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PinDialog)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, cancel)
    assert PinDialog.ask(guard, ADMIN_PIN) is False


def test_keys_are_big_enough_to_touch(dialog: PinDialog) -> None:
    assert KEY_SIZE.width() >= 64 and KEY_SIZE.height() >= 64
    for button in [*dialog.keys.values(), dialog.cancel_button]:
        assert button.height() >= 64 and button.width() >= 64


def test_a_language_change_redraws_the_words(qtbot: QtBot, dialog: PinDialog) -> None:
    press(qtbot, dialog, WRONG)
    translator = MarkingTranslator("PinDialog")
    QCoreApplication.installTranslator(translator)  # posts LanguageChange to every widget
    try:
        qtbot.waitUntil(lambda: dialog.message_label.text() == "«Wrong PIN. Tries left: 4»")
        assert dialog.title_label.text() == "«Admin PIN»"
        assert dialog.keys["ok"].text() == "«OK»"
        assert dialog.cancel_button.text() == "«Cancel»"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.cancel_button.text() == "Cancel")


def test_the_screen_and_the_command_line_count_the_same_tries(
    qtbot: QtBot, stored: str, clock: FakeClock, tmp_path: Path
) -> None:
    def doctor_guard() -> PinGuard:
        return PinGuard(stored, clock, lockouts=FileLockouts(tmp_path), key="doctor")

    screen = PinDialog(doctor_guard(), DOCTOR_PIN, key="doctor")
    qtbot.addWidget(screen)
    screen.show()
    press(qtbot, screen, WRONG)
    press(qtbot, screen, WRONG)
    assert screen.message_label.text() == "Wrong PIN. Tries left: 3"
    command = doctor_guard()  # `referral resolve --pin`, another process
    for _ in range(3):
        command.check(WRONG)
    press(qtbot, screen, RIGHT)
    assert screen.message_label.text() == "Locked: try again in 1:00"
    assert not screen.keys["1"].isEnabled() and screen.result() != QDialog.DialogCode.Accepted
    screen.reject()
    again = PinDialog(doctor_guard(), DOCTOR_PIN, key="doctor")  # after a restart
    qtbot.addWidget(again)
    assert again.message_label.text() == "Locked: try again in 1:00"
    again.reject()
