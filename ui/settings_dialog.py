"""The settings dialog (behind the admin PIN): the common settings, saved to
the file in use with its comments kept (config/editing.py does the file).

The kiosk reads its settings at start-up, so a save says where it wrote
and that the new settings apply when the kiosk restarts.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, get_args

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from config.editing import EDITABLE, changes, save, target_for, timezone_choices, values_of
from config.settings import Settings, SettingsError, load_file
from ui import gate_fields
from ui.i18n import Retranslating
from ui.language_order import LanguageOrder

ERROR_COLOUR = "#C62828"
DONE_COLOUR = "#2E7D32"


def _schema_choices(key: str) -> tuple[str, ...]:
    """The values the settings schema allows for the dotted *key* (a Literal or
    an enum), in its order."""
    section, name = key.split(".")
    model: Any = Settings.model_fields[section].annotation
    annotation = model.model_fields[name].annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(member.value) for member in annotation)
    return tuple(get_args(annotation))


# The values behind each drop-down, in the order of its items, as the schema
# has them (a value added there shows up here); the words for them are in
# SettingsDialog._choice_texts.
CHOICES: dict[str, tuple[str, ...]] = {
    key: _schema_choices(key)
    for key in (
        "venue.mode",
        "venue.role",
        "policy.unverified",
        "policy.passback",
        "screens.visitor_screen",
        "gate.driver",
        "gate.parity",
        "gate.http_method",
    )
}

# The tab each settings section goes on; within a tab, fields keep the
# order of config.editing.EDITABLE.
TAB_OF_SECTION = {
    "venue": 0,
    "hours": 0,
    "service": 1,
    "policy": 1,
    "screens": 2,
    "sounds": 2,
    "camera": 3,
    "ses": 3,
    "boarding": 3,
    "gate": 4,
}
TAB_COUNT = 5
GATE_TAB = 4  # many keys: it scrolls, so the dialog keeps its height

STYLE = """
QWidget { font-size: 17px; }
QLineEdit, QComboBox { min-height: 40px; padding: 0 8px; }
QAbstractSpinBox {
    min-height: 40px; padding-right: 44px; border: 1px solid #A0A0A0;
    border-radius: 3px; background: white;
}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { width: 44px; }
QPushButton { min-height: 52px; min-width: 132px; padding: 0 18px; font-size: 18px; }
QCheckBox { min-height: 40px; }
QCheckBox::indicator, QListView::indicator { width: 26px; height: 26px; }
QTabBar::tab { min-height: 44px; padding: 4px 20px; }
QSlider { min-height: 40px; }
QSlider::groove:horizontal { height: 8px; background: #C8C8C8; border-radius: 4px; }
QSlider::sub-page:horizontal { background: #1565C0; border-radius: 4px; }
QSlider::handle:horizontal {
    width: 32px; margin: -12px 0; border-radius: 16px; background: #1565C0;
}
"""


class SettingsDialog(Retranslating, QDialog):
    """Edit the common settings of the file *source* (the one the kiosk reads).

    Signals: settings_saved(str): the path of the file just written.
    """

    settings_saved = Signal(str)

    def __init__(self, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setModal(True)
        self.setStyleSheet(STYLE)
        self.setMinimumWidth(900)  # the height: what the layout needs, never squeezed
        self._source = source
        self._before: dict[str, Any] = {}
        self._status: tuple[str, str] = ("", "")  # what the message line says, and its detail

        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._combos: dict[str, QComboBox] = {}
        self._lines: dict[str, QLineEdit] = {}
        self.tabs = QTabWidget(self)
        pages = [QWidget(self.tabs) for _ in range(TAB_COUNT)]
        forms = [QFormLayout(page) for page in pages]
        for page, form in zip(pages, forms, strict=True):
            form.setContentsMargins(20, 20, 20, 20)
            form.setVerticalSpacing(10)
            form.setHorizontalSpacing(20)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            self.tabs.addTab(page, "")
        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        self.tabs.removeTab(GATE_TAB)
        scroll.setWidget(pages[GATE_TAB])
        self.tabs.insertTab(GATE_TAB, scroll, "")
        for key in EDITABLE:
            page, form = pages[self._tab_of(key)], forms[self._tab_of(key)]
            self.labels[key] = QLabel(page)
            self.labels[key].setWordWrap(True)
            self.fields[key] = self._make_field(key, page)
            shown = self._volume_row if key == "sounds.volume" else self.fields[key]
            form.addRow(self.labels[key], shown)
            self.labels[key].setBuddy(self.fields[key])  # its name for screen readers

        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self)
        self.close_button = QPushButton(self)
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.file_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self._load()
        self._retranslate()
        self.resize(self.sizeHint())

    @staticmethod
    def _tab_of(key: str) -> int:
        return TAB_OF_SECTION[key.split(".")[0]]

    # -- fields ------------------------------------------------------------------

    def _make_field(self, key: str, parent: QWidget) -> QWidget:
        number = gate_fields.make_field(key, parent) if key.startswith("gate.") else None
        if number is not None:
            return number
        if key in CHOICES:
            combo = QComboBox(parent)
            for value in CHOICES[key]:
                combo.addItem("", value)
            self._combos[key] = combo
            return combo
        if key == "screens.languages":
            return LanguageOrder(parent)
        if key == "venue.capacity":
            self.capacity = QSpinBox(parent)
            self.capacity.setRange(0, 1_000_000)
            return self.capacity
        if key in ("screens.status_seconds", "screens.question_timeout_s"):
            seconds = QDoubleSpinBox(parent)
            seconds.setDecimals(1)
            seconds.setRange(0.5, 120 if key == "screens.status_seconds" else 3600)
            return seconds
        if key == "sounds.mute":
            self.mute = QCheckBox(parent)
            return self.mute
        if key == "sounds.volume":
            return self._make_volume(parent)
        if key == "hours.timezone":
            self.zones = QComboBox(parent)
            self.zones.setEditable(True)
            self.zones.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.zones.addItems(timezone_choices())
            return self.zones
        line = QLineEdit(parent)
        self._lines[key] = line
        if key == "venue.bin":
            line.setMaxLength(12)
            line.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]*"), line))
        elif key == "service.url":
            line.setPlaceholderText("https://…")
        return line

    def _make_volume(self, parent: QWidget) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, parent)
        slider.setRange(0, 100)
        slider.setPageStep(10)
        self.volume_label = QLabel(parent)
        self.volume_label.setMinimumWidth(64)
        slider.valueChanged.connect(self._on_volume_value_changed)
        self._volume_row = QWidget(parent)
        row = QHBoxLayout(self._volume_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(slider, 1)
        row.addWidget(self.volume_label)
        return slider

    def _on_volume_value_changed(self, value: int) -> None:
        self.volume_label.setText(f"{value} %")

    def values(self) -> dict[str, Any]:
        """What the fields say now, by dotted key."""
        return {key: _value_of(widget) for key, widget in self.fields.items()}

    def _load(self) -> None:
        try:
            loaded = values_of(load_file(self._source))
        except SettingsError as exc:
            self.save_button.setEnabled(False)
            self._status = ("unreadable", str(exc))
            return
        for key, widget in self.fields.items():
            _show(widget, loaded[key])
        # What the fields show, not what the file holds: a value the fields
        # round (4.25 s shown as 4.3) is not a change the user made.
        self._before = self.values()

    # -- saving ------------------------------------------------------------------

    def _on_save_button_clicked(self) -> None:
        after = self.values()
        edits = changes(self._before, after)
        if not edits:
            self._status = ("unchanged", "")
        else:
            try:
                written = save(self._source, edits)
            except SettingsError as exc:
                self._status = ("invalid", str(exc))
                self._mark_problems(exc.keys)
            else:
                self._mark_problems(())
                self._source, self._before = written, after
                self._status = ("saved", str(written))
                self.settings_saved.emit(str(written))
        self._retranslate()

    def _mark_problems(self, keys: tuple[str, ...]) -> None:
        """Put the labels of refused values in red, and show the first of them."""
        bad = [key for key in self.fields if any(k == key or k.startswith(f"{key}.") for k in keys)]
        for key, label in self.labels.items():
            label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;" if key in bad else "")
        if bad:
            self.tabs.setCurrentIndex(self._tab_of(bad[0]))
            self.fields[bad[0]].setFocus()

    # -- words -------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, title in enumerate(
            (
                self.tr("Venue"),
                self.tr("Service"),
                self.tr("Screens and sound"),
                self.tr("Devices and contacts"),
                self.tr("Gate"),
            )
        ):
            self.tabs.setTabText(index, title)
        for key, text in self._label_texts().items():
            self.labels[key].setText(text)
        for key, texts in self._choice_texts().items():
            combo = self._combos[key]
            for index in range(combo.count()):
                value = combo.itemData(index)
                combo.setItemText(index, texts.get(value, value))
        self._lines["hours.close"].setPlaceholderText(
            self.tr("HH:MM; empty: nobody is checked out")
        )
        self._lines["camera.device"].setPlaceholderText(
            self.tr("0, 1… or a device path; none: no camera")
        )
        zone_editor = self.zones.lineEdit()
        if zone_editor is not None:
            zone_editor.setPlaceholderText(self.tr("This PC's time zone"))
        for key in gate_fields.NONE_BELOW_ZERO:
            spin = self.fields[key]
            assert isinstance(spin, QSpinBox)
            spin.setSpecialValueText(self.tr("None (-1)"))
        self.mute.setText(self.tr("Mute all sounds"))
        self.capacity.setSpecialValueText(self.tr("No limit"))
        self.file_label.setText(
            self.tr("Saving writes %1").replace("%1", str(target_for(self._source)))
        )
        self.save_button.setText(self.tr("Save"))
        self.close_button.setText(self.tr("Close"))
        self._show_status()

    def _show_status(self) -> None:
        kind, detail = self._status
        if kind == "saved":
            text = self.tr("Saved to %1. The kiosk applies the new settings when it restarts.")
        elif kind == "invalid":
            text = self.tr("Not saved, nothing was written:\n%1")
        elif kind == "unreadable":
            text = self.tr("This settings file cannot be edited here:\n%1")
        elif kind == "unchanged":
            text = self.tr("Nothing to save: no value was changed.")
        else:
            text = ""
        self.message_label.setText(text.replace("%1", detail))
        colour = DONE_COLOUR if kind == "saved" else ERROR_COLOUR
        self.message_label.setStyleSheet(f"color: {colour};")

    def _label_texts(self) -> dict[str, str]:
        return {
            "venue.name": self.tr("Venue name"),
            "venue.bin": self.tr("BIN (12 digits)"),
            "venue.entrance": self.tr("Entrance"),
            "venue.desk": self.tr("Desk"),
            "venue.mode": self.tr("Mode"),
            "venue.role": self.tr("This desk checks"),
            "venue.capacity": self.tr("People inside at once"),
            "hours.close": self.tr("Closing time"),
            "hours.timezone": self.tr("Time zone"),
            "service.url": self.tr("Service address"),
            "service.token": self.tr("Device token"),
            "policy.unverified": self.tr("No status can be verified"),
            "policy.passback": self.tr("Someone inside enters again"),
            "screens.languages": self.tr("Visitor's languages (the first is the staff's)"),
            "screens.status_seconds": self.tr("Status screen stays, seconds"),
            "screens.question_timeout_s": self.tr("Unanswered question ends after, seconds"),
            "screens.visitor_screen": self.tr("Visitor's screen"),
            "sounds.mute": self.tr("Sounds"),
            "sounds.volume": self.tr("Volume"),
            "camera.device": self.tr("Camera"),
            "ses.phone": self.tr("Sanitary service phone"),
            "boarding.doctor_room": self.tr("Doctor room (boarding)"),
            **gate_fields.label_texts(self.tr),
        }

    def _choice_texts(self) -> dict[str, dict[str, str]]:
        """The words for each drop-down's values (a value without words shows as it is)."""
        return {
            "venue.mode": {
                "venue": self.tr("Venue: club, shop, office"),
                "boarding": self.tr("Boarding: airport desk"),
            },
            "venue.role": {
                "both": self.tr("Entry and exit"),
                "entry": self.tr("Entry only"),
                "exit": self.tr("Exit only"),
                "doctor": self.tr("Doctor room: resolves referrals"),
            },
            "policy.unverified": {
                "staff_decides": self.tr("Staff decide"),
                "admit_unverified": self.tr("Admit, marked unverified"),
                "deny": self.tr("Refuse"),
            },
            "policy.passback": {
                "ask_staff": self.tr("Ask staff"),
                "admit_flagged": self.tr("Admit, flagged"),
            },
            "screens.visitor_screen": {
                "auto": self.tr("Second monitor if there is one"),
                "same": self.tr("This monitor"),
                "second": self.tr("Second monitor"),
            },
            **gate_fields.choice_texts(self.tr),
        }


def _value_of(widget: QWidget) -> Any:
    if isinstance(widget, LanguageOrder):
        return widget.languages()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip() if widget.isEditable() else widget.currentData()
    if isinstance(widget, QSpinBox | QDoubleSpinBox | QSlider):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    assert isinstance(widget, QLineEdit)
    return widget.text().strip()


def _show(widget: QWidget, value: Any) -> None:
    if isinstance(widget, LanguageOrder):
        widget.set_languages(list(value))
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setCurrentIndex(-1)
            widget.setEditText(str(value))
        else:
            plain = value.value if isinstance(value, Enum) else value  # the TOML word
            widget.setCurrentIndex(max(0, widget.findData(plain)))
    elif isinstance(widget, QSpinBox | QSlider):
        widget.setValue(int(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(str(value))
