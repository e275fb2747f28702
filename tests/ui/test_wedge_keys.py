"""A keyboard-wedge scanner on the screens, sent as the X server sends it: key
codes, Shift pressed and released around every capital, Caps Lock, AltGr and
the layout switch as keys of their own. A scan is read whatever field has
the focus and never lands in one; a person's typing still types, and on the
Desk tab digits go to the IIN field."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.scanning import wedge_settings
from kiosk.policy import Outcome
from kiosk.status import Status
from kiosk.vocabulary import Method
from tests.fakes import GREEN_IIN, OTHER_IIN
from tests.ui.hid_keys import HidKeyboard
from ui.wedge import WedgeFilter

WAIT = 10_000


def with_x11_keys(running: Any) -> WedgeFilter:
    """The kiosk's key filter reading native key codes as X11 gives them (the
    offscreen platform of these tests has none of its own)."""
    screens = running.screens
    app = QApplication.instance()
    assert screens.wedge is not None and app is not None
    screens.wedge.stop()
    app.removeEventFilter(screens.wedge)
    wedge = WedgeFilter(wedge_settings(running.kiosk.desk.app.settings), native="xkb")
    screens.install_key_filter(wedge)
    return wedge


def shown(running: Any, qtbot: QtBot, masked_end: str) -> Any:
    status = running.screens.visitor.status
    qtbot.waitUntil(
        lambda: status.decision is not None and status.decision.masked_id.endswith(masked_end),
        timeout=WAIT,
    )
    return status.decision


def focus_operator_name(running: Any, qtbot: QtBot) -> QLineEdit:
    picker = running.screens.staff.operator
    picker.activated.emit(picker.count() - 1)  # "Another name…"; no admin PIN here
    edit = picker.lineEdit()
    assert edit is not None and picker.isEditable()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (edit, picker), timeout=WAIT)
    return edit


@pytest.mark.parametrize("focus", ["iin-field", "operator-name", "nothing"])
@pytest.mark.parametrize("layout", ["us", "ru", "kk"])
def test_a_pass_with_shift_around_its_capitals_is_read_in_any_field(
    qtbot: QtBot, start_kiosk: Any, issuer: Any, layout: str, focus: str
) -> None:
    running = start_kiosk()
    with_x11_keys(running)
    staff = running.screens.staff
    field: QLineEdit | None = None
    if focus == "iin-field":
        field = staff.entry.field
        field.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=WAIT)
    elif focus == "operator-name":
        field = focus_operator_name(running, qtbot)
    else:
        QApplication.focusWidget() and QApplication.focusWidget().clearFocus()
    keys = HidKeyboard(running.screens.windows.desk, layout=layout)
    code = issuer.issue(GREEN_IIN, Status.GREEN, at=time.time())
    keys.scan(code)

    decision = shown(running, qtbot, GREEN_IIN[-4:])
    assert decision.outcome is Outcome.ADMIT and decision.method is Method.SCANNER
    assert any(event.key() == Qt.Key.Key_Shift for event in keys.sent), "as a scanner sends it"
    assert any(event.isAutoRepeat() for event in keys.sent), "a doubled letter, as Qt flags it"
    if field is not None:
        assert field.text() == "", "a scan never lands in a field"


def test_caps_lock_altgr_and_a_layout_switch_inside_a_burst_change_nothing(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk()
    with_x11_keys(running)
    field = running.screens.staff.entry.field
    field.setFocus()
    code = issuer.issue(GREEN_IIN, Status.GREEN, at=time.time())
    third = len(code) // 3
    keys = HidKeyboard(running.screens.windows.desk, layout="us")
    keys.toggle_caps_lock()
    for char in code[:third]:
        keys.char(char)
    keys.switch_layout("ru")
    for char in code[third : 2 * third]:
        keys.char(char)
    keys.toggle_caps_lock()
    keys.switch_layout("kk")
    for char in code[2 * third :]:
        keys.char(char)
    keys.enter()
    decision = shown(running, qtbot, GREEN_IIN[-4:])
    assert decision.outcome is Outcome.ADMIT and field.text() == ""


def test_a_burst_cut_short_is_no_typing_either(qtbot: QtBot, start_kiosk: Any, issuer: Any) -> None:
    """A scanner set up without an Enter suffix, or a code cut short: the desk
    says why it is not a code; the field stays empty."""
    running = start_kiosk()
    with_x11_keys(running)
    field = running.screens.staff.entry.field
    field.setFocus()
    keys = HidKeyboard(running.screens.windows.desk, layout="ru")
    for char in issuer.issue(GREEN_IIN, Status.GREEN, at=time.time())[:60]:
        keys.char(char)  # no Enter
    status = running.screens.visitor.status
    qtbot.waitUntil(lambda: status.decision is not None, timeout=WAIT)
    assert status.decision.outcome is Outcome.INVALID_CODE and field.text() == ""


def test_a_persons_typing_still_types(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()
    with_x11_keys(running)
    field = running.screens.staff.entry.field
    field.setFocus()
    HidKeyboard(running.screens.windows.desk).type_slowly("8704")
    qtbot.waitUntil(lambda: field.text() == "8704", timeout=WAIT)


def test_on_the_desk_tab_digits_go_to_the_iin_field_whatever_was_clicked(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk()
    with_x11_keys(running)
    staff = running.screens.staff
    field = staff.entry.field
    table = staff.latest  # today's list, beside the keypad: a click gives it the keyboard
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=WAIT)
    HidKeyboard(running.screens.windows.desk).type_slowly("8704")
    qtbot.waitUntil(lambda: field.text() == "8704", timeout=WAIT)
    assert QApplication.focusWidget() is field


def test_check_in_keeps_the_keyboard_in_the_iin_field(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()
    entry = running.screens.staff.entry
    entry.field.setFocus()
    entry.field.setText(OTHER_IIN)
    qtbot.mouseClick(entry.check_in_button, Qt.MouseButton.LeftButton)
    shown(running, qtbot, OTHER_IIN[-4:])
    assert QApplication.focusWidget() is entry.field and entry.field.text() == ""


def test_the_operator_is_chosen_from_the_configured_names(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk(staff={"operators": ["Aigerim", "Yerlan"]})
    picker = running.screens.staff.operator
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "Aigerim", "Yerlan", "Басқа есім…",
    ]  # fmt: skip
    assert running.screens.staff.operator_name == "Aigerim" and not picker.isEditable()
    asked: list[bool] = []
    picker.unlock = lambda: asked.append(True) or False  # the admin PIN refused
    picker.activated.emit(picker.count() - 1)
    assert asked and not picker.isEditable() and picker.currentText() == "Aigerim"

    picker.unlock = lambda: True  # the admin PIN given
    picker.activated.emit(picker.count() - 1)
    edit = picker.lineEdit()
    assert edit is not None
    qtbot.keyClicks(edit, "Dana")  # typed by a person: given to the field after ~35 ms
    qtbot.waitUntil(lambda: edit.text() == "Dana", timeout=WAIT)
    edit.editingFinished.emit()
    assert not picker.isEditable() and running.screens.staff.operator_name == "Dana"
