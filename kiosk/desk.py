"""The desk controller: the one owner of a desk's state.

Code texts (camera, scanner, typed IIN), staff answers, check-outs, alert
acknowledgements, device and service reports all come in through its
methods, from any thread; each is handled on the desk's own thread, in
arrival order, against the desk's own database connection. What the desk
has to say goes out to :class:`kiosk.news.DeskListener` callbacks on that
thread. The terminal desk and the Qt screens both drive it and hold no
desk logic of their own.

    code text ─► DeskController.submit ─► Reception (parse → status → policy
    → events on disk) ─► listeners: decision_shown / question_asked … ─► screen
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from kiosk.decision import Decision, Flag, StaffInput
from kiosk.news import (
    DeskFailure,
    DeskListener,
    DeviceReport,
    KeyListState,
    OccupancyState,
    QuestionEnd,
    RecentEvent,
    RedReport,
    ServiceState,
    StaffQuestion,
)
from kiosk.questions import StaffQuestions
from kiosk.recent import RecentEvents, RedReports
from kiosk.reception import Reception
from kiosk.referrals.desk import ReferralDesk
from kiosk.referrals.values import ReferralOutcome, ReferralReason
from kiosk.service.errors import ServiceProblem
from kiosk.service.lookup import StatusSource, WatchedSource
from kiosk.service.occupancy import OccupancyReading
from kiosk.service.wire import ReferralPull
from kiosk.status import Status
from kiosk.storage.alerts import (
    AlertFeed,
    Alerts,
    CapacityReached,
    DatabaseRescued,
    DeviceLost,
    Passback,
    RedReportQueued,
    SyncTrouble,
    note_lost_events,
)
from kiosk.storage.errors import StoreError
from kiosk.storage.store import Store
from kiosk.sync import SyncReport, SyncState
from kiosk.vocabulary import Method, StaffAnswer
from shared.clock import Clock
from shared.device import DeviceState

_log = logging.getLogger(__name__)
DAY = 86_400.0
KEYS_RETOLD_EVERY = 3600.0
"""The key list's age is told again this often (it grows with no news)."""


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


class DeskController:
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
        self._keys = keys
        self._listeners: list[DeskListener] = []
        self._inputs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self.failure: DeskFailure | None = None
        # Desk-thread state: only touched by the desk thread.
        self._store: Store | None = None
        self._opened_reception: Reception | None = None
        self._referrals: ReferralDesk | None = None
        self._alerts: AlertFeed | None = None
        self._questions = StaffQuestions(self._options.question_timeout)
        self._recent_events: RecentEvents | None = None
        self._red_reports: RedReports | None = None
        self._panel_stale = False
        self._reds_stale = False
        # What the staff panel was last told: a refresh that finds the same says nothing.
        self._told_recent: tuple[RecentEvent, ...] | None = None
        self._told_reds: tuple[RedReport, ...] | None = None
        self._told_question: StaffQuestion | None = None
        self._keys_told_at = 0.0
        self._service = ServiceState()
        self._occupancy = OccupancyState()
        self._last_integrity = 0.0
        self._trouble_since: float | None = None

    # -- wiring -------------------------------------------------------------

    def add_listener(self, listener: DeskListener) -> None:
        """Add before :meth:`start`."""
        self._listeners.append(listener)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="desk", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Finish what was queued, record open questions, close the store. Idempotent.
        False: the desk had not finished within *timeout* (it is left to end)."""
        thread = self._thread
        if thread is None:
            return True
        self._inputs.put(None)
        thread.join(timeout)
        self._thread = None
        return not thread.is_alive()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Wait until the desk has opened its store (or failed to)."""
        return self._ready.wait(timeout)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every input given before this call has been handled."""
        return self.marker().wait(timeout)

    def marker(self) -> Marker:
        """A marker behind every input given so far: its `wait(timeout)` returns
        True once they have all been handled (a batch feeds the desk this way
        without queueing more than it decides)."""
        done = _Barrier()
        self._inputs.put(done)
        return done

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

    def _put(self, handler: Callable[..., None], *args: Any) -> None:
        self._inputs.put(lambda: handler(*args))

    # -- the desk thread ----------------------------------------------------------

    def _run(self) -> None:
        try:
            self._store = self._open_store()
            self._store.check_integrity()
            self._last_integrity = self._clock.now()
            note_lost_events(self._store, self._clock.now())  # told with the other alerts
            watched = WatchedSource(self._source, self._on_lookup) if self._source else None
            self._opened_reception = self._make_reception(self._store, watched)
            self._referrals = ReferralDesk(self._reception.referrals, self._tell)
            self._alerts = AlertFeed(
                Alerts(self._store), self._clock, lambda alert: self._tell("alert_raised", alert)
            )
            self._recent_events = RecentEvents(self._store)
            self._red_reports = RedReports(self._store)
            self._occupancy = OccupancyState(
                local=self._reception.occupancy(), capacity=self._reception.settings.capacity
            )
            self._started()
        except StoreError as exc:
            self._fail(exc)
        finally:
            self._ready.set()
        next_tick = time.monotonic() + self._options.idle_tick
        while True:
            # Ticks come between inputs too: a steady stream (scans, sync reports)
            # must not hold up time-outs and file checks.
            try:
                wait = next_tick - time.monotonic()
                item = self._inputs.get(timeout=wait) if wait > 0 else self._on_tick
            except queue.Empty:
                item = self._on_tick
            if item == self._on_tick:
                next_tick = time.monotonic() + self._options.idle_tick
            if item is None:
                break
            if self.failure is not None:  # nothing more is recorded; wait to be stopped
                if isinstance(item, _Barrier):
                    item()
                continue
            try:
                if isinstance(item, _Barrier):
                    self._refresh_panel()  # a caller waiting on a flush sees it all
                item()
                self._note_rescues()
                if self._inputs.empty():
                    self._refresh_panel()
            except StoreError as exc:
                self._fail(exc)
            except Exception:  # a bug must not take the desk down with it
                _log.exception("the desk failed to handle an input")
        self._finish()

    def _started(self) -> None:
        self._tell("service_changed", self._service)
        self._tell("occupancy_changed", self._occupancy)
        self._tell_keys()
        self._tell_recent()
        self._tell_reds()
        self._feed.start()
        self._referral_desk().started()

    def _finish(self) -> None:
        if self.failure is None and self._opened_reception is not None:
            for question in self._questions.open():
                try:
                    self._close_question(question, None, QuestionEnd.STOPPED, tell_next=False)
                except StoreError as exc:
                    self._fail(exc)
                    break
        if self._store is not None:
            self._store.close()

    def _fail(self, exc: StoreError) -> None:
        self.failure = DeskFailure(exc.problem, str(exc))
        self._tell("desk_failed", self.failure)

    # -- handlers ---------------------------------------------------------------

    def _on_submit(self, text: str, method: Method, entry: bool = False) -> None:
        reception = self._reception
        decision = reception.check_in(text, method) if entry else reception.check(text, method)
        if not decision.awaiting_staff:
            self._shown(decision)
            return
        # Shown again while staff decide: the same question, and its decision. A new
        # one waits behind those asked before it: staff answer them in turn.
        questions = self._questions
        asked = questions.for_person(decision)
        question = asked or questions.ask(decision, self._clock.now())
        self._show(question.decision)
        shown = questions.shown()
        self._tell_question(again=shown is not None and shown.id == question.id)

    def _on_answer(self, question_id: str, staff: StaffInput) -> None:
        question = self._questions.get(question_id)
        if question is None:
            self._tell("answer_ignored", question_id, self._questions.why_not_open(question_id))
            return
        self._show(self._close_question(question, staff, QuestionEnd.ANSWERED))

    def _on_check_out(self, text: str, method: Method) -> None:
        self._shown(self._reception.check_out(text, method))

    def _on_acknowledge(self, alert_id: int) -> None:
        for fresh in self._feed.alerts.mark_seen([alert_id], now=self._clock.now()):
            self._tell("alert_acknowledged", fresh)

    def _on_tick(self) -> None:
        reception = self._reception
        assert self._store is not None
        self._store.guard()
        now = self._clock.now()
        due = self._questions.due(now)
        for question in due:
            self._close_question(question, None, QuestionEnd.TIMED_OUT, tell_next=False)
        if due:
            self._tell_question()
        if reception.tick():
            self._changed()
        if now - self._keys_told_at >= KEYS_RETOLD_EVERY:
            self._tell_keys()
        if now - self._last_integrity >= self._options.integrity_every:
            self._store.check_integrity()
            self._last_integrity = now

    def _on_device(self, report: DeviceReport) -> None:
        self._tell("device_changed", report)
        if report.state is DeviceState.LOST:
            self._feed.add_once(DeviceLost(report.kind.value))

    def _on_sync(self, report: SyncReport, state: SyncState) -> None:
        if report.busy:
            return
        queue: dict[str, Any] = {
            "pending": state.pending,
            "dead": state.dead,
            "last_sync": state.last_success,
            "retry_in": report.retry_in,
        }
        # Only a pass that called the service says whether it answers: one with
        # nothing to send, or one waiting out a pause, asked nothing.
        if report.sent or (report.error is not None and not report.paused):
            problem = None
            if report.error is not None:
                problem = report.problem or ServiceProblem.OFFLINE
            queue.update(online=problem is None, problem=problem, detail=report.error)
        self._set_service(**queue)
        self._check_sync_trouble(state)
        self._feed.tell_new()
        if report.acknowledged or report.duplicates or report.retroactive_red:
            self._changed()  # events now synced, a retroactive report queued
        if report.sent:
            self._reds_stale = True  # reports may have reached the service

    def _on_venue_occupancy(self, reading: OccupancyReading) -> None:
        self._reception.note_venue_count(reading.inside)
        self._occupancy = replace(self._occupancy, venue=reading.inside)
        self._tell("occupancy_changed", self._occupancy)

    def _on_referral(self, action: Callable[[ReferralDesk], bool | None]) -> None:
        if action(self._referral_desk()) and self._recorded is not None:
            self._recorded()
        self._feed.tell_new()

    def _on_lookup(self, problem: ServiceProblem | None) -> None:
        """A call to the service (a lookup, a key fetch, a poll) answered or not."""
        if problem is ServiceProblem.CLOSED:
            return
        was_offline = self._service.online is False
        self._set_service(online=problem is None, problem=problem, detail=None)
        back = problem is None and was_offline and self._service.pending
        if back and self._service_back is not None:
            self._service_back()  # it answers again: what waits goes now, not at backoff's end

    def _on_tried(self, problem: ServiceProblem | None) -> None:
        self._on_lookup(problem)
        self._feed.tell_new()  # a chore's alert (the key list too old)

    def _on_keys(self) -> None:
        self._tell_keys()
        self._feed.tell_new()

    def _tell_keys(self) -> None:
        if self._keys is not None:
            self._keys_told_at = self._clock.now()
            self._tell("keys_changed", self._keys())

    # -- steps ------------------------------------------------------------------

    @property
    def _reception(self) -> Reception:
        assert self._opened_reception is not None
        return self._opened_reception

    def _show(self, decision: Decision) -> None:
        self._referral_desk().shown(decision)
        self._tell("decision_shown", decision)

    def _shown(self, decision: Decision) -> None:
        self._show(decision)
        if decision.event_ids:
            self._after_recorded(decision)

    def _close_question(
        self,
        question: StaffQuestion,
        staff: StaffInput | None,
        end: QuestionEnd,
        *,
        tell_next: bool = True,
    ) -> Decision:
        # Closing forgets the question, and answers reach only open ones: each
        # assessed visit is recorded here once.
        self._questions.close(question, end)
        decision = self._reception.record(question.decision, staff)
        self._tell("question_closed", question.id, end, decision)
        self._after_recorded(decision)
        if tell_next:
            self._tell_question()
        return decision

    def _tell_question(self, *, again: bool = False) -> None:
        """Tell the question staff answer now, with how many wait behind it, when
        that changed (or *again*: its visitor was seen again)."""
        shown = self._questions.shown()
        if shown is not None and (again or shown != self._told_question):
            self._tell("question_asked", shown)
        self._told_question = shown

    def _after_recorded(self, decision: Decision) -> None:
        """Alerts the decision calls for, the new counts, a nudge to the sync."""
        flags = decision.flags
        if Flag.RED_REPORT_QUEUED in flags:
            self._feed.add(
                RedReportQueued(decision.event_ids[0], decision.event_ids[-1], decision.masked_id)
            )
            self._reds_stale = True
        if Flag.PASSBACK in flags:
            self._feed.add(Passback(decision.masked_id, decision.inside_since))
        if Flag.CAPACITY_REACHED in flags:
            self._feed.add_once(CapacityReached(decision.occupancy, self._occupancy.capacity))
        self._changed()
        if self._recorded is not None:
            self._recorded()

    def _changed(self) -> None:
        """The count inside and the latest events changed: told once the desk is
        idle (a burst of scans costs one update of the staff panel, not one each)."""
        self._panel_stale = True

    def _refresh_panel(self) -> None:
        """Tell what a stale panel shows, if it differs from what was told: every
        telling costs the screen a rebuild on its main thread, and most sync
        passes change nothing the panel shows."""
        if self._panel_stale:
            self._panel_stale = False
            occupancy = replace(self._occupancy, local=self._reception.occupancy())
            if occupancy != self._occupancy:
                self._occupancy = occupancy
                self._tell("occupancy_changed", occupancy)
            self._tell_recent()
        if self._reds_stale:
            self._reds_stale = False
            self._tell_reds()

    def _tell_recent(self) -> None:
        """Today's latest events (a synced mark is a change too), when they changed."""
        assert self._recent_events is not None
        since = self._reception.day_end.day.last_end(self._clock.now())
        recent = self._recent_events.since(since, limit=self._options.recent_limit)
        if recent != self._told_recent:
            self._told_recent = recent
            self._tell("recent_changed", recent)

    def _tell_reds(self) -> None:
        """Today's reports to the sanitary service, when they changed."""
        assert self._red_reports is not None
        since = self._reception.day_end.day.last_end(self._clock.now())
        reds = self._red_reports.since(since)
        if reds != self._told_reds:
            self._told_reds = reds
            self._tell("red_reports_changed", reds)

    def _referral_desk(self) -> ReferralDesk:
        assert self._referrals is not None
        return self._referrals

    @property
    def _feed(self) -> AlertFeed:
        assert self._alerts is not None
        return self._alerts

    def _note_rescues(self) -> None:
        store = self._store
        if store is None or not store.rescues:
            return
        for what in store.rescues:
            self._feed.add(DatabaseRescued(what))
        store.rescues.clear()

    def _set_service(self, **changes: Any) -> None:
        state = replace(self._service, **changes)
        if state != self._service:
            self._service = state
            self._tell("service_changed", state)
        if state.online is False and self._occupancy.venue is not None:
            # The venue's count is stale without the service: this desk's own count.
            self._reception.note_venue_count(None)
            self._occupancy = replace(self._occupancy, venue=None)
            self._tell("occupancy_changed", self._occupancy)

    def _check_sync_trouble(self, state: SyncState) -> None:
        now = self._clock.now()
        if state.pending == 0 or self._service.online:
            self._trouble_since = None
            return
        if self._trouble_since is None:
            self._trouble_since = now
        elif now - self._trouble_since >= self._options.sync_trouble_after:
            self._feed.add_once(
                SyncTrouble(self._service.detail, state.pending, self._trouble_since)
            )

    def _tell(self, what: str, *args: Any) -> None:
        for listener in self._listeners:
            try:
                getattr(listener, what)(*args)
            except Exception:  # a listener's bug must not stop the desk
                _log.exception("a desk listener failed in %s", what)


class Marker(Protocol):
    def wait(self, timeout: float) -> bool: ...


class _Barrier:
    """An input that only tells a waiting caller that everything before it is done."""

    def __init__(self) -> None:
        self._done = threading.Event()

    def __call__(self) -> None:
        self._done.set()

    def wait(self, timeout: float) -> bool:
        return self._done.wait(timeout)
