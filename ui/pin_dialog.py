"""Asking for a PIN: a large on-screen keypad and the physical keyboard, the
lock-out's countdown, and what to do when no PIN is set.

The checking and the lock-out are :class:`kiosk.pins.PinGuard`'s (the app
gives it the data folder's lock-out, which the command line shares and a
restart keeps); this dialog only shows them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QRegularExpression, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.pins import PinGuard, PinOutcome
from ui.i18n import Retranslating
from ui.icons import backspace_icon
from ui.lockdown import DialogBorder, locked_flags
from ui.placement import centre_over
from ui.words import QT_TRANSLATE_NOOP

CONTEXT = "PinDialog"
ADMIN_PIN = QT_TRANSLATE_NOOP("PinDialog", "Admin PIN")
DOCTOR_PIN = QT_TRANSLATE_NOOP("PinDialog", "Doctor PIN")

MIN_DIGITS, MAX_DIGITS = 4, 12  # as `ashyq-kiosk hash-pin` accepts them
DIALOG_WIDTH = 440
KEY_SIZE = QSize(104, 76)  # touch targets well above the 64 px minimum
ERROR_COLOUR = "#C62828"
TEXT_COLOUR = "#1A1A1A"
DISABLED_COLOUR = "#BDBDBD"


class PinDialog(Retranslating, QDialog):
    """Ask for the PIN *guard* keeps; accepted on the right PIN, rejected on Cancel.

    *title* says what the PIN is for: :data:`ADMIN_PIN`, :data:`DOCTOR_PIN`
    or any text (a marked source text is translated, and again on a change
    of language). *key* names the `[pins]` setting, for the message shown
    when no PIN is set. No signals beyond QDialog's accepted/rejected.
    """

    def __init__(
        self,
        guard: PinGuard,
        title: str,
        parent: QWidget | None = None,
        *,
        key: str = "admin",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pin_dialog")
        # The lock's own dialog: on top, no title bar with a minimise button to hide
        # the kiosk with (the title is in the dialog), a line round it instead.
        self.setWindowFlags(locked_flags(self.windowFlags()))
        self.setModal(True)
        self.setFixedWidth(DIALOG_WIDTH)  # long messages wrap; the keypad never moves
        self._guard = guard
        self._title_source = title
        self._key = key
        self._outcome: PinOutcome | None = None  # the last answer; None: the prompt
        self._too_short = False

        self.title_label = QLabel(self)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _pixel_font(self.title_label, 28, bold=True)

        self.entry = QLineEdit(self)
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setMaxLength(MAX_DIGITS)
        self.entry.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{MAX_DIGITS}}}"), self)
        )
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.setMinimumHeight(72)
        _pixel_font(self.entry, 36)
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        self.entry.textEdited.connect(self._on_entry_text_edited)

        self.message_label = QLabel(self)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        _pixel_font(self.message_label, 20)
        # Room for two lines, so the keypad does not jump when a message comes.
        self.message_label.setMinimumHeight(self.message_label.fontMetrics().lineSpacing() * 2 + 8)

        self.keys: dict[str, QPushButton] = {}
        keypad = QGridLayout()
        keypad.setSpacing(10)
        for index, digit in enumerate("123456789"):
            self.keys[digit] = self._key_button(digit)
            keypad.addWidget(self.keys[digit], index // 3, index % 3)
        self.keys["back"] = self._key_button("")
        self.keys["back"].setIcon(backspace_icon(40, TEXT_COLOUR, DISABLED_COLOUR))
        self.keys["back"].setIconSize(QSize(40, 40))
        self.keys["0"] = self._key_button("0")
        self.keys["ok"] = self._key_button("")
        for column, name in enumerate(("back", "0", "ok")):
            keypad.addWidget(self.keys[name], 3, column)
        for digit in "0123456789":
            self.keys[digit].clicked.connect(lambda _=False, d=digit: self._on_key_clicked(d))
        self.keys["back"].clicked.connect(self._on_back_clicked)
        self.keys["ok"].clicked.connect(self._on_ok_clicked)

        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.setMinimumHeight(64)
        _pixel_font(self.cancel_button, 22)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(self.title_label)
        layout.addWidget(self.entry)
        layout.addWidget(self.message_label)
        layout.addLayout(keypad)
        layout.addSpacing(6)
        layout.addWidget(self.cancel_button)

        DialogBorder(self)

        self.countdown = QTimer(self)
        self.countdown.setObjectName("pin_countdown")
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._on_countdown_timeout)

        if not guard.is_set:
            self._outcome = PinOutcome.NOT_SET
            self._set_input_enabled(False)
        elif guard.lock_remaining() > 0:
            self._start_lock()
        self._retranslate()

    @staticmethod
    def ask(
        guard: PinGuard,
        title: str,
        parent: QWidget | None = None,
        *,
        key: str = "admin",
        over: QWidget | None = None,
    ) -> bool:
        """Show the dialog until the right PIN or Cancel: True on the right PIN;
        *over*: the part of the window to open over (the staff panel).

        With no PIN set it only says so and answers False: check
        ``guard.is_set`` first when an unset PIN should let people through.
        """
        dialog = PinDialog(guard, title, parent, key=key)
        if over is not None:
            centre_over(dialog, over)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    # -- input -----------------------------------------------------------------

    def _on_key_clicked(self, digit: str) -> None:
        if self.entry.isEnabled() and len(self.entry.text()) < MAX_DIGITS:
            self.entry.insert(digit)
            self._on_entry_text_edited()

    def _on_back_clicked(self) -> None:
        self.entry.backspace()
        self._on_entry_text_edited()

    def _on_entry_text_edited(self, _text: str = "") -> None:
        if self._too_short:
            self._too_short = False
            self._retranslate()

    def _on_entry_return_pressed(self) -> None:
        self._submit()

    def _on_ok_clicked(self) -> None:
        self._submit()

    def _submit(self) -> None:
        if not self._guard.is_set:
            return
        if self._guard.lock_remaining() > 0:
            # locked meanwhile by another screen or `referral resolve --pin`: the
            # lock-out is the data folder's, shared
            self.entry.clear()
            self._start_lock()
            self._retranslate()
            return
        pin = self.entry.text()
        if len(pin) < MIN_DIGITS:
            self._too_short = True
            self._retranslate()
            return
        result = self._guard.check(pin)  # scrypt: ~50–100 ms, once per press
        self.entry.clear()
        self._outcome = result.outcome
        if result.outcome is PinOutcome.OK:
            self.accept()
            return
        if result.outcome is PinOutcome.LOCKED:
            self._start_lock()
        self._retranslate()

    # -- the lock-out ------------------------------------------------------------

    def _start_lock(self) -> None:
        self._outcome = PinOutcome.LOCKED
        self._set_input_enabled(False)
        self.countdown.start()

    def _on_countdown_timeout(self) -> None:
        if self._guard.lock_remaining() <= 0:
            self.countdown.stop()
            self._outcome = None
            self._set_input_enabled(True)
            self.entry.setFocus()
        self._retranslate()

    def _set_input_enabled(self, enabled: bool) -> None:
        self.entry.setEnabled(enabled)
        for button in self.keys.values():
            button.setEnabled(enabled)

    def done(self, result: int) -> None:
        self.countdown.stop()
        super().done(result)

    def hideEvent(self, event: QHideEvent) -> None:
        self.countdown.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self._guard.is_set and self._guard.lock_remaining() > 0:
            self._start_lock()  # shown again while still locked: count down again
            self._retranslate()
        super().showEvent(event)

    # -- words -------------------------------------------------------------------

    def _retranslate(self) -> None:
        title = QCoreApplication.translate(CONTEXT, self._title_source)
        self.setWindowTitle(title)
        self.title_label.setText(title)
        self.entry.setPlaceholderText(self.tr("PIN"))
        self.entry.setAccessibleName(self.tr("PIN"))
        self.keys["back"].setToolTip(self.tr("Delete the last digit"))
        self.keys["back"].setAccessibleName(self.tr("Delete the last digit"))
        self.keys["ok"].setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        text, is_error = self._message_text()
        self.message_label.setText(text)
        colour = ERROR_COLOUR if is_error else TEXT_COLOUR
        self.message_label.setStyleSheet(f"color: {colour};")

    def _message_text(self) -> tuple[str, bool]:
        """The message line now, and whether it is bad news."""
        if self._outcome is PinOutcome.NOT_SET:
            text = self.tr("No PIN is set: ask the administrator to set [pins] %1")
            return text.replace("%1", self._key), True
        if self._outcome is PinOutcome.LOCKED:
            return self.tr("Locked: try again in %1").replace("%1", self._time_left()), True
        if self._too_short:
            return self.tr("A PIN has 4 to 12 digits"), True
        if self._outcome is PinOutcome.WRONG:
            return self.tr("Wrong PIN. Tries left: %n", None, self._guard.attempts_left), True
        return self.tr("Enter the PIN"), False

    def _time_left(self) -> str:
        seconds = max(0, math.ceil(self._guard.lock_remaining()))
        return f"{seconds // 60}:{seconds % 60:02d}"

    def _key_button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter goes to the entry, never to a key
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the entry
        button.setMinimumSize(KEY_SIZE)
        _pixel_font(button, 30, bold=True)
        return button


def _pixel_font(widget: QWidget, size: int, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPixelSize(size)
    font.setBold(bold)
    widget.setFont(font)
