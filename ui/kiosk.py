"""The kiosk's screens, wired to a desk controller: what each piece of news
shows, and what each staff action asks of the desk. Holds no desk logic.

    DeskController ──listener──► DeskBridge ──queued signals──► visitor view,
    staff panel, sounds;  staff panel / key filter ──► DeskController inputs
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from config.settings import Settings
from kiosk.decision import Decision
from kiosk.desk import DeskController
from kiosk.desksettings import DeskRole
from kiosk.news import (
    AnswerIgnored,
    DeskFailure,
    DeviceKind,
    DeviceReport,
    QuestionEnd,
    StaffQuestion,
)
from kiosk.storage.alerts import Alert
from kiosk.vocabulary import Method, StaffAnswer
from ui import words
from ui.bridge import DeskBridge
from ui.gate_view import GateScreens
from ui.i18n import Languages
from ui.looks import Sound, sound_of
from ui.staff import StaffPanel
from ui.visitor import VisitorView
from ui.wedge import WedgeFilter
from ui.window import KioskWindows
from ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kiosk.reports.dashboard import DayReport
    from ui.dashboard import DashboardView

DASHBOARD = QT_TRANSLATE_NOOP("StaffPanel", "Dashboard")


class KioskScreens(QObject):
    """The visitor view, the staff panel, their windows and the key filter."""

    def __init__(
        self,
        settings: Settings,
        controller: DeskController,
        bridge: DeskBridge,
        *,
        operator: str,
        play: Callable[[Sound], None] | None = None,
        ask_admin: Callable[[str], bool] | None = None,
        open_settings: Callable[[], None] | None = None,
        send_now: Callable[[], None] | None = None,
        load_day: Callable[[], DayReport] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """*load_day*: today's numbers for the dashboard (run off the UI thread).
        A boarding desk's referral side (:mod:`ui.boarding`) is built on these
        screens' parts by the composition root."""
        super().__init__(parent)
        self._controller = controller
        self._play = play or (lambda sound: None)
        self._ask_admin = ask_admin or (lambda why: True)
        self._open_settings = open_settings
        self._send_now = send_now or (lambda: None)
        screens = settings.screens
        self.languages = Languages(tuple(screens.languages))
        self.languages.use(screens.languages[0])
        self.visitor = VisitorView(self.languages, seconds=screens.status_seconds)
        self.visitor.scan.set_venue(_venue_line(settings))
        self.staff = StaffPanel(
            venue=settings.venue.name,
            desk=settings.venue.desk,
            operator=operator,
            languages=tuple(screens.languages),
            ses_phone=settings.ses.phone,
            operators=tuple(settings.staff.operators),
        )
        self.staff.operator.unlock = lambda: self._ask_admin("operator")
        self.staff.set_language(screens.languages[0])
        self.staff.settings_button.setVisible(open_settings is not None)
        doctor_room = settings.venue.role is DeskRole.DOCTOR
        self.windows = KioskWindows(
            self.visitor,
            self.staff,
            where=screens.visitor_screen,
            fullscreen=screens.fullscreen,
            with_visitor=not doctor_room,  # a doctor room scans no one
        )
        self.dashboard: DashboardView | None = None
        if load_day is not None:
            from ui.dashboard import DashboardView

            self.dashboard = DashboardView(load_day)
            scroll = QScrollArea(self.staff)  # the day's numbers scroll on a small monitor
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self.dashboard)
            self.staff.add_tab(scroll, DASHBOARD)
        self.failure = QLabel(self.staff)
        self.failure.hide()
        self.wedge: WedgeFilter | None = None
        self._stopped = False
        self._wire(bridge)

    def install_key_filter(self, wedge: WedgeFilter) -> None:
        """Read keyboard-wedge scanners on every screen."""
        self.wedge = wedge
        wedge.set_route(self._typing_target)
        wedge.scanned.connect(self._on_wedge_scanned)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(wedge)

    def show(self) -> None:
        self.windows.show()
        self.staff.entry.field.setFocus()

    def _typing_target(self, text: str) -> QWidget | None:
        """On the Desk tab, digits typed at the keyboard go to the IIN field,
        whatever was clicked last (a tab, a button, the events list); a name
        being typed keeps its digits, and a dialog keeps its keys."""
        staff, field = self.staff, self.staff.entry.field
        if not text.isdigit() or QApplication.activeModalWidget() is not None:
            return None
        if not field.isVisible() or staff.tabs.currentWidget() is not staff.desk_tab:
            return None
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is not staff.window():
            return None  # a window of its own (a dialog) keeps its keys
        if focus is not field and _takes_text(focus):
            return None
        field.setFocus()
        return field

    def stop(self) -> None:
        """Timers off, filter out, windows closed (the desk is stopped by its owner).

        News the desk sent before it stopped may still be queued: it changes
        nothing any more."""
        self._stopped = True
        self.visitor.stop()
        if self.dashboard is not None:
            self.dashboard.stop()
        self.languages.release()
        if self.wedge is not None:
            self.wedge.stop()
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.wedge)
        self.windows.close()

    # -- wiring ------------------------------------------------------------------------

    def _wire(self, bridge: DeskBridge) -> None:
        bridge.decision_shown.connect(self._on_bridge_decision_shown)
        bridge.question_asked.connect(self._on_bridge_question_asked)
        bridge.question_closed.connect(self._on_bridge_question_closed)
        bridge.answer_ignored.connect(self._on_bridge_answer_ignored)
        bridge.alert_raised.connect(self._on_bridge_alert_raised)
        bridge.alert_acknowledged.connect(self.staff.alerts.remove)
        bridge.service_changed.connect(self.visitor.scan.set_service)
        bridge.service_changed.connect(self.staff.set_service)
        bridge.keys_changed.connect(self.staff.set_keys)
        bridge.occupancy_changed.connect(self.visitor.scan.set_occupancy)
        bridge.occupancy_changed.connect(self.staff.set_occupancy)
        bridge.device_changed.connect(self._on_bridge_device_changed)
        bridge.recent_changed.connect(self.staff.events.show_events)
        bridge.recent_changed.connect(self.staff.latest.show_events)
        bridge.red_reports_changed.connect(self.staff.ses.show_reports)
        bridge.desk_failed.connect(self._on_bridge_desk_failed)
        bridge.frame_arrived.connect(self.visitor.scan.show_frame)
        self.gate = GateScreens(
            self.staff.gate,
            self.visitor.show_go,
            self._controller.open_gate,
            lambda: self.staff.operator_name,
            self,
        )
        bridge.gate_changed.connect(self.staff.gate.set_state)
        bridge.gate_refused.connect(self.staff.gate.refused)
        bridge.entry_recorded.connect(self.gate.recorded)
        bridge.exit_recorded.connect(self.gate.recorded)
        bridge.gate_opened.connect(self.gate.opened)
        bridge.gate_closed.connect(self.gate.closed)
        self.staff.checked_in.connect(self._on_staff_checked_in)
        self.staff.checked_out.connect(self._on_staff_checked_out)
        self.staff.answered.connect(self._on_staff_answered)
        self.staff.acknowledged.connect(self._controller.acknowledge)
        self.staff.language_chosen.connect(self._on_staff_language_chosen)
        self.staff.settings_requested.connect(self._on_staff_settings_requested)
        self.staff.lock_requested.connect(self._on_staff_lock_requested)
        self.staff.send_now_requested.connect(lambda: self._send_now())
        self.windows.desk.close_refused.connect(self._on_staff_lock_requested)

    # -- news from the desk ----------------------------------------------------------

    def _on_bridge_decision_shown(self, decision: Decision) -> None:
        if self._stopped:
            return
        self.visitor.show_decision(decision)
        self.staff.show_decision(decision)
        if not decision.repeat:
            self._play(sound_of(decision))

    def _on_bridge_question_asked(self, question: StaffQuestion) -> None:
        self.staff.question.ask(question)

    def _on_bridge_question_closed(
        self, question_id: str, end: QuestionEnd, decision: Decision | None
    ) -> None:
        if self._stopped:
            return
        self.staff.question.close_question(question_id)
        self.visitor.question_closed(question_id)

    def _on_bridge_answer_ignored(self, question_id: str, why: AnswerIgnored) -> None:
        self.staff.question.close_question(question_id)

    def _on_bridge_alert_raised(self, alert: Alert) -> None:
        self.staff.alerts.add(alert)

    def _on_bridge_device_changed(self, report: DeviceReport) -> None:
        if report.kind is DeviceKind.CAMERA:
            self.visitor.scan.set_camera(report.state)

    def _on_bridge_desk_failed(self, failure: DeskFailure) -> None:
        text = "\n\n".join(
            (
                self.tr("The kiosk cannot record check-ins any more and has stopped."),
                words.say(words.STORE_PROBLEM[failure.problem]),
                self.tr("Nothing recorded so far is lost. If it happens again, call support."),
                failure.message,
            )
        )
        label = self.failure
        label.setText(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(
            "background: #B71C1C; color: white; font-size: 22px; font-weight: bold; padding: 24px;"
        )
        label.setGeometry(self.staff.rect())
        label.show()
        label.raise_()
        self.visitor.scan.set_out_of_order()
        self.visitor.show_scan()

    # -- staff actions -----------------------------------------------------------------

    def _on_wedge_scanned(self, text: str) -> None:
        self._controller.submit(text, Method.SCANNER)

    def _on_staff_checked_in(self, iin: str) -> None:
        self._controller.check_in(iin, Method.MANUAL)  # staff's Check in: never an exit

    def _on_staff_checked_out(self, iin: str) -> None:
        self._controller.check_out(iin, Method.MANUAL)

    def _on_staff_answered(self, question_id: str, answer: StaffAnswer) -> None:
        self._controller.answer(question_id, answer, self.staff.operator_name)

    def _on_staff_language_chosen(self, lang: str) -> None:
        """Staff speak with the visitor in front: that language comes first for both."""
        self.languages.use(lang)
        self.languages.order = (lang, *(code for code in self.languages.order if code != lang))
        self.staff.set_language(lang)
        self.visitor.refresh_languages()

    def _on_staff_settings_requested(self) -> None:
        if self._open_settings is not None and self._ask_admin("settings"):
            self._open_settings()

    def _on_staff_lock_requested(self) -> None:
        if self._ask_admin("exit"):
            self.stop()
            app = QApplication.instance()
            if app is not None:
                app.quit()


def _takes_text(widget: QWidget | None) -> bool:
    """Whether *widget* is a field someone types words into."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()  # the operator's name being typed
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox)


def _venue_line(settings: Settings) -> str:
    name, gate = settings.venue.name, settings.boarding.gate
    return f"{name} · {gate}" if gate else name
