"""The desk controller: the one owner of a desk's state.

Code texts (camera, scanner, typed IIN), staff answers, check-outs, alert
acknowledgements, device and service reports all come in through its
methods, from any thread; each is handled on the desk's own thread, in
arrival order, against the desk's own database connection. What the desk
has to say goes out as typed calls to its :class:`kiosk.listeners.DeskListener`
s on that thread. The terminal desk and the Qt screens both drive it and hold
no desk logic of their own.

    code text ─► DeskController.submit ─► Reception (parse → status → policy
    → events on disk) ─► listeners: decision_shown, entry_recorded … ─► screen

Its parts: :class:`kiosk.questions.QuestionDesk` (Admit or Refuse, in turn),
:class:`kiosk.referrals.desk.ReferralDesk`, :class:`kiosk.servicewatch.ServiceWatch`
(the service's state), :class:`kiosk.panel.PanelNews` (the staff panel's news)
and, with a gate, :class:`kiosk.gatedesk.GateDesk`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.decision import Decision, Direction, Flag, StaffInput
from kiosk.deskloop import DeskLoop
from kiosk.gate.inbox import GateInbox
from kiosk.gate.keeper import GateKeeper
from kiosk.gatedesk import DeskGate, GateDesk, GatelessDesk
from kiosk.listeners import DeskListener, DeskListeners
from kiosk.news import DeskFailure, DeviceReport, KeyListState, Recorded
from kiosk.panel import PanelNews
from kiosk.questions import QuestionDesk, StaffQuestions
from kiosk.reception import Reception
from kiosk.referrals.desk import ReferralDesk
from kiosk.referrals.values import ReferralOutcome, ReferralReason
from kiosk.service.errors import ServiceProblem
from kiosk.service.lookup import StatusSource, WatchedSource
from kiosk.service.occupancy import OccupancyReading
from kiosk.service.wire import ReferralPull
from kiosk.servicewatch import ServiceWatch
from kiosk.status import Status
from kiosk.storage.alerts import (
    AlertFeed,
    Alerts,
    CapacityReached,
    DatabaseRescued,
    DeviceLost,
    Passback,
    RedReportQueued,
    note_lost_events,
)
from kiosk.storage.errors import StoreError
from kiosk.storage.store import Store
from kiosk.sync import SyncReport, SyncState
from kiosk.vocabulary import Method, StaffAnswer
from shared.clock import Clock
from shared.device import DeviceState

DAY = 86_400.0


@dataclass(frozen=True)
class DeskOptions:
    """Timings of the desk (seconds)."""

    question_timeout: float = 60.0
    """Unanswered for this long, a visit is recorded as `ask_staff` (not admitted)."""
    idle_tick: float = 1.0
    """Real time between the desk's own ticks (time-outs, files, end of day)."""
    sync_trouble_after: float = 15 * 60
    """Events waiting this long for the service raise a `sync_trouble` alert."""
    integrity_every: float = DAY
    recent_limit: int = 20


@dataclass(frozen=True)
class _Opened:
    """What the desk thread opens at start: its store and the parts that use it."""

    store: Store
    reception: Reception
    referrals: ReferralDesk
    questions: QuestionDesk
    feed: AlertFeed
    service: ServiceWatch
    panel: PanelNews
    gate: DeskGate


class DeskController(DeskLoop):
    """Drives one desk. Every public method is thread-safe and returns at once."""

    def __init__(
        self,
        open_store: Callable[[], Store],
        make_reception: Callable[[Store, StatusSource | None], Reception],
        clock: Clock,
        *,
        source: StatusSource | None = None,
        options: DeskOptions | None = None,
        recorded: Callable[[], None] | None = None,
        service_back: Callable[[], None] | None = None,
        keys: Callable[[], KeyListState] | None = None,
    ) -> None:
        """*recorded* is called (on the desk thread) after each new event: nudge the
        sync; *service_back* when a call answers again while events wait: send them
        now. *keys*: the pass-signing key list's state, told at start and after
        :meth:`keys_refreshed`."""
        self._open_store = open_store
        self._make_reception = make_reception
        self._clock = clock
        self._source = source
        self._options = options or DeskOptions()
        self._recorded = recorded
        self._service_back = service_back
        super().__init__(self._options.idle_tick)
        self._keys = keys
        self._tell = DeskListeners()
        # Desk-thread state: only touched by the desk thread.
        self._parts: _Opened | None = None
        self._last_integrity = 0.0
        self._gate: tuple[GateKeeper, GateInbox] | None = None

    # -- wiring -------------------------------------------------------------

    def add_listener(self, listener: DeskListener) -> None:
        """Add before :meth:`start`."""
        self._tell.add(listener)

    def attach_gate(self, keeper: GateKeeper, inbox: GateInbox) -> None:
        """A gate to open after each recorded entry (and exit); before :meth:`start`.
        *inbox* carries the driver's reports: give it :meth:`gate_reported` as nudge."""
        self._gate = (keeper, inbox)

    # -- inputs (any thread) ------------------------------------------------------

    def submit(self, text: str, method: Method) -> None:
        """A code text from the camera, a scanner, or typed by staff: at a two-way
        desk someone inside, seen again past the re-scan window, leaves."""
        self._put(self._on_submit, text, method)

    def check_in(self, text: str, method: Method = Method.MANUAL) -> None:
        """Staff's Check in: an entry, never an exit (that is :meth:`check_out`)."""
        self._put(self._on_submit, text, method, True)

    def answer(
        self, question_id: str, answer: StaffAnswer, operator: str, reason: str | None = None
    ) -> None:
        """Staff's Admit or Refuse; a second answer to the same question is ignored."""
        self._put(self._on_answer, question_id, StaffInput(answer, operator, reason))

    def check_out(self, text: str, method: Method = Method.MANUAL) -> None:
        """Staff check a person out (typed IIN or shown code)."""
        self._put(self._on_check_out, text, method)

    def acknowledge(self, alert_id: int) -> None:
        self._put(self._on_acknowledge, alert_id)

    def tick(self) -> None:
        """Time-outs, file checks, end of day (the desk also ticks by itself)."""
        self._put(self._on_tick)

    def device_changed(self, report: DeviceReport) -> None:
        self._put(self._on_device, report)

    def sync_reported(self, report: SyncReport, state: SyncState) -> None:
        """From the sync worker's thread, after each pass."""
        self._put(self._on_sync, report, state)

    def service_tried(self, problem: ServiceProblem | None) -> None:
        """From the network thread: a call to the service (a key fetch, an occupancy
        poll, a referral pull) was answered (None) or not (why)."""
        self._put(self._on_tried, problem)

    def keys_refreshed(self) -> None:
        """From any thread: the key list was fetched."""
        self._put(self._on_keys)

    def venue_occupancy_reported(self, reading: OccupancyReading) -> None:
        """From the network thread: the whole venue's count from the service."""
        self._put(self._on_venue_occupancy, reading)

    def open_referral(
        self, decision_id: str, reason: ReferralReason, note: str | None = None
    ) -> None:
        """Send the person of a recent decision to the doctor room (a new ticket)."""
        self._put(self._on_referral, lambda r: r.open(decision_id, reason, note))

    def open_referral_for_iin(
        self,
        iin: str,
        reason: ReferralReason,
        note: str | None = None,
        *,
        status: Status | None = None,
    ) -> None:
        """The same for a typed IIN; *status*: the status staff saw, if the desk showed none."""
        self._put(self._on_referral, lambda r: r.open_for_iin(iin, reason, note, status))

    def resolve_referral(
        self, referral_id: str, outcome: ReferralOutcome, note: str, operator: str
    ) -> None:
        """The doctor's decision on a referral (any desk's; the first one wins)."""
        self._put(self._on_referral, lambda r: r.resolve(referral_id, outcome, note, operator))

    def referrals_pulled(self, pull: ReferralPull) -> None:
        """From the network thread: the venue's referrals that changed, from the service."""
        self._put(self._on_referral, lambda r: r.pulled(pull))

    def gate_reported(self) -> None:
        """From the gate driver's thread: its inbox holds a report."""
        self._put(lambda: self._opened.gate.reported())

    def open_gate(self, direction: Direction, operator: str, reason: str) -> None:
        """Staff's Open gate: who and why are recorded (`gate_opened`)."""
        self._put(lambda: self._opened.gate.open_by_staff(direction, operator, reason))

    # -- the desk thread ----------------------------------------------------------

    def _begin(self) -> None:
        self._parts = self._open()
        self._started()

    def _after_input(self) -> None:
        self._note_rescues()

    def _idle(self) -> None:
        self._opened.panel.refresh()

    def _due_in(self) -> float | None:
        return self._parts.gate.due_in() if self._parts is not None else None

    def _failed(self, failure: DeskFailure) -> None:
        self._tell.desk_failed(failure)

    def _open(self) -> _Opened:
        store = self._open_store()
        store.check_integrity()
        self._last_integrity = self._clock.now()
        note_lost_events(store, self._clock.now())  # told with the other alerts
        watched = WatchedSource(self._source, self._on_lookup) if self._source else None
        reception = self._make_reception(store, watched)
        tell = self._tell
        feed = AlertFeed(Alerts(store), self._clock, tell.alert_raised)
        panel = PanelNews(
            store, reception, tell, self._clock, recent_limit=self._options.recent_limit
        )

        def offline() -> None:  # the venue's count is stale without the service
            if panel.occupancy.venue is not None:
                panel.venue_counted(None)

        service = ServiceWatch(
            tell,
            feed,
            self._clock,
            trouble_after=self._options.sync_trouble_after,
            offline=offline,
            keys=self._keys,
        )
        referrals = ReferralDesk(reception.referrals, tell)
        asked = StaffQuestions(self._options.question_timeout)
        questions = QuestionDesk(asked, tell, reception.record, self._after_recorded)
        gate: DeskGate = GatelessDesk(tell)
        if self._gate is not None:
            desk, clock = reception.settings.desk, self._clock
            gate = GateDesk(*self._gate, store, desk, tell, feed, clock, self._gate_recorded)
        return _Opened(store, reception, referrals, questions, feed, service, panel, gate)

    def _started(self) -> None:
        parts = self._opened
        parts.service.started()
        self._tell.occupancy_changed(parts.panel.occupancy)
        parts.service.tell_keys()
        parts.panel.tell_recent()
        parts.panel.tell_reds()
        parts.feed.start()
        parts.referrals.started()
        parts.gate.started()

    def _end(self) -> None:
        parts = self._parts
        if parts is None:
            return
        if self.failure is None:
            try:
                parts.questions.stop()
            except StoreError as exc:
                self._fail(exc)
        parts.store.close()

    @property
    def _opened(self) -> _Opened:
        assert self._parts is not None
        return self._parts

    @property
    def _reception(self) -> Reception:
        return self._opened.reception

    # -- handlers ---------------------------------------------------------------

    def _on_submit(self, text: str, method: Method, entry: bool = False) -> None:
        reception, questions = self._reception, self._opened.questions
        decision = reception.check_in(text, method) if entry else reception.check(text, method)
        if not decision.awaiting_staff:
            self._shown(decision)
            return
        # Shown again while staff decide: the same question, and its decision. A new
        # one waits behind those asked before it: staff answer them in turn.
        question = questions.ask(decision, self._clock.now())
        self._show(question.decision)
        questions.tell(asked=question)

    def _on_answer(self, question_id: str, staff: StaffInput) -> None:
        decision = self._opened.questions.answer(question_id, staff)
        if decision is not None:
            self._show(decision)

    def _on_check_out(self, text: str, method: Method) -> None:
        self._shown(self._reception.check_out(text, method))

    def _on_acknowledge(self, alert_id: int) -> None:
        for fresh in self._opened.feed.alerts.mark_seen([alert_id], now=self._clock.now()):
            self._tell.alert_acknowledged(fresh)

    def _on_tick(self) -> None:
        parts = self._opened
        parts.store.guard()
        now = self._clock.now()
        parts.questions.time_out(now)
        if parts.reception.tick():
            parts.panel.changed()
        parts.service.tick(now)
        if now - self._last_integrity >= self._options.integrity_every:
            parts.store.check_integrity()
            self._last_integrity = now
        parts.gate.tick()

    def _on_device(self, report: DeviceReport) -> None:
        self._tell.device_changed(report)
        if report.state is DeviceState.LOST:
            self._opened.feed.add_once(DeviceLost(report.kind.value))

    def _on_sync(self, report: SyncReport, state: SyncState) -> None:
        if report.busy:
            return
        parts = self._opened
        parts.service.synced(report, state)
        parts.feed.tell_new()
        if report.acknowledged or report.duplicates or report.retroactive_reports:
            parts.panel.changed()  # events now synced, a retroactive report queued
        if report.sent:
            parts.panel.reds_changed()  # reports may have reached the service

    def _on_venue_occupancy(self, reading: OccupancyReading) -> None:
        self._opened.panel.venue_counted(reading.inside)

    def _on_referral(self, action: Callable[[ReferralDesk], bool | None]) -> None:
        if action(self._opened.referrals) and self._recorded is not None:
            self._recorded()
        self._opened.feed.tell_new()

    def _gate_recorded(self) -> None:
        self._opened.panel.changed()  # an annulment: the count, the list
        if self._recorded is not None:
            self._recorded()

    def _on_lookup(self, problem: ServiceProblem | None) -> None:
        """A call to the service (a lookup, a key fetch, a poll) answered or not."""
        back = self._opened.service.answered(problem)
        if back and self._service_back is not None:
            self._service_back()  # it answers again: what waits goes now, not at backoff's end

    def _on_tried(self, problem: ServiceProblem | None) -> None:
        self._on_lookup(problem)
        self._opened.feed.tell_new()  # a chore's alert (the key list too old)

    def _on_keys(self) -> None:
        self._opened.service.tell_keys()
        self._opened.feed.tell_new()

    # -- steps ------------------------------------------------------------------

    def _show(self, decision: Decision) -> None:
        self._opened.referrals.shown(decision)
        self._tell.decision_shown(decision)

    def _shown(self, decision: Decision) -> None:
        self._show(decision)
        if decision.event_ids:
            self._after_recorded(decision)

    def _after_recorded(self, decision: Decision) -> None:
        """The events of *decision* are on disk: an admitted entry or an exit is
        told as such (once: a repeat records nothing, and a question is recorded
        when it closes), then the alerts it calls for, the new counts, a nudge to
        the sync."""
        parts = self._opened
        if decision.admitted and decision.recorded_at is not None:
            recorded = Recorded(decision.event_ids, decision.recorded_at, decision)
            if decision.direction is Direction.ENTRY:
                self._tell.entry_recorded(recorded)
            else:
                self._tell.exit_recorded(recorded)
            parts.gate.recorded(recorded)  # opens the turnstile: before the alerts
        flags = decision.flags
        if Flag.RED_REPORT_QUEUED in flags:
            parts.feed.add(
                RedReportQueued(decision.event_ids[0], decision.event_ids[-1], decision.masked_id)
            )
            parts.panel.reds_changed()
        if Flag.PASSBACK in flags:
            parts.feed.add(Passback(decision.masked_id, decision.inside_since))
        if Flag.CAPACITY_REACHED in flags:
            capacity = parts.panel.occupancy.capacity
            parts.feed.add_once(CapacityReached(decision.occupancy, capacity))
        parts.panel.changed()
        if self._recorded is not None:
            self._recorded()

    def _note_rescues(self) -> None:
        parts = self._parts
        if parts is None or not parts.store.rescues:
            return
        for what in parts.store.rescues:
            parts.feed.add(DatabaseRescued(what))
        parts.store.rescues.clear()
