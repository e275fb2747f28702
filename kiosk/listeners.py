"""Who hears the desk controller: the listener interface, and the fan-out the
controller calls.

Every call is a typed method, checked by mypy from the controller to each
listener: no method names in strings. The controller calls one
:class:`DeskListeners`, which hands each call to every listener in turn; a
listener that fails is logged and the others still hear it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.decision import Decision
from kiosk.gate.values import GateState, NoOpenReason, Opened
from kiosk.news import (
    AnswerIgnored,
    DeskFailure,
    DeviceReport,
    GateClosed,
    KeyListState,
    OccupancyState,
    QuestionEnd,
    RecentEvent,
    Recorded,
    RedReport,
    ServiceState,
    StaffQuestion,
)
from kiosk.referrals.values import Referral, ReferralRefused
from kiosk.storage.alerts import Alert

_log = logging.getLogger(__name__)


class DeskListener:
    """Receives what the desk controller tells, on the desk's thread.

    Override what you need; every method does nothing by default. A Qt
    screen re-emits each call as a queued signal; nothing here may block.
    """

    def decision_shown(self, decision: Decision) -> None:
        """A decision to show (or, with `repeat`, to show again)."""

    def entry_recorded(self, recorded: Recorded) -> None:
        """An admitted entry is on disk (a scan, or staff's Admit): open the gate,
        count it. Never for a repeat, a denial, a doctor-room look-up, or a
        question staff have not answered."""

    def exit_recorded(self, recorded: Recorded) -> None:
        """A check-out is on disk (a scan at the way out, or staff's Check out):
        open the exit. Not for the end of day's automatic check-outs."""

    def question_asked(self, question: StaffQuestion) -> None:
        """Staff must answer this question now: Admit or Refuse. It is the oldest
        open one; told again when the number waiting behind it changes, and the
        next one is told when it closes."""

    def question_closed(
        self, question_id: str, end: QuestionEnd, decision: Decision | None
    ) -> None:
        """A question was answered, timed out or dropped; the recorded decision."""

    def answer_ignored(self, question_id: str, why: AnswerIgnored) -> None:
        """An answer came for a question that is no longer open."""

    def alert_raised(self, alert: Alert) -> None:
        """An alert for staff (also each unseen one when the desk starts)."""

    def alert_acknowledged(self, alert_id: int) -> None:
        """Staff acknowledged an alert."""

    def service_changed(self, state: ServiceState) -> None:
        """Online/offline, the last problem, the queue."""

    def keys_changed(self, state: KeyListState) -> None:
        """The pass-signing key list (at start, and after each fetch)."""

    def occupancy_changed(self, state: OccupancyState) -> None:
        """People inside changed (or the venue's count arrived)."""

    def device_changed(self, report: DeviceReport) -> None:
        """A camera or scanner started, was lost, came back."""

    def recent_changed(self, events: tuple[RecentEvent, ...]) -> None:
        """Today's latest events, newest first."""

    def red_reports_changed(self, reports: tuple[RedReport, ...]) -> None:
        """Today's reports to the sanitary service, newest first."""

    def desk_failed(self, failure: DeskFailure) -> None:
        """The database failed: nothing more will be recorded."""

    def referral_opened(self, referral: Referral) -> None:
        """A referral was recorded (show the ticket and the doctor room, print the slip);
        also the person's referral that was open already, when asked again."""

    def referral_resolved(self, referral: Referral) -> None:
        """A referral (any desk's) got its outcome, as this desk learnt it."""

    def referrals_changed(self, referrals: tuple[Referral, ...]) -> None:
        """Today's referrals of the venue as this desk knows them (at start, on change)."""

    def referral_refused(self, decision_id: str, why: ReferralRefused) -> None:
        """An open or resolve input changed nothing. *decision_id* is the id the input
        named: a decision's, a referral's (resolve), or "" for a typed IIN."""

    def gate_changed(self, state: GateState) -> None:
        """The gate as the staff panel shows it: at start (a desk with a gate), and
        when it changed (it answers or not, opens waiting for a passage)."""

    def gate_opened(self, opened: Opened) -> None:
        """The gate took an open: one person may go through now ("Go through")."""

    def gate_closed(self, closed: GateClosed) -> None:
        """An open ended: someone went through, nobody did (an entry or exit
        annulled, when `end` says so), or it never reached the gate. Told once
        per open; only a dropped one may be told again, when someone went
        through after all (the gate let go by hand) or its event is annulled."""

    def gate_refused(self, reason: NoOpenReason) -> None:
        """Staff's Open gate opened nothing, and why."""


class DeskListeners(DeskListener):
    """Every listener of one desk, told in the order they were added."""

    def __init__(self) -> None:
        self._listeners: list[DeskListener] = []

    def add(self, listener: DeskListener) -> None:
        self._listeners.append(listener)

    def _each(self, call: Callable[[DeskListener], None]) -> None:
        for listener in self._listeners:
            try:
                call(listener)
            except Exception:  # a listener's bug must not stop the desk, nor the others
                _log.exception("a desk listener failed: %r", listener)

    def decision_shown(self, decision: Decision) -> None:
        self._each(lambda listener: listener.decision_shown(decision))

    def entry_recorded(self, recorded: Recorded) -> None:
        self._each(lambda listener: listener.entry_recorded(recorded))

    def exit_recorded(self, recorded: Recorded) -> None:
        self._each(lambda listener: listener.exit_recorded(recorded))

    def question_asked(self, question: StaffQuestion) -> None:
        self._each(lambda listener: listener.question_asked(question))

    def question_closed(
        self, question_id: str, end: QuestionEnd, decision: Decision | None
    ) -> None:
        self._each(lambda listener: listener.question_closed(question_id, end, decision))

    def answer_ignored(self, question_id: str, why: AnswerIgnored) -> None:
        self._each(lambda listener: listener.answer_ignored(question_id, why))

    def alert_raised(self, alert: Alert) -> None:
        self._each(lambda listener: listener.alert_raised(alert))

    def alert_acknowledged(self, alert_id: int) -> None:
        self._each(lambda listener: listener.alert_acknowledged(alert_id))

    def service_changed(self, state: ServiceState) -> None:
        self._each(lambda listener: listener.service_changed(state))

    def keys_changed(self, state: KeyListState) -> None:
        self._each(lambda listener: listener.keys_changed(state))

    def occupancy_changed(self, state: OccupancyState) -> None:
        self._each(lambda listener: listener.occupancy_changed(state))

    def device_changed(self, report: DeviceReport) -> None:
        self._each(lambda listener: listener.device_changed(report))

    def recent_changed(self, events: tuple[RecentEvent, ...]) -> None:
        self._each(lambda listener: listener.recent_changed(events))

    def red_reports_changed(self, reports: tuple[RedReport, ...]) -> None:
        self._each(lambda listener: listener.red_reports_changed(reports))

    def desk_failed(self, failure: DeskFailure) -> None:
        self._each(lambda listener: listener.desk_failed(failure))

    def referral_opened(self, referral: Referral) -> None:
        self._each(lambda listener: listener.referral_opened(referral))

    def referral_resolved(self, referral: Referral) -> None:
        self._each(lambda listener: listener.referral_resolved(referral))

    def referrals_changed(self, referrals: tuple[Referral, ...]) -> None:
        self._each(lambda listener: listener.referrals_changed(referrals))

    def referral_refused(self, decision_id: str, why: ReferralRefused) -> None:
        self._each(lambda listener: listener.referral_refused(decision_id, why))

    def gate_changed(self, state: GateState) -> None:
        self._each(lambda listener: listener.gate_changed(state))

    def gate_opened(self, opened: Opened) -> None:
        self._each(lambda listener: listener.gate_opened(opened))

    def gate_closed(self, closed: GateClosed) -> None:
        self._each(lambda listener: listener.gate_closed(closed))

    def gate_refused(self, reason: NoOpenReason) -> None:
        self._each(lambda listener: listener.gate_refused(reason))
