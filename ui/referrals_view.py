"""Doctor referrals on screen: the referral dialog at a boarding desk, the list of
the venue's referrals, and the doctor room's Cleared / Confirmed, each shown
back to the doctor to confirm before it counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.controls import escape_controls
from kiosk.decision import Decision
from kiosk.referrals.values import (
    Referral,
    ReferralOutcome,
    ReferralReason,
    ReferralState,
    suggested_reason,
)
from ui import looks, words
from ui.i18n import Retranslating
from ui.placement import centre_over
from ui.wording import clock_time, who
from ui.words import QT_TRANSLATE_NOOP

REASONS = {
    ReferralReason.STATUS_WRONG: QT_TRANSLATE_NOOP(
        "Referrals", "The passenger says the status is wrong"
    ),
    ReferralReason.YELLOW: QT_TRANSLATE_NOOP("Referrals", "Yellow status: a contact"),
    ReferralReason.RED: QT_TRANSLATE_NOOP("Referrals", "Red status: a positive test"),
    ReferralReason.UNVERIFIED: QT_TRANSLATE_NOOP("Referrals", "No status could be verified"),
    ReferralReason.OTHER: QT_TRANSLATE_NOOP("Referrals", "Something else (say what in the note)"),
}
OUTCOMES = {
    ReferralOutcome.CLEARED: QT_TRANSLATE_NOOP("Referrals", "Cleared: may board"),
    ReferralOutcome.CONFIRMED: QT_TRANSLATE_NOOP("Referrals", "Confirmed: the status stands"),
}
OPEN = QT_TRANSLATE_NOOP("Referrals", "Waiting for the doctor")
MEANS = {
    ReferralOutcome.CLEARED: QT_TRANSLATE_NOOP(
        "Referrals", "The gate will let the passenger board, whatever the status said."
    ),
    ReferralOutcome.CONFIRMED: QT_TRANSLATE_NOOP(
        "Referrals", "The gate keeps refusing the passenger: the status stands."
    ),
}
OUTCOME_LOOKS = {ReferralOutcome.CLEARED: looks.GREEN, ReferralOutcome.CONFIRMED: looks.RED}


def _t(source: str) -> str:
    return words.say_in("Referrals", source)


def referral_state_text(referral: Referral) -> str:
    if referral.state is ReferralState.OPEN or referral.outcome is None:
        return _t(OPEN)
    text = _t(OUTCOMES[referral.outcome])
    return f"{text} ({clock_time(referral.resolved_at)})"


class ReferralDialog(Retranslating, QDialog):
    """Why the passenger goes to the doctor: a reason from the list and a note."""

    def __init__(self, decision: Decision, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referral_dialog")
        self.decision = decision
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPixelSize(20)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long name: the dialog keeps its width
        self.choices = QButtonGroup(self)
        self.buttons: dict[ReferralReason, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        for reason in ReferralReason:
            button = QRadioButton(self)
            button.setMinimumHeight(40)
            self.choices.addButton(button)
            self.buttons[reason] = button
            layout.addWidget(button)
        self.buttons[suggested_reason(decision)].setChecked(True)
        self.note_label = QLabel(self)
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        self.note.setMinimumHeight(40)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        layout.addWidget(self.box)
        self.setMinimumWidth(560)
        self.setStyleSheet(
            "QRadioButton { font-size: 17px; } QRadioButton::indicator { width: 24px;"
            " height: 24px; } QLineEdit { font-size: 17px; }"
            " QPushButton { min-height: 44px; min-width: 120px; font-size: 16px; }"
        )
        self._retranslate()

    @property
    def reason(self) -> ReferralReason:
        return next(r for r, b in self.buttons.items() if b.isChecked())

    @property
    def note_text(self) -> str | None:
        return self.note.text().strip() or None

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refer to doctor"))
        self.title.setText(self.tr("Refer %1 to the doctor room").replace("%1", who(self.decision)))
        for reason, button in self.buttons.items():
            button.setText(_t(REASONS[reason]))
        self.note_label.setText(self.tr("Note for the doctor (optional)"))
        self.note.setAccessibleName(self.tr("Note for the doctor"))
        ok = self.box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Refer"))
        self.box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


class ResolutionDialog(Retranslating, QDialog):
    """The doctor's decision shown back before it counts: whose ticket, what the
    gate will do, the note; Confirm or Back. (A decision that lets a passenger
    board is never one stray tap.)"""

    def __init__(
        self,
        referral: Referral,
        outcome: ReferralOutcome,
        note: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resolution_dialog")
        self.referral, self.outcome, self.note = referral, outcome, note
        self.ticket = QLabel(self)
        self.ticket.setWordWrap(True)
        font = QFont(self.ticket.font())
        font.setBold(True)
        font.setPixelSize(24)
        self.ticket.setFont(font)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        look = OUTCOME_LOOKS[outcome]
        self.verdict.setStyleSheet(
            f"QLabel#verdict {{ background: {look.background}; color: {look.text};"
            " font-size: 22px; font-weight: bold; border-radius: 8px; padding: 12px; }"
        )
        self.means = QLabel(self)
        self.means.setWordWrap(True)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(note))
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        self.confirm_button = self.box.button(QDialogButtonBox.StandardButton.Ok)
        self.back_button = self.box.button(QDialogButtonBox.StandardButton.Cancel)
        self.back_button.setDefault(True)  # Enter alone never decides
        self.confirm_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        for widget in (self.ticket, self.verdict, self.means, self.note_label, self.box):
            layout.addWidget(widget)
        self.setMinimumWidth(460)
        self.setStyleSheet(
            "QLabel { font-size: 17px; }"
            " QPushButton { min-height: 48px; min-width: 140px; font-size: 17px; }"
        )
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Confirm the doctor's decision"))
        ticket = self.tr("Ticket %1 · %2").replace("%1", self.referral.ticket)
        self.ticket.setText(ticket.replace("%2", who(self.referral)))
        self.verdict.setText(_t(OUTCOMES[self.outcome]))
        self.means.setText(_t(MEANS[self.outcome]))
        self.note_label.setText(self.tr("Note: %1").replace("%1", self.note))
        self.confirm_button.setText(self.tr("Confirm"))
        self.back_button.setText(self.tr("Back"))


class ReferralsView(Retranslating, QWidget):
    """The venue's referrals today; in the doctor room, Cleared / Confirmed too,
    each confirmed in a :class:`ResolutionDialog` and then, with *authorise*
    (the doctor PIN), authorised before it is sent.

    Signals: resolved(str, ReferralOutcome, str) — the referral's id, the
    outcome, the doctor's note, once confirmed.
    """

    resolved = Signal(str, object, str)

    COLUMNS = 7
    REASON = 5

    def __init__(
        self,
        *,
        doctor: bool,
        authorise: Callable[[], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doctor = doctor
        self._authorise = authorise
        self.confirm_dialog: ResolutionDialog | None = None
        self.referrals: tuple[Referral, ...] = ()
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The reason (with the desk's note) takes the room left and wraps: the
        # outcome column stays in view on a narrow panel.
        header.setSectionResizeMode(self.REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.panel = QFrame(self)
        self.panel.setObjectName("resolve")
        self.panel.setStyleSheet(
            "QFrame#resolve { border: 2px solid #90A4AE; border-radius: 8px; }"
        )
        self.chosen = QLabel(self.panel)
        self.chosen.setWordWrap(True)
        bold = QFont(self.chosen.font())
        bold.setBold(True)
        bold.setPixelSize(18)
        self.chosen.setFont(bold)
        self.note = QLineEdit(self.panel)
        self.note.setMinimumHeight(40)
        self.note.setMaxLength(500)
        self.cleared_button = QPushButton(self.panel)
        self.confirmed_button = QPushButton(self.panel)
        for button, look in (
            (self.cleared_button, looks.GREEN),
            (self.confirmed_button, looks.RED),
        ):
            button.setMinimumHeight(56)
            button.setStyleSheet(
                f"QPushButton {{ background: {look.background}; color: {look.text};"
                " font-size: 18px; font-weight: bold; border-radius: 8px; }"
                " QPushButton:disabled { background: #B0BEC5; color: #ECEFF1; }"
            )
        self.cleared_button.clicked.connect(lambda: self._resolve(ReferralOutcome.CLEARED))
        self.confirmed_button.clicked.connect(lambda: self._resolve(ReferralOutcome.CONFIRMED))
        panel = QVBoxLayout(self.panel)
        panel.addWidget(self.chosen)
        panel.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.cleared_button)
        row.addWidget(self.confirmed_button)
        panel.addLayout(row)
        self.panel.setVisible(doctor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.panel)
        self._retranslate()

    def show_referrals(self, referrals: tuple[Referral, ...]) -> None:
        selected = self.selected.id if self.selected is not None else None
        order = sorted(referrals, key=lambda r: (r.state is not ReferralState.OPEN, -r.opened_at))
        self.referrals = tuple(order)
        self.table.setRowCount(len(order))
        for row, referral in enumerate(order):
            cells = (
                referral.ticket,
                clock_time(referral.opened_at),
                referral.desk,
                who(referral),
                words.say(words.STATUS[referral.status_shown]) if referral.status_shown else "",
                _t(REASONS[referral.reason]) + (f" — {referral.note}" if referral.note else ""),
                referral_state_text(referral),
            )
            for column, text in enumerate(cells):
                # typed text (a note, a name) shows its control characters as escapes
                shown = escape_controls(text)
                item = QTableWidgetItem(shown)
                item.setToolTip(shown)
                self.table.setItem(row, column, item)
            if referral.id == selected:
                self.table.selectRow(row)
        self._on_table_selection_changed()

    @property
    def selected(self) -> Referral | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.referrals):
            return None
        return self.referrals[rows[0].row()]

    def _resolve(self, outcome: ReferralOutcome) -> None:
        """Show the decision back to the doctor; it counts once confirmed."""
        referral = self.selected
        if referral is None or referral.state is not ReferralState.OPEN:
            return
        if self.confirm_dialog is not None:
            self.confirm_dialog.reject()
        dialog = ResolutionDialog(referral, outcome, self.note.text().strip(), self)
        centre_over(dialog, self)
        dialog.accepted.connect(lambda: self._on_confirmed(dialog))
        dialog.finished.connect(lambda: self._on_confirm_finished(dialog))
        self.confirm_dialog = dialog
        dialog.open()

    def _on_confirmed(self, dialog: ResolutionDialog) -> None:
        referral_id, outcome, note = dialog.referral.id, dialog.outcome, dialog.note
        now = next((r for r in self.referrals if r.id == referral_id), None)
        if now is None or now.state is not ReferralState.OPEN:
            return  # resolved meanwhile (another doctor's screen): nothing to send
        if self._authorise is not None and not self._authorise():
            return  # the PIN was not given: nothing happened
        if self.selected is not None and self.selected.id == referral_id:
            self.cleared_button.setEnabled(False)
            self.confirmed_button.setEnabled(False)  # one resolution per referral
            self.note.clear()
        self.resolved.emit(referral_id, outcome, note)

    def _on_confirm_finished(self, dialog: ResolutionDialog) -> None:
        if self.confirm_dialog is dialog:
            self.confirm_dialog = None
        dialog.deleteLater()

    def _on_table_selection_changed(self) -> None:
        referral = self.selected
        can = referral is not None and referral.state is ReferralState.OPEN
        self.cleared_button.setEnabled(can)
        self.confirmed_button.setEnabled(can)
        if referral is None:
            self.chosen.setText(self.tr("Choose a referral in the list"))
        else:
            self.chosen.setText(
                escape_controls(
                    f"{referral.ticket} · {who(referral)} · {referral_state_text(referral)}"
                )
            )

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Ticket"),
                self.tr("Opened"),
                self.tr("Desk"),
                self.tr("Passenger"),
                self.tr("Status shown"),
                self.tr("Reason"),
                self.tr("Outcome"),
            ]
        )
        self.note.setPlaceholderText(self.tr("The doctor's note"))
        self.note.setAccessibleName(self.tr("The doctor's note"))
        self.table.setAccessibleName(self.tr("Referrals"))
        self.cleared_button.setText(self.tr("Cleared: may board"))
        self.confirmed_button.setText(self.tr("Confirmed: status stands"))
        self.show_referrals(self.referrals)
