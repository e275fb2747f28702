"""The staff panel: the open question (Admit / Refuse), manual entry, today's
events (masked) and the alerts, on the reception worker's side of the desk."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.decision import Decision
from kiosk.news import KeyListState, OccupancyState, ServiceState
from ui import words
from ui.alerts_view import AlertsView
from ui.entry import ManualEntry
from ui.events_view import EventsView
from ui.gate_view import GateBar
from ui.i18n import NATIVE_NAMES, Retranslating
from ui.operator import OperatorPicker
from ui.ses_view import SesView
from ui.staff_cards import LastDecisionCard, QuestionCard
from ui.textfit import ElidedLabel, set_font
from ui.wording import age_text

SHORT_NAMES = {"kk": "ҚАЗ", "ru": "РУС", "en": "ENG"}
"""The languages' buttons on a narrow panel."""


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
        self.setMinimumWidth(self.LEAST_WIDTH)
        self._venue = venue
        self._desk = desk
        self._service = ServiceState()
        self._occupancy = OccupancyState()
        self._boarding = False
        self._notice: tuple[str | None, str, tuple[object, ...]] = (None, "", ())
        # The header's and the footer's texts are elided, never wrapped or
        # allowed to widen the panel: the desk window must stay on its screen.
        self.place = ElidedLabel(parent=self)
        set_font(self.place, 18, bold=True)
        # The venue's name gives way first: the service's state is the news.
        self.place.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.service_label = ElidedLabel(parent=self)
        self.keys_label = ElidedLabel(parent=self)  # the pass-signing key list's age
        self.keys_label.setObjectName("keys-age")
        self._keys: KeyListState | None = None
        self.gate = GateBar(self)  # hidden until the desk tells of a gate
        self.send_now_button = QPushButton(self)
        self.send_now_button.setMinimumHeight(40)
        self.send_now_button.hide()
        self.send_now_button.clicked.connect(self.send_now_requested)
        self.language_buttons = {lang: QPushButton(NATIVE_NAMES[lang], self) for lang in languages}
        for lang, button in self.language_buttons.items():
            button.setCheckable(True)
            button.setMinimumSize(56, 40)
            button.setAccessibleName(NATIVE_NAMES[lang])  # the same whether "ҚАЗ" or "Қазақша"
            button.clicked.connect(lambda _=False, code=lang: self.language_chosen.emit(code))
        self.operator_label = QLabel(self)
        self.operator = OperatorPicker(operators, operator, self)
        self.operator.setMaximumWidth(200)
        # Under the last decision, which it is usually about (its referral slip).
        self.notice = ElidedLabel(parent=self, mode=Qt.TextElideMode.ElideMiddle)  # paths
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
        set_font(self.inside_label, 18, bold=True)
        self.events = EventsView(self)
        self.latest = EventsView(self, compact=True)
        self.alerts = AlertsView(ses_phone, self)
        self.ses = SesView(ses_phone, self)
        self.alerts.acknowledged.connect(self.acknowledged)
        self.alerts.count_changed.connect(self._on_alerts_count_changed)

        # The desk tab scrolls rather than grow the window, should a monitor
        # be smaller than any the layout is made for (1366x768 and up).
        self.desk_tab = QScrollArea(self)
        self.desk_tab.setWidgetResizable(True)
        self.desk_tab.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(self.desk_tab)
        self._desk_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        self._desk_layout.setContentsMargins(6, 6, 6, 6)
        side = self._side = QVBoxLayout()
        side.addWidget(self.inside_label)
        side.addWidget(self.keys_label)  # the key list's age, a small line under the count
        side.addWidget(self.gate)
        side.addWidget(self.last)
        side.addWidget(self.notice)
        side.addWidget(self.latest, 1)
        side.addStretch(0)
        self._desk_layout.addLayout(side, 2)
        self._desk_layout.insertWidget(0, self.entry, 3)
        self.desk_tab.setWidget(page)
        self.tabs = QTabWidget(self)
        # Every tab in reach on a narrow panel: long titles elide (whole in the
        # tooltip) rather than hide behind scroll arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
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
        bottom.addStretch(1)
        bottom.addWidget(self.doctor_button)
        bottom.addWidget(self.settings_button)
        bottom.addWidget(self.lock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
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

    def set_keys(self, state: KeyListState) -> None:
        self._keys = state
        self._show_keys()

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

    def show_notice(self, text: str, *args: object, context: str | None = None) -> None:
        """A short note for staff under the last decision (a slip printed, a setting saved):
        *text* as it is, or with *context* a source text of Qt Linguist, its %1,
        %2… filled with *args*, said again on a change of language."""
        self._notice = (context, text, args)
        self._show_notice()

    def set_boarding(self) -> None:
        """A boarding desk: passengers, boarded, checked (no club words)."""
        self._boarding = True
        self.question.boarding = self.last.boarding = True
        self.entry.set_boarding()
        self.question._retranslate()
        self.last._retranslate()
        self._retranslate()

    @property
    def operator_name(self) -> str:
        return self.operator.name

    # -- drawing ---------------------------------------------------------------------

    LEAST_WIDTH = 660
    """The panel's width on a desk with one monitor at 1366x768 (the visitor's screen
    takes the rest): fixed, so no text can widen the window; what it holds is
    laid out, wrapped or elided to fit it."""

    NARROW = 900
    """Below this width (one monitor shared with the visitor's screen) the keypad
    and the last decision share the desk tab half and half; today's list is on its
    own tab. (Stacked, they would not fit under an open question at 768 px.)"""

    def resizeEvent(self, event: object) -> None:
        narrow = self.width() < self.NARROW
        self._desk_layout.setStretch(0, 1 if narrow else 3)
        self._desk_layout.setStretch(1, 1 if narrow else 2)
        self.latest.setVisible(not narrow)
        self.gate.set_narrow(narrow)
        self._side.setStretch(self._side.count() - 1, 1 if narrow else 0)  # cards keep their height
        for lang, button in self.language_buttons.items():  # ҚАЗ РУС ENG, as on signs
            button.setText(SHORT_NAMES[lang] if narrow else NATIVE_NAMES[lang])
            button.setToolTip(NATIVE_NAMES[lang] if narrow else "")
            button.setMaximumWidth(64 if narrow else 16777215)

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
        self._title_tab(self.desk_tab, self.tr("Desk"))
        self._title_tab(self.events, self.tr("Events"))  # today's: short for a narrow panel
        self._on_alerts_count_changed(self._alerts_count)
        self._title_tab(self.ses, self.tr("Sanitary service"))
        for widget, context, title in self._extra_tabs:
            self._title_tab(widget, words.say_in(context, title))
        self._show_service()
        self._show_keys()
        self._show_occupancy()
        self._show_notice()

    def _show_notice(self) -> None:
        context, text, args = self._notice
        self.notice.setText(words.say_in(context, text, *args) if context else text)

    def _on_alerts_count_changed(self, count: int) -> None:
        self._alerts_count = count
        title = self.tr("Alerts (%1)").replace("%1", str(count)) if count else self.tr("Alerts")
        self._title_tab(self.alerts, title)

    def _title_tab(self, page: QWidget, title: str) -> None:
        index = self.tabs.indexOf(page)
        self.tabs.setTabText(index, title)
        self.tabs.setTabToolTip(index, title)  # whole, when the tab is elided

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

    def _show_keys(self) -> None:
        state = self._keys
        self.keys_label.setVisible(state is not None)
        if state is None:
            return
        age = state.age
        if age is None:
            text, whole = self.tr("Keys: not fetched"), self.tr("Pass keys never fetched")
        else:
            days = int(age // 86_400)
            said = (
                self.tr("%1 d").replace("%1", str(days))
                if days >= 2
                else age_text(age).render(words.say)
            )
            text = self.tr("Keys: %1").replace("%1", said)
            whole = self.tr("Pass keys fetched %1 ago").replace("%1", said)
        self.keys_label.setText(text)
        self.keys_label.setToolTip(whole)
        self.keys_label.setAccessibleName(whole)
        warn = "color: #B71C1C; font-weight: bold;" if state.too_old else "color: #455A64;"
        self.keys_label.setStyleSheet(warn)

    def _show_occupancy(self) -> None:
        state = self._occupancy
        if self._boarding:  # a boarding desk's "inside" have gone through to the plane
            of, alone = self.tr("Boarded: %1 of %2"), self.tr("Boarded: %1")
        else:
            of, alone = self.tr("Inside: %1 of %2"), self.tr("Inside: %1")
        text = of if state.capacity else alone
        self.inside_label.setText(words.fill(text, state.inside, state.capacity))
