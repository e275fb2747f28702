"""The settings dialog: edit through the widgets, Save, and read the file back."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSlider,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from config.settings import DEFAULT_FILE, SHIPPED_DIR, load_file, user_config_file
from tests.ui.qtfakes import MarkingTranslator
from ui.language_order import LanguageOrder
from ui.settings_dialog import CHOICES, SettingsDialog

W = TypeVar("W", bound=QWidget)

COMMENT = "# A fitness club's reception desk: one entrance, visitors scan in and out."


@pytest.fixture
def club(tmp_path: Path) -> Path:
    copy = tmp_path / "club.toml"
    shutil.copyfile(SHIPPED_DIR / "fitness-club.toml", copy)
    return copy


def open_dialog(qtbot: QtBot, source: Path) -> SettingsDialog:
    dialog = SettingsDialog(source)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def field(dialog: SettingsDialog, key: str, kind: type[W]) -> W:
    widget = dialog.fields[key]
    assert isinstance(widget, kind)
    return widget


def choose(dialog: SettingsDialog, key: str, value: str) -> None:
    combo = field(dialog, key, QComboBox)
    combo.setCurrentIndex(combo.findData(value))


def save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_fields_show_the_file_in_use(qtbot: QtBot, club: Path) -> None:
    dialog = open_dialog(qtbot, club)
    assert field(dialog, "venue.name", QLineEdit).text() == "Fitness club «Samal»"
    assert field(dialog, "venue.bin", QLineEdit).text() == "150340012345"
    assert field(dialog, "venue.capacity", QSpinBox).value() == 80
    assert field(dialog, "hours.close", QLineEdit).text() == "23:00"
    assert field(dialog, "hours.timezone", QComboBox).currentText() == "Asia/Almaty"
    assert field(dialog, "screens.status_seconds", QDoubleSpinBox).value() == 4
    assert field(dialog, "venue.mode", QComboBox).currentText() == "Venue: club, shop, office"
    assert field(dialog, "sounds.volume", QSlider).value() == 80  # the schema's default
    assert dialog.volume_label.text() == "80 %"
    assert str(club) in dialog.file_label.text()


def test_edits_are_saved_with_the_comments_kept(qtbot: QtBot, club: Path) -> None:
    dialog = open_dialog(qtbot, club)
    field(dialog, "venue.name", QLineEdit).setText("Samal Sport")
    field(dialog, "venue.capacity", QSpinBox).setValue(120)
    choose(dialog, "venue.role", "entry")
    field(dialog, "hours.close", QLineEdit).setText("")
    field(dialog, "hours.timezone", QComboBox).setEditText("Asia/Aqtobe")
    field(dialog, "service.token", QLineEdit).setText("desk-7-token")
    choose(dialog, "policy.passback", "admit_flagged")
    choose(dialog, "policy.unverified", "deny")
    languages = field(dialog, "screens.languages", LanguageOrder)
    languages.move_row(1, -1)  # ru first
    languages.list.item(2).setCheckState(Qt.CheckState.Unchecked)  # no English
    field(dialog, "screens.status_seconds", QDoubleSpinBox).setValue(6.5)
    choose(dialog, "screens.visitor_screen", "second")
    field(dialog, "sounds.mute", QCheckBox).setChecked(True)
    field(dialog, "sounds.volume", QSlider).setValue(35)
    field(dialog, "ses.phone", QLineEdit).setText("+7 727 111 22 33")
    field(dialog, "boarding.doctor_room", QLineEdit).setText("  Room 2  ")
    field(dialog, "camera.device", QLineEdit).setText("none")

    with qtbot.waitSignal(dialog.settings_saved, timeout=2000) as saved:
        save(qtbot, dialog)

    assert saved.args == [str(club)]
    settings = load_file(club)
    assert settings.venue.name == "Samal Sport"
    assert settings.venue.capacity == 120
    assert settings.venue.role == "entry"
    assert settings.hours.close == ""
    assert settings.hours.timezone == "Asia/Aqtobe"
    assert settings.service.token == "desk-7-token"
    assert settings.policy.passback == "admit_flagged"
    assert settings.policy.unverified == "deny"
    assert settings.screens.languages == ["ru", "kk"]
    assert settings.screens.status_seconds == 6.5
    assert settings.screens.visitor_screen == "second"
    assert (settings.sounds.mute, settings.sounds.volume) == (True, 35)
    assert settings.ses.phone == "+7 727 111 22 33"
    assert settings.boarding.doctor_room == "Room 2"
    assert settings.camera.device == "none"
    assert settings.venue.bin == "150340012345"  # untouched
    text = club.read_text(encoding="utf-8")
    assert text.splitlines()[0] == COMMENT
    assert "Saved to" in dialog.message_label.text()
    assert str(club) in dialog.message_label.text()
    assert "when it restarts" in dialog.message_label.text()


def test_a_bad_value_shows_the_schemas_message_and_writes_nothing(qtbot: QtBot, club: Path) -> None:
    before = club.read_bytes()
    dialog = open_dialog(qtbot, club)
    dialog.tabs.setCurrentIndex(3)
    bin_field = field(dialog, "venue.bin", QLineEdit)
    bin_field.setText("12")
    field(dialog, "venue.capacity", QSpinBox).setValue(5)
    with qtbot.assertNotEmitted(dialog.settings_saved):
        save(qtbot, dialog)
    message = dialog.message_label.text()
    assert message.startswith("Not saved, nothing was written:")
    assert "venue.bin" in message and "12 digits" in message
    assert club.read_bytes() == before
    assert dialog.tabs.currentIndex() == 0  # where the BIN is
    assert "color" in dialog.labels["venue.bin"].styleSheet()
    assert dialog.labels["venue.capacity"].styleSheet() == ""

    bin_field.setText("150340012345")
    save(qtbot, dialog)
    assert load_file(club).venue.capacity == 5
    assert dialog.labels["venue.bin"].styleSheet() == ""


def test_the_shipped_default_is_saved_as_a_copy_in_the_user_config_dir(qtbot: QtBot) -> None:
    shipped = DEFAULT_FILE.read_bytes()
    target = user_config_file()
    dialog = open_dialog(qtbot, DEFAULT_FILE)
    assert str(target) in dialog.file_label.text()
    field(dialog, "venue.name", QLineEdit).setText("Gym 7")
    save(qtbot, dialog)
    assert DEFAULT_FILE.read_bytes() == shipped
    assert load_file(target).venue.name == "Gym 7"
    assert "# ashyq-kiosk settings: the shipped defaults." in target.read_text(encoding="utf-8")
    assert str(target) in dialog.message_label.text()

    field(dialog, "venue.desk", QLineEdit).setText("desk-2")  # the next save: the same copy
    save(qtbot, dialog)
    assert (load_file(target).venue.name, load_file(target).venue.desk) == ("Gym 7", "desk-2")


def test_nothing_changed_writes_nothing(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, DEFAULT_FILE)
    save(qtbot, dialog)
    assert dialog.message_label.text() == "Nothing to save: no value was changed."
    assert not user_config_file().exists()


def test_a_file_that_cannot_be_read_cannot_be_saved(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[venue]\nbin = "12"\n', encoding="utf-8")
    dialog = open_dialog(qtbot, broken)
    assert not dialog.save_button.isEnabled()
    assert "venue.bin" in dialog.message_label.text()


def test_controls_are_big_enough_to_touch(qtbot: QtBot, club: Path) -> None:
    dialog = open_dialog(qtbot, club)
    assert dialog.save_button.height() >= 52 and dialog.close_button.height() >= 52
    for key in ("venue.name", "venue.mode", "venue.capacity"):
        assert dialog.fields[key].height() >= 40


def test_a_language_change_redraws_the_words(qtbot: QtBot, club: Path) -> None:
    dialog = open_dialog(qtbot, club)
    translator = MarkingTranslator("SettingsDialog", "LanguageOrder")
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.save_button.text() == "«Save»")
        assert dialog.labels["venue.bin"].text() == "«BIN (12 digits)»"
        assert dialog.tabs.tabText(0) == "«Venue»"
        assert field(dialog, "venue.mode", QComboBox).currentText() == "«Venue: club, shop, office»"
        assert field(dialog, "screens.languages", LanguageOrder).up_button.text() == "«Move up»"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.save_button.text() == "Save")


def test_language_order_ticks_and_moves(qtbot: QtBot) -> None:
    order = LanguageOrder()
    qtbot.addWidget(order)
    order.set_languages(["en", "kk"])
    assert order.languages() == ["en", "kk"]
    assert order.list.item(2).data(Qt.ItemDataRole.UserRole) == "ru"
    order.list.setCurrentRow(2)
    qtbot.mouseClick(order.up_button, Qt.MouseButton.LeftButton)
    order.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert order.languages() == ["en", "ru", "kk"]
    order.list.setCurrentRow(0)
    assert not order.up_button.isEnabled()
    order.move_row(0, -1)  # nowhere to go: nothing happens
    assert order.languages() == ["en", "ru", "kk"]


def test_a_doctor_room_keeps_its_role(qtbot: QtBot, tmp_path: Path) -> None:
    doctor = tmp_path / "doctor.toml"
    shutil.copyfile(SHIPPED_DIR / "airport-doctor.toml", doctor)
    dialog = open_dialog(qtbot, doctor)
    role = field(dialog, "venue.role", QComboBox)
    assert role.currentData() == "doctor" and dialog.values()["venue.role"] == "doctor"
    assert role.currentText() == "Doctor room: resolves referrals"
    field(dialog, "venue.name", QLineEdit).setText("Almaty Airport")
    save(qtbot, dialog)
    settings = load_file(doctor)
    assert (settings.venue.name, settings.venue.role) == ("Almaty Airport", "doctor")


def test_every_value_the_schema_allows_has_its_own_words(qtbot: QtBot, club: Path) -> None:
    dialog = open_dialog(qtbot, club)
    for key, values in CHOICES.items():
        combo = field(dialog, key, QComboBox)
        assert [combo.itemData(i) for i in range(combo.count())] == list(values)
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert len(set(texts)) == len(texts) and not set(texts) & set(values), key
    assert set(CHOICES["venue.role"]) == {"entry", "exit", "both", "doctor"}


def test_the_gate_tab_edits_the_gate_and_names_a_bad_value(qtbot: QtBot, club: Path) -> None:
    before = club.read_bytes()
    dialog = open_dialog(qtbot, club)
    assert field(dialog, "gate.driver", QComboBox).currentText() == "No gate"
    exit_coil = field(dialog, "gate.exit_coil", QSpinBox)
    assert exit_coil.value() == -1 and exit_coil.text() == "None (-1)"
    assert (exit_coil.minimum(), exit_coil.maximum()) == (-1, 65535), "the schema's limits"
    assert field(dialog, "gate.pulse_ms", QSpinBox).minimum() == 50

    # modbus-tcp without the module's address, and the exit on the entry's relay.
    choose(dialog, "gate.driver", "modbus-tcp")
    field(dialog, "gate.entry_coil", QSpinBox).setValue(3)
    exit_coil.setValue(3)
    field(dialog, "gate.passage_timeout_s", QDoubleSpinBox).setValue(6.5)
    with qtbot.assertNotEmitted(dialog.settings_saved):
        save(qtbot, dialog)
    message = dialog.message_label.text()
    assert message.startswith("Not saved, nothing was written:")
    assert "gate.host" in message and "address" in message
    assert "gate.exit_coil" in message and "its own" in message
    assert club.read_bytes() == before
    assert dialog.tabs.currentIndex() == 4  # the Gate tab
    assert "color" in dialog.labels["gate.host"].styleSheet()
    assert "color" in dialog.labels["gate.exit_coil"].styleSheet()
    assert dialog.labels["gate.entry_coil"].styleSheet() == ""

    field(dialog, "gate.host", QLineEdit).setText("192.168.1.50")
    exit_coil.setValue(-1)
    field(dialog, "gate.serial_open_entry", QLineEdit).setText("A0 0Z")
    save(qtbot, dialog)
    assert "gate.serial_open_entry" in dialog.message_label.text()
    assert "hex bytes" in dialog.message_label.text()
    assert club.read_bytes() == before

    field(dialog, "gate.serial_open_entry", QLineEdit).setText("A0 01 01 A2")
    with qtbot.waitSignal(dialog.settings_saved):
        save(qtbot, dialog)
    gate = load_file(club).gate
    assert (gate.driver, gate.host, gate.entry_coil, gate.exit_coil) == (
        "modbus-tcp", "192.168.1.50", 3, -1,
    )  # fmt: skip
    assert gate.passage_timeout_s == 6.5
    assert COMMENT in club.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_gate_tabs_names_are_shown_whole(qtbot: QtBot, club: Path, lang: str) -> None:
    from ui.i18n import Languages

    languages = Languages(("kk", "ru", "en"))
    languages.use(lang)
    try:
        dialog = open_dialog(qtbot, club)
        dialog.tabs.setCurrentIndex(4)
        QCoreApplication.processEvents()
        labels = {key: label for key, label in dialog.labels.items() if key.startswith("gate.")}
        assert dialog.tabs.tabText(4) == {"kk": "Турникет", "ru": "Турникет", "en": "Gate"}[lang]
        cut = [x.text() for x in labels.values() if x.heightForWidth(x.width()) > x.height()]
        assert not cut, f"cut on the Gate tab: {cut}"
    finally:
        languages.release()
