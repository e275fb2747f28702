"""Every interactive widget of the screens has an accessible name: it is what
screen readers say and what the real-window tests (tests/x11) click by. A
button's text is its name; a field, a list, a drop-down or an icon-only
button needs one set (translated, like every word on the screens)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from config.settings import SHIPPED_DIR
from kiosk.decision import Direction
from kiosk.status import Status
from tests.fakes import RED_IIN
from tests.ui.kiosk_support import gate_section
from ui.pin_dialog import ADMIN_PIN, PinDialog
from ui.referrals_view import ReferralDialog
from ui.settings_dialog import SettingsDialog

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
    QTextEdit,
    QPlainTextEdit,
)
BOARDING = {
    "venue": {"mode": "boarding", "role": "entry", "desk": "gate-5"},
    "boarding": {"gate": "Gate 5", "doctor_room": "Level 2"},
}


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed(*roots: QWidget) -> list[str]:
    """The interactive widgets under *roots* that a screen reader cannot name."""
    missing = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if not isinstance(widget, INTERACTIVE) or widget.parent() is None:
                continue
            if widget is not root and not widget.isVisibleTo(root):
                continue  # hidden: nobody hears it (its words come when it shows)
            if isinstance(widget, QLineEdit) and isinstance(
                widget.parent(), (QComboBox, QAbstractSpinBox)
            ):
                continue  # the drop-down or spin box around it carries the name
            if isinstance(widget, QScrollBar | QHeaderView) or widget.objectName().startswith(
                "qt_"
            ):
                continue  # Qt's own parts: scroll bars, table headers, a tab bar's arrows
            if widget.parent().inherits("QComboBoxPrivateContainer"):
                continue  # a drop-down's list: its items are named
            if not accessible_name(widget).strip():
                chain, up = [], widget.parent()
                while up is not None and len(chain) < 4:
                    chain.append(type(up).__name__)
                    up = up.parent()
                missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {chain}")
    return missing


def unnamed_on_every_tab(screens: Any) -> list[str]:
    tabs, missing = screens.staff.tabs, []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        missing += unnamed(screens.windows.desk, screens.visitor)
    tabs.setCurrentIndex(0)
    return missing


def test_every_interactive_widget_of_a_venue_desk_has_a_name(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk()
    screens = running.screens
    assert unnamed_on_every_tab(screens) == []
    for lang in ("ru", "en"):
        screens._on_staff_language_chosen(lang)
        QCoreApplication.processEvents()
        assert accessible_name(screens.staff.entry.field) == {"ru": "ИИН", "en": "IIN"}[lang]


def test_every_interactive_widget_of_a_boarding_desk_and_its_dialogs_has_a_name(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(**BOARDING)
    screens = running.screens
    running.show_code(issuer.issue(RED_IIN, Status.RED, at=time.time()))
    qtbot.waitUntil(lambda: screens.staff.last.refer_button.isVisible(), timeout=10_000)
    assert unnamed_on_every_tab(screens) == []
    dialog = ReferralDialog(screens.visitor.status.decision, screens.windows.desk)
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []


def test_every_interactive_widget_of_a_doctor_room_has_a_name(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk(venue={"mode": "boarding", "role": "doctor"})
    assert unnamed_on_every_tab(running.screens) == []


def test_the_pin_and_settings_dialogs_name_their_widgets(qtbot: QtBot, tmp_path: Path) -> None:
    from kiosk.pins import PinGuard, hash_pin
    from shared.clock import SystemClock

    pin = PinDialog(PinGuard(hash_pin("2468"), SystemClock()), ADMIN_PIN)
    qtbot.addWidget(pin)
    assert unnamed(pin) == []
    settings = SettingsDialog(SHIPPED_DIR / "fitness-club.toml")
    qtbot.addWidget(settings)
    assert unnamed(settings) == []


def test_the_gate_bar_and_its_reason_dialog_name_their_widgets(
    qtbot: QtBot, gate_module: Any, start_kiosk: Any
) -> None:
    running = start_kiosk(gate=gate_section(gate_module, exit_coil=3))
    screens = running.screens
    bar = screens.staff.gate
    qtbot.waitUntil(lambda: bar.isVisible() and bar.state.reachable is True, timeout=10_000)
    assert bar.entry_button.isVisible() and bar.exit_button.isVisible()
    assert unnamed_on_every_tab(screens) == []
    for lang, names in {
        "ru": ("Открыть турникет для одного посетителя", "Открыть выход для одного посетителя"),
        "kk": ("Турникетті бір келушіге ашу", "Шығуды бір келушіге ашу"),
    }.items():
        screens._on_staff_language_chosen(lang)
        QCoreApplication.processEvents()
        assert (accessible_name(bar.entry_button), accessible_name(bar.exit_button)) == names
    bar.ask_reason(Direction.EXIT)
    assert bar.dialog is not None
    assert unnamed(bar.dialog) == []
    assert accessible_name(bar.dialog.field) == "Турникетті ашу себебі"
    bar.dialog.reject()
