"""The staff panel: the open question (Admit / Refuse), manual entry, today's
events (masked) and the alerts, on the reception worker's side of the desk."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.decision import Decision, Flag
from kiosk.news import OccupancyState, RecentEvent, ServiceState, StaffQuestion
from kiosk.policy import StaffAnswer
from kiosk.status import Status
from ui import looks, words
from ui.alerts_view import AlertsView
from ui.entry import ManualEntry
from ui.i18n import NATIVE_NAMES, Retranslating
from ui.icons import ShapeIcon, tick_icon
from ui.operator import OperatorPicker
from ui.ses_view import SesView
from ui.wording import clock_time, referable, status_words, who


def _bold(label: QLabel, size: int) -> None:
    font = QFont(label.font())
    font.setBold(True)
    font.setPixelSize(size)
    label.setFont(font)


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
        self.title = QLabel(self)
        _bold(self.title, 20)
        self.title.setWordWrap(True)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.admit_button = QPushButton(self)
        self.refuse_button = QPushButton(self)
        for button, colour in ((self.admit_button, looks.GREEN), (self.refuse_button, looks.RED)):
            button.setMinimumHeight(64)
            button.setStyleSheet(
                f"QPushButton {{ background: {colour.background}; color: {colour.text};"
                " font-size: 22px; font-weight: bold; border-radius: 8px; }"
            )
        self.admit_button.clicked.connect(lambda: self._answer(StaffAnswer.ADMIT))
        self.refuse_button.clicked.connect(lambda: self._answer(StaffAnswer.REFUSE))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.why)
        buttons = QHBoxLayout()
        buttons.addWidget(self.admit_button)
        buttons.addWidget(self.refuse_button)
        layout.addLayout(buttons)
        self.hide()
        self._retranslate()

    def ask(self, question: StaffQuestion) -> None:
        self.question = question
        self._retranslate()
        self.setEnabled(True)
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
        self.title.setText(self.tr("Decide for visitor %1").replace("%1", who(decision)))
        self.why.setText(self._why(decision))

    def _why(self, decision: Decision) -> str:
        if Flag.PASSBACK in decision.flags:
            at = clock_time(decision.inside_since, missing="—")
            return self.tr(
                "Already inside since %1: the same code shown again? Admit only if it is "
                "the same person coming back."
            ).replace("%1", at)
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
        self.icon.setFixedSize(72, 72)
        self.headline = QLabel(self)
        _bold(self.headline, 26)
        self.lines = QLabel(self)
        self.lines.setWordWrap(True)
        row = QHBoxLayout(self)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addWidget(self.headline)
        column.addWidget(self.lines)
        column.addWidget(self.refer_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        row.addLayout(column, 1)
        self._paint(looks.SCAN_BACKGROUND, "#FFFFFF")
        self._retranslate()

    def show_decision(self, decision: Decision) -> None:
        self.decision = decision
        self.refer_button.setVisible(self.referrals and referable(decision))
        self._retranslate()

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
            self.headline.setText(self.tr("Waiting for the first visitor"))
            self.lines.setText("")
            return
        look = looks.look_of(decision)
        self._paint(look.background, look.text)
        self.icon.show()
        self.icon.show_shape(look.shape, look.text)
        said = status_words(decision)
        self.headline.setText(words.say(said.decision.source))
        parts = [who(decision)]
        if said.status is not None:
            parts.append(words.say(said.status.source))
        if said.detail is not None:
            parts.append(said.detail.render(words.say))
        footer = [clock_time(decision.decided_at)]
        if said.provenance is not None:
            footer.append(said.provenance.render(words.say))
        self.lines.setText("\n".join([" · ".join(p for p in parts if p), " · ".join(footer)]))


class EventsView(Retranslating, QTableWidget):
    """Today's latest check-ins and check-outs, masked."""

    COLUMNS = 6
    SENT = 5
    COMPACT_ROWS = 8

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self._compact = compact
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        if compact:
            for column in (4, 5):  # who and sent: on the events tab
                self.hideColumn(column)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self._sent_icon = tick_icon(16, self.palette().color(QPalette.ColorRole.Text).name())
        self.events: tuple[RecentEvent, ...] = ()
        self._retranslate()

    def show_events(self, events: tuple[RecentEvent, ...]) -> None:
        self.events = events
        if self._compact:
            events = events[: self.COMPACT_ROWS]
        self.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (
                clock_time(event.occurred_at, seconds=True),
                self._what(event),
                self._status(event.status),
                event.masked_id or "",
                event.operator or (event.method or ""),
                "" if event.synced else "…",  # sent: a drawn tick (the font has no ✓)
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == self.SENT and event.synced:
                    item.setIcon(self._sent_icon)
                self.setItem(row, column, item)

    def _what(self, event: RecentEvent) -> str:
        if event.type == "check_out":
            return self.tr("Out (closing)") if event.automatic else self.tr("Out")
        return {
            "admit": self.tr("In: admitted"),
            "deny": self.tr("In: refused"),
            "ask_staff": self.tr("In: no answer"),
        }.get(event.decision or "", event.decision or "")

    def _status(self, status: str | None) -> str:
        try:
            return words.say(words.STATUS[Status(status)]) if status else ""
        except ValueError:
            return status or ""

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Latest events") if self._compact else self.tr("Events"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Event"),
                self.tr("Status"),
                self.tr("Visitor"),
                self.tr("By"),
                self.tr("Sent"),
            ]
        )
        self.show_events(self.events)


class StaffPanel(Retranslating, QWidget):
    """Everything staff need at the desk.

    Signals: checked_in(str), checked_out(str), answered(str, StaffAnswer),
    acknowledged(int), language_chosen(str), settings_requested(),
    lock_requested(), send_now_requested(), refer_requested(Decision).
    """

    checked_in = Signal(str)
    checked_out = Signal(str)
    answered = Signal(str, object)
    acknowledged = Signal(int)
    language_chosen = Signal(str)
    settings_requested = Signal()
    lock_requested = Signal()
    send_now_requested = Signal()
    refer_requested = Signal(object)

    def __init__(
        self,
        *,
        venue: str,
        desk: str,
        operator: str,
        languages: tuple[str, ...],
        ses_phone: str = "",
        operators: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staff")
        self._venue = venue
        self._desk = desk
        self._service = ServiceState()
        self._occupancy = OccupancyState()
        self.place = QLabel(self)
        _bold(self.place, 18)
        self.service_label = QLabel(self)
        self.send_now_button = QPushButton(self)
        self.send_now_button.setMinimumHeight(40)
        self.send_now_button.hide()
        self.send_now_button.clicked.connect(self.send_now_requested)
        self.language_buttons = {lang: QPushButton(NATIVE_NAMES[lang], self) for lang in languages}
        for lang, button in self.language_buttons.items():
            button.setCheckable(True)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, code=lang: self.language_chosen.emit(code))
        self.operator_label = QLabel(self)
        self.operator = OperatorPicker(operators, operator, self)
        self.operator.setMaximumWidth(200)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.doctor_button = QPushButton(self)
        self.doctor_button.hide()
        self.settings_button = QPushButton(self)
        self.lock_button = QPushButton(self)
        for button in (self.doctor_button, self.settings_button, self.lock_button):
            button.setMinimumHeight(40)
        self.settings_button.clicked.connect(self.settings_requested)
        self.lock_button.clicked.connect(self.lock_requested)

        self.question = QuestionCard(self)
        self.question.answered.connect(self.answered)
        self.entry = ManualEntry(self)
        self.entry.checked_in.connect(self.checked_in)
        self.entry.checked_out.connect(self.checked_out)
        self.last = LastDecisionCard(self)
        self.last.refer_requested.connect(self.refer_requested)
        self.inside_label = QLabel(self)
        _bold(self.inside_label, 18)
        self.events = EventsView(self)
        self.latest = EventsView(self, compact=True)
        self.alerts = AlertsView(ses_phone, self)
        self.ses = SesView(ses_phone, self)
        self.alerts.acknowledged.connect(self.acknowledged)
        self.alerts.count_changed.connect(self._on_alerts_count_changed)

        self.desk_tab = QWidget(self)
        self._desk_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.desk_tab)
        side = QVBoxLayout()
        side.addWidget(self.inside_label)
        side.addWidget(self.last)
        side.addWidget(self.latest, 1)
        self._desk_layout.addLayout(side, 2)
        self._desk_layout.insertWidget(0, self.entry, 3)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.desk_tab, "")
        self.tabs.addTab(self.events, "")
        self.tabs.addTab(self.alerts, "")
        self.tabs.addTab(self.ses, "")

        top = QHBoxLayout()
        top.addWidget(self.place, 1)
        top.addWidget(self.service_label)
        top.addWidget(self.send_now_button)
        for button in self.language_buttons.values():
            top.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.operator_label)
        bottom.addWidget(self.operator)
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(self.doctor_button)
        bottom.addWidget(self.settings_button)
        bottom.addWidget(self.lock_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.question)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._alerts_count = 0
        self._extra_tabs: list[tuple[QWidget, str, str]] = []
        self._retranslate()

    # -- what the desk tells ------------------------------------------------------

    def set_language(self, lang: str) -> None:
        for code, button in self.language_buttons.items():
            button.setChecked(code == lang)

    def set_service(self, state: ServiceState) -> None:
        self._service = state
        self._show_service()

    def show_decision(self, decision: Decision) -> None:
        self.last.show_decision(decision)

    def set_occupancy(self, state: OccupancyState) -> None:
        self._occupancy = state
        self._show_occupancy()

    def add_tab(
        self,
        widget: QWidget,
        title: str,
        *,
        context: str = "StaffPanel",
        index: int | None = None,
    ) -> None:
        """One more tab (the dashboard, the referrals), at the end or at *index*;
        *title* is a source text of Qt Linguist *context*, redrawn on a change
        of language."""
        self._extra_tabs.append((widget, context, title))
        if index is None:
            self.tabs.addTab(widget, "")
        else:
            self.tabs.insertTab(index, widget, "")
        self._retranslate()

    def show_notice(self, text: str) -> None:
        """A short note for staff at the bottom (a slip printed, a setting saved)."""
        self.notice.setText(text)

    @property
    def operator_name(self) -> str:
        return self.operator.name

    # -- drawing ---------------------------------------------------------------------

    NARROW = 900
    """Below this width (one monitor shared with the visitor's screen) the desk tab
    stacks: the last decision under the keypad; today's list is on its own tab."""

    def resizeEvent(self, event: object) -> None:
        narrow = self.width() < self.NARROW
        self._desk_layout.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        self.latest.setVisible(not narrow)

    def _retranslate(self) -> None:
        self.place.setText(
            self.tr("%1 · desk %2").replace("%1", self._venue).replace("%2", self._desk)
        )
        self.operator_label.setText(self.tr("Operator:"))
        self.settings_button.setText(self.tr("Settings"))
        self.doctor_button.setText(self.tr("Doctor room"))
        self.lock_button.setText(self.tr("Exit kiosk"))
        self.send_now_button.setText(self.tr("Send now"))
        # Tabs by widget, never by position: other tabs are put in between.
        self.tabs.setTabText(self.tabs.indexOf(self.desk_tab), self.tr("Desk"))
        self.tabs.setTabText(self.tabs.indexOf(self.events), self.tr("Today's events"))
        self._on_alerts_count_changed(self._alerts_count)
        self.tabs.setTabText(self.tabs.indexOf(self.ses), self.tr("Sanitary service"))
        for widget, context, title in self._extra_tabs:
            self.tabs.setTabText(self.tabs.indexOf(widget), words.say_in(context, title))
        self._show_service()
        self._show_occupancy()

    def _on_alerts_count_changed(self, count: int) -> None:
        self._alerts_count = count
        title = self.tr("Alerts (%1)").replace("%1", str(count)) if count else self.tr("Alerts")
        self.tabs.setTabText(self.tabs.indexOf(self.alerts), title)

    def _show_service(self) -> None:
        state = self._service
        self.send_now_button.setVisible(bool(state.pending) and state.online is False)
        if state.online is None:
            self.service_label.setText("")
            return
        problem = state.problem if state.online is False else None
        text = words.say(words.SERVICE[problem])
        if state.pending:
            text = self.tr("%1 · %2 to send").replace("%1", text).replace("%2", str(state.pending))
        colour = "#B71C1C" if state.online is False else "#1B5E20"
        self.service_label.setText(text)
        self.service_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _show_occupancy(self) -> None:
        state = self._occupancy
        if state.capacity:
            text = self.tr("Inside: %1 of %2").replace("%1", str(state.inside))
            text = text.replace("%2", str(state.capacity))
        else:
            text = self.tr("Inside: %1").replace("%1", str(state.inside))
        self.inside_label.setText(text)
