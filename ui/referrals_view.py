"""Doctor referrals on screen: the referral dialog at a boarding desk, the list of
the venue's referrals, and the doctor room's Cleared / Confirmed."""

from __future__ import annotations

from PySide6.QtCore import Signal
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

from kiosk.decision import Decision
from kiosk.referrals import (
    Referral,
    ReferralOutcome,
    ReferralReason,
    ReferralState,
    suggested_reason,
)
from ui import looks, words
from ui.i18n import Retranslating
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


class ReferralsView(Retranslating, QWidget):
    """The venue's referrals today; in the doctor room, Cleared / Confirmed too.

    Signals: resolved(str, ReferralOutcome, str) — the referral's id, the
    outcome, the doctor's note.
    """

    resolved = Signal(str, object, str)

    COLUMNS = 7

    def __init__(self, *, doctor: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doctor = doctor
        self.referrals: tuple[Referral, ...] = ()
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
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
                self.table.setItem(row, column, QTableWidgetItem(text))
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
        referral = self.selected
        if referral is None or referral.state is not ReferralState.OPEN:
            return
        self.cleared_button.setEnabled(False)
        self.confirmed_button.setEnabled(False)  # one resolution per referral
        self.resolved.emit(referral.id, outcome, self.note.text().strip())
        self.note.clear()

    def _on_table_selection_changed(self) -> None:
        referral = self.selected
        can = referral is not None and referral.state is ReferralState.OPEN
        self.cleared_button.setEnabled(can)
        self.confirmed_button.setEnabled(can)
        if referral is None:
            self.chosen.setText(self.tr("Choose a referral in the list"))
        else:
            self.chosen.setText(
                f"{referral.ticket} · {who(referral)} · {referral_state_text(referral)}"
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
