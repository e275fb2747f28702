"""Manual IIN entry for a visitor without a smartphone: a large on-screen
keypad and the physical keyboard, the IIN checked as it is typed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.iin import IIN_LENGTH, IinProblem, InvalidIin, parse_iin
from ui.i18n import Retranslating
from ui.icons import backspace_icon

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back")


class Keypad(Retranslating, QWidget):
    """Large digit keys for a touch screen.

    Signals: key_pressed(str) — a digit, "back" or "clear".
    """

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(self)
            button.setMinimumSize(64, 50)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
            font = QFont(button.font())
            font.setPixelSize(26 if key.isdigit() else 17)
            font.setBold(True)
            button.setFont(font)
            button.clicked.connect(lambda _=False, k=key: self.key_pressed.emit(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        back, palette = self.buttons["back"], self.palette()
        back.setIcon(
            backspace_icon(
                28,
                palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText).name(),
                palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name(),
            )
        )
        back.setIconSize(QSize(28, 28))
        self._retranslate()

    def _retranslate(self) -> None:
        for key, button in self.buttons.items():
            if key == "back":
                button.setToolTip(self.tr("Delete the last digit"))
                button.setAccessibleName(self.tr("Delete the last digit"))
            elif key == "clear":
                button.setText(self.tr("Clear"))
            else:
                button.setText(key)


class ManualEntry(Retranslating, QWidget):
    """An IIN field with its check, the keypad, Check in and Check out.

    Signals: checked_in(str) and checked_out(str), with a valid IIN.
    """

    checked_in = Signal(str)
    checked_out = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.field = QLineEdit(self)
        self.field.setObjectName("iin")
        self.field.setMaxLength(IIN_LENGTH)
        self.field.setValidator(QRegularExpressionValidator(r"\d{0,12}", self.field))
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        font = QFont(self.field.font())
        font.setPixelSize(32)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 3)
        self.field.setFont(font)
        self.field.setMinimumHeight(52)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.keypad = Keypad(self)
        self.check_in_button = QPushButton(self)
        self.check_out_button = QPushButton(self)
        for button in (self.check_in_button, self.check_out_button):
            button.setMinimumHeight(52)
            button.setEnabled(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the next IIN is typed at once
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addWidget(self.keypad)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_in_button)
        buttons.addWidget(self.check_out_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self.check_in_button.clicked.connect(self._on_check_in_clicked)
        self.check_out_button.clicked.connect(self._on_check_out_clicked)
        self._boarding = False
        self._retranslate()

    @property
    def valid(self) -> bool:
        return self._problem(self.field.text()) is None

    def set_boarding(self) -> None:
        """A boarding desk: a passenger is checked, and no one checks out at a gate."""
        self._boarding = True
        self.check_out_button.hide()
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Visitor without a phone: type the IIN"))
        self.field.setPlaceholderText(self.tr("12 digits"))
        self.field.setAccessibleName(self.tr("IIN"))
        self.check_in_button.setText(self.tr("Check in"))
        self.check_out_button.setText(self.tr("Check out"))
        if self._boarding:
            self.title.setText(self.tr("Passenger without a phone: type the IIN"))
            self.check_in_button.setText(self.tr("Check passenger"))
        self._on_field_text_changed(self.field.text())

    def _problem(self, text: str) -> str | None:
        """Why the text is not a valid IIN yet (None: it is)."""
        if len(text) < IIN_LENGTH:
            return self.tr("%1 of 12 digits").replace("%1", str(len(text)))
        try:
            parse_iin(text)
        except InvalidIin as exc:
            return {
                IinProblem.CENTURY: self.tr("The 7th digit must be 1 to 6 (century and sex)"),
                IinProblem.DATE: self.tr("The first six digits are not a real birth date"),
                IinProblem.CHECKSUM: self.tr("The last digit does not match: a typo?"),
            }.get(exc.problem, self.tr("Not a valid IIN"))
        return None

    def _on_field_text_changed(self, text: str) -> None:
        problem = self._problem(text)
        ok = problem is None
        self.hint.setText(self.tr("Valid IIN") if ok else (problem or ""))
        colour = "#1B5E20" if ok else ("#B71C1C" if len(text) == IIN_LENGTH else "#455A64")
        self.hint.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.check_in_button.setEnabled(ok)
        self.check_out_button.setEnabled(ok)

    def _on_keypad_key_pressed(self, key: str) -> None:
        text = self.field.text()
        if key == "back":
            self.field.setText(text[:-1])
        elif key == "clear":
            self.field.clear()
        elif len(text) < IIN_LENGTH:
            self.field.setText(text + key)
        self.field.setFocus()

    def _on_field_return_pressed(self) -> None:
        if self.valid:
            self._on_check_in_clicked()

    def _on_check_in_clicked(self) -> None:
        if self.valid:
            self.checked_in.emit(self.field.text())
            self.field.clear()
        self.field.setFocus()

    def _on_check_out_clicked(self) -> None:
        if self.valid:
            self.checked_out.emit(self.field.text())
            self.field.clear()
        self.field.setFocus()
