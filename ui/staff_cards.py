"""The staff panel's cards: the open question (Admit / Refuse, how many wait)
and the last decision, as the reception worker sees them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.decision import Decision, Flag
from kiosk.news import StaffQuestion
from kiosk.reasons import CodeReason
from kiosk.vocabulary import StaffAnswer
from ui import looks, words
from ui.i18n import Retranslating
from ui.icons import ShapeIcon
from ui.textfit import fit_font, set_font
from ui.wording import clock_time, referable, status_words, who


class QuestionCard(Retranslating, QFrame):
    """A visitor waiting for staff: why, and Admit / Refuse.

    Signals: answered(str, StaffAnswer) — the question's id and the answer.
    """

    answered = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("question")
        self.setStyleSheet(
            "QFrame#question { background: #FFF8E1; border: 3px solid #FF8F00;"
            " border-radius: 10px; }"
        )
        self.question: StaffQuestion | None = None
        self.boarding = False  # a passenger, not a visitor
        self.title = QLabel(self)
        set_font(self.title, 19, bold=True)
        self.title.setWordWrap(True)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.waiting = QLabel(self)  # how many more visitors wait for an answer
        self.waiting.setObjectName("questions-waiting")
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        self.admit_button = QPushButton(self)
        self.refuse_button = QPushButton(self)
        for button, colour in ((self.admit_button, looks.GREEN), (self.refuse_button, looks.RED)):
            button.setMinimumHeight(56)  # a large touch target; the words never set its size
            button.setStyleSheet(
                f"QPushButton {{ background: {colour.background}; color: {colour.text};"
                " font-size: 22px; font-weight: bold; border-radius: 8px; }"
            )
        self.admit_button.clicked.connect(lambda: self._answer(StaffAnswer.ADMIT))
        self.refuse_button.clicked.connect(lambda: self._answer(StaffAnswer.REFUSE))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.why)
        layout.addWidget(self.waiting)
        buttons = QHBoxLayout()
        buttons.addWidget(self.admit_button)
        buttons.addWidget(self.refuse_button)
        layout.addLayout(buttons)
        self.hide()
        self._retranslate()

    def ask(self, question: StaffQuestion) -> None:
        """Show the question staff answer now (told again when more wait behind it)."""
        answered = self.question is not None and self.question.id == question.id
        self.question = question
        self._retranslate()
        self.setEnabled(not answered or self.isEnabled())  # an answer already sent stays sent
        self.show()

    def close_question(self, question_id: str) -> None:
        if self.question is not None and self.question.id == question_id:
            self.question = None
            self.hide()

    def _answer(self, answer: StaffAnswer) -> None:
        if self.question is not None:
            self.setEnabled(False)  # one answer per question; the desk ignores a second
            self.answered.emit(self.question.id, answer)

    def _retranslate(self) -> None:
        self.admit_button.setText(self.tr("Admit"))
        self.refuse_button.setText(self.tr("Refuse"))
        question = self.question
        if question is None:
            return
        decision = question.decision
        title = (
            self.tr("Decide for passenger %1")
            if self.boarding
            else self.tr("Decide for visitor %1")
        )
        self.title.setText(title.replace("%1", who(decision)))
        self.why.setText(self._why(decision))
        self.waiting.setVisible(question.waiting > 0)
        self.waiting.setText(
            self.tr("Waiting for an answer after this visitor: %1").replace(
                "%1", str(question.waiting)
            )
        )

    def _why(self, decision: Decision) -> str:
        if Flag.PASSBACK in decision.flags:
            at = clock_time(decision.inside_since, missing="—")
            return self.tr(
                "Already inside since %1: the same code shown again? Admit only if it is "
                "the same person coming back."
            ).replace("%1", at)
        if decision.reason is CodeReason.UNKNOWN_KEY:
            return self.tr(
                "The pass is signed by a key this desk does not have yet, and the service "
                "does not answer to send it. Ask for a document, then decide."
            )
        return self.tr(
            "No status could be verified: the service does not answer and nothing is "
            "cached. Ask for a document, then decide."
        )


class LastDecisionCard(Retranslating, QFrame):
    """The last decision at a glance, in its status colour; at a boarding desk,
    Refer to doctor. Signals: refer_requested(Decision)."""

    refer_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("last")
        self.decision: Decision | None = None
        self.referrals = False
        self.boarding = False  # a passenger, not a visitor
        self._colours: tuple[str, str] | None = None
        self.refer_button = QPushButton(self)
        self.refer_button.setMinimumHeight(48)
        self.refer_button.setStyleSheet(
            "QPushButton { background: #FFFFFF; color: #1A237E; font-size: 17px;"
            " font-weight: bold; border-radius: 8px; padding: 6px 14px; }"
        )
        self.refer_button.hide()
        self.refer_button.clicked.connect(self._on_refer_clicked)
        self.icon = ShapeIcon(self)
        self.icon.setFixedSize(64, 64)
        self.headline = QLabel(self)
        set_font(self.headline, self.HEADLINE, bold=True)
        self.headline.setWordWrap(True)  # a long Kazakh decision on a narrow panel
        # Its size follows the card's width (fit in resizeEvent), never the reverse.
        self.headline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lines = QLabel(self)
        self.lines.setWordWrap(True)
        row = self._row = QHBoxLayout(self)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addWidget(self.headline)
        column.addWidget(self.lines)
        column.addWidget(self.refer_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        row.addLayout(column, 1)
        self._paint(looks.SCAN_BACKGROUND, "#FFFFFF")
        self._retranslate()

    HEADLINE = 24

    def show_decision(self, decision: Decision) -> None:
        self.decision = decision
        self.refer_button.setVisible(self.referrals and referable(decision))
        self._retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_headline()

    def _fit_headline(self) -> None:
        margins = self.contentsMargins() + self._row.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self.icon.width() - 12
        fit_font(self.headline, self.HEADLINE, fit=max(room, 80), lines=2)

    def _on_refer_clicked(self) -> None:
        if self.decision is not None:
            self.refer_requested.emit(self.decision)

    def _paint(self, background: str, text: str) -> None:
        if (background, text) == self._colours:
            return  # a style sheet costs a re-polish of the card: only on a change of look
        self._colours = (background, text)
        self.setStyleSheet(
            f"QFrame#last {{ background: {background}; border-radius: 10px; }}"
            f" QLabel {{ color: {text}; }}"
        )

    def _retranslate(self) -> None:
        self.refer_button.setText(self.tr("Refer to doctor"))
        decision = self.decision
        if decision is None:
            self.icon.hide()
            self.headline.setText(
                self.tr("Waiting for the first passenger")
                if self.boarding
                else self.tr("Waiting for the first visitor")
            )
            self.lines.setText("")
            return
        look = looks.look_of(decision)
        self._paint(look.background, look.text)
        self.icon.show()
        self.icon.show_shape(look.shape, look.text)
        said = status_words(decision)
        self.headline.setText(words.say(said.decision.source))
        self._fit_headline()
        parts = [who(decision)]
        if said.status is not None:
            parts.append(words.say(said.status.source))
        if said.detail is not None:
            parts.append(said.detail.render(words.say))
        footer = [clock_time(decision.decided_at)]
        if said.provenance is not None:
            footer.append(said.provenance.render(words.say))
        self.lines.setText("\n".join([" · ".join(p for p in parts if p), " · ".join(footer)]))
