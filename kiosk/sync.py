"""Outbox sync: sends events to the service in order, in batches, exactly once.

The service is idempotent by event id, so a lost answer or a crash between
sending and acknowledging only causes a resend, never a duplicate. Events
the service rejects as invalid go to a visible dead-letter state.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.checkin import FoundRed, found_red_later
from kiosk.events import EventType, StoredEvent
from kiosk.referrals.pull import note_refused_resolutions
from kiosk.service.errors import ApiError, ServiceProblem
from kiosk.service.lookup import StatusFacts
from kiosk.service.wire import event_to_wire
from kiosk.status import Status
from kiosk.storage.alerts import (
    Alert,
    Alerts,
    DeadLetter,
    TokenRefused,
    note_clock_skew,
    raise_alert,
)
from kiosk.storage.errors import StoreError, StoreProblem, from_os_error
from kiosk.storage.outbox import MAX_BATCH, Outbox, acknowledge_in, dead_letter_in
from kiosk.storage.statuscache import remember_all
from kiosk.storage.store import Store
from kiosk.storage.subjects import KEY_META, SubjectKey
from shared.backoff import Backoff, BackoffPolicy
from shared.clock import Clock

LAST_SYNC_KEY = "last_sync_ok"
SERVICE_RETRY = BackoffPolicy(initial_s=1.0, max_s=300.0, jitter=True)
"""How the outbox retries the service: from 1 s up to 5 min, spread so that
desks which lost the service together do not knock together again."""
_log = logging.getLogger(__name__)


class BatchAnswer(Protocol):
    """What `POST /v1/events` answered."""

    @property
    def accepted(self) -> Sequence[str]: ...

    @property
    def duplicate(self) -> Sequence[str]: ...

    @property
    def rejected(self) -> Sequence[tuple[str | None, str]]: ...

    @property
    def received_at(self) -> float | None: ...

    @property
    def statuses(self) -> Mapping[str, StatusFacts]: ...


class EventsApi(Protocol):
    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchAnswer: ...


@dataclass(frozen=True)
class SyncReport:
    sent: int = 0
    acknowledged: int = 0
    duplicates: int = 0
    rejected: int = 0
    retroactive_red: int = 0
    """Visitors let in unverified (offline) whom the service says are red: alerted."""
    retroactive_reports: int = 0
    """Unverified visits found red, let in or not: reported to the sanitary service."""
    error: str | None = None
    retry_in: float | None = None
    problem: ServiceProblem | None = None
    """What the failure (`error`) said about the service, when the service was asked."""
    busy: bool = False  # another sync of this data folder was running: nothing done
    paused: bool = False  # waiting out an earlier failure's pause: the service was not asked

    @property
    def fatal(self) -> bool:
        """The device token was refused: nothing goes until it is registered."""
        return self.problem is ServiceProblem.NOT_REGISTERED


@dataclass(frozen=True)
class _Pause:
    """Quiet after a failure, until `until`; kept in the database, so a restarted
    kiosk does not knock at once on a service that asked for quiet."""

    until: float
    error: str
    problem: ServiceProblem


PAUSE_KEY = "sync_paused"
LOCK_FILENAME = "sync.lock"


class Syncer:
    """One sync pass over the outbox (runs on whichever thread owns `store`)."""

    def __init__(
        self,
        store: Store,
        api: EventsApi,
        clock: Clock,
        *,
        batch_size: int = MAX_BATCH,
        backoff: Backoff | None = None,
        clock_skew: Callable[[], float | None] | None = None,
        skew_allowance: float = 120.0,
        lock_wait: float = 0.0,
    ) -> None:
        """*lock_wait*: how long to wait for another sync of the same data
        folder (another process, or the desk's own worker) to finish."""
        self._store = store
        self._outbox = Outbox(store)
        self._api = api
        self._clock = clock
        self._batch_size = min(batch_size, MAX_BATCH)
        self.backoff = backoff or Backoff(SERVICE_RETRY)
        self._clock_skew = clock_skew
        self._skew_allowance = skew_allowance
        self._lock_wait = lock_wait
        self._paused: _Pause | None = _load_pause(store)
        self._fold_log = False  # acknowledgements were written since the last checkpoint

    def run_once(self) -> SyncReport:
        """Send due events until the queue is empty or the service fails.

        One sync at a time per data folder, across processes: a second one
        returns a `busy` report instead of sending the same events again.
        """
        from filelock import FileLock, Timeout

        if self._store.path.name == ":memory:":
            return self._run_once()
        path = self._store.path.with_name(LOCK_FILENAME)
        lock = FileLock(path)
        try:
            lock.acquire(timeout=self._lock_wait)
        except Timeout:
            return SyncReport(busy=True)
        except OSError as exc:  # the folder went read-only, the file became a folder…
            raise from_os_error(exc, str(path)) from None
        try:
            return self._run_once()
        finally:
            lock.release()

    def send_now(self) -> None:
        """A person asked for a sync now: every waiting event is due, whatever
        backoff an earlier pass left, and a failure's pause is forgotten."""
        self._outbox.due_now()
        self.clear_pause()

    def clear_pause(self) -> None:
        """Forget a failure's pause."""
        self._paused = None
        self._store.set_meta(PAUSE_KEY, "")

    def _run_once(self) -> SyncReport:
        report = self._send_due()
        if self._fold_log:
            # Once a pass, not once a batch: the checkpoint folds every batch's
            # erased IINs out of the log and the file together (two more
            # flushes of the disk), before the pass reports back. A pass that
            # raises leaves it to the next one.
            self._fold_log = False
            self._store.checkpoint()
        return report

    def _send_due(self) -> SyncReport:
        now = self._clock.now()
        paused = self._paused
        if paused is not None and now < paused.until:
            # The service asked for quiet (Retry-After) or keeps failing: a nudge
            # for a new event must not knock early, nor let it jump the queue.
            return SyncReport(
                error=paused.error,
                retry_in=paused.until - now,
                problem=paused.problem,
                paused=True,
            )
        if self._paused is not None:
            self.clear_pause()
        totals = SyncReport()
        size = self._batch_size
        while True:
            keyed = self._store.get_meta(KEY_META)  # before the batch: see _settle
            batch = self._outbox.pending(now=self._clock.now(), limit=size)
            if not batch:
                break
            try:
                answer = self._api.post_events([event_to_wire(event) for event in batch])
            except ApiError as exc:
                if exc.retryable or exc.problem is ServiceProblem.NOT_REGISTERED:
                    return self._failed(batch, exc, totals)
                if len(batch) > 1:
                    size = max(1, len(batch) // 2)  # isolate the event the service refuses
                    continue
                # That one event is refused outright: park it, keep the queue moving.
                self._outbox.dead_letter([(batch[0].id, str(exc))], now=self._clock.now())
                totals = _add(totals, rejected=1, error=str(exc))
                continue
            totals = self._settle(batch, answer, totals, keyed)
            size = self._batch_size
        if totals.sent:
            self._store.set_meta(LAST_SYNC_KEY, repr(self._clock.now()))
            if self._clock_skew is not None:
                skew = self._clock_skew()
                alerts = Alerts(self._store)
                note_clock_skew(alerts, skew, self._skew_allowance, self._clock.now())
        return totals

    def _failed(
        self, batch: Sequence[StoredEvent], failure: ApiError, totals: SyncReport
    ) -> SyncReport:
        now = self._clock.now()
        error, problem = str(failure), failure.problem
        fatal = problem is ServiceProblem.NOT_REGISTERED
        if fatal:
            Alerts(self._store).add_once(TokenRefused(error), now=now)
        delay = self.backoff.next_delay(failure.retry_after)
        self._paused = _Pause(now + delay, error, problem)
        self._store.set_meta(
            PAUSE_KEY, json.dumps({"until": now + delay, "error": error, "fatal": fatal})
        )
        self._outbox.defer([e.id for e in batch], error=error, next_attempt=now + delay)
        return _add(totals, error=error, retry_in=delay, problem=problem)

    def _settle(
        self,
        batch: Sequence[StoredEvent],
        answer: BatchAnswer,
        totals: SyncReport,
        keyed: str | None,
    ) -> SyncReport:
        """What the service did with *batch*, on disk in one transaction. *keyed*:
        the day's key as the database named it before the batch was read."""
        now = self._clock.now()
        by_id = {event.id: event for event in batch}
        done = [i for i in (*answer.accepted, *answer.duplicate) if i in by_id]
        dead = [(i, reason) for i, reason in answer.rejected if i is not None and i in by_id]
        unanswered = set(by_id) - set(done) - {i for i, _ in dead}
        found: list[FoundRed] = []
        key: SubjectKey | None = None  # read once a batch, if at all: each read stats its file
        with self._store.transaction() as conn:
            # The subjects the check-ins were recorded with, unless a close-out
            # turned the key since the batch was read: then today's key's.
            turned = bool(answer.statuses) and self._store.get_meta(KEY_META) != keyed
            known: list[tuple[str, Status, float | None]] = []
            for event_id, facts in answer.statuses.items():
                event = by_id.get(event_id)
                if event is None or event.iin is None or event.type is not EventType.CHECK_IN:
                    continue
                subject = None if turned else event.subject
                if subject is None:
                    key = key or self._store.keys.current(now)
                    subject = key.subject(event.iin)
                known.append((subject, facts.status, facts.valid_until))
                if red := found_red_later(conn, event, facts.status, subject, now):
                    found.append(red)
            remember_all(conn, known, now)
            acknowledge_in(conn, done, now=now, received_at=answer.received_at)
            dead_letter_in(conn, dead, now=now)
            # A doctor's resolution refused is the doctor room's news, not a broken event.
            handled = note_refused_resolutions(conn, batch, dead, now) if dead else set()
            if rest := tuple(i for i, _ in dead if i not in handled):
                raise_alert(conn, Alert(DeadLetter(rest), now))
        if not unanswered:
            self.backoff.reset()
        else:
            delay = self.backoff.next_delay()
            self._outbox.defer(sorted(unanswered), error="not answered", next_attempt=now + delay)
        self._fold_log = True  # erased IINs must not linger in the WAL: see run_once
        return _add(
            totals,
            sent=len(batch),
            acknowledged=len(answer.accepted),
            duplicates=len(answer.duplicate),
            rejected=len(dead),
            retroactive_red=found.count(FoundRed.ADMITTED),
            retroactive_reports=len(found),
        )


def _load_pause(store: Store) -> _Pause | None:
    text = store.get_meta(PAUSE_KEY)
    if not text:
        return None
    try:
        saved = json.loads(text)
        fatal = bool(saved["fatal"])
        problem = ServiceProblem.NOT_REGISTERED if fatal else ServiceProblem.OFFLINE
        return _Pause(float(saved["until"]), str(saved["error"]), problem)
    except (ValueError, KeyError, TypeError):
        return None


def _add(totals: SyncReport, **more: Any) -> SyncReport:
    merged = dict(totals.__dict__)
    for key, value in more.items():
        if isinstance(value, int) and not isinstance(value, bool):
            merged[key] = merged[key] + value
        else:
            merged[key] = value
    return SyncReport(**merged)


@dataclass(frozen=True)
class SyncState:
    """What staff see about sync: queue length, last success, last error."""

    pending: int = 0
    dead: int = 0
    last_success: float | None = None
    last_error: str | None = None
    running: bool = False
    last_acked_at: float | None = None  # the service's latest acknowledgement, any pass


Chore = Callable[[Store], None]
"""Network housekeeping run after each sync pass on the worker's thread (key
refresh, venue occupancy, purge): it never holds up the desk. The pass's
:class:`SyncState` is already published (`SyncWorker.state`) when it runs."""


class SyncWorker:
    """Runs sync passes, then the chores, in its own thread, with its own
    database connection: the desk's one network thread."""

    def __init__(
        self,
        open_store: Callable[[], Store],
        make_syncer: Callable[[Store], Syncer],
        clock: Clock,
        *,
        interval: float = 5.0,
        on_report: Callable[[SyncReport, SyncState], None] | None = None,
        chores: Sequence[Chore] = (),
    ) -> None:
        self._chores = tuple(chores)
        self._open_store = open_store
        self._make_syncer = make_syncer
        self._clock = clock
        self._interval = interval
        self._on_report = on_report
        self._wake = threading.Event()
        self._send_now = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._state = SyncState()

    @property
    def state(self) -> SyncState:
        with self._lock:
            return self._state

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-sync", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Sync soon (a new event was recorded): a pause after a failure still holds."""
        self._wake.set()

    def send_now(self) -> None:
        """Staff ask to send now (the network is back): forget the pause, try at once."""
        self._send_now.set()
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        thread = self._thread
        if thread is None:
            return
        self._stopping.set()
        self._wake.set()
        thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        store: Store | None = None
        syncer: Syncer | None = None
        try:
            while not self._stopping.is_set():
                try:
                    if store is None or syncer is None:
                        store = self._open_store()
                        syncer = self._make_syncer(store)
                    report = self._pass(store, syncer)
                except StoreError as exc:
                    if exc.problem is StoreProblem.REPLACED:
                        raise
                    # The disk failed, the log moved under this connection, the file
                    # was locked: say so, and start the next pass on a fresh connection.
                    _log.warning("a sync pass failed: %s", exc)
                    report = SyncReport(error=str(exc), retry_in=self._interval)
                    self._publish(report, store=None)
                    _closed(store)
                    store = None
                wait = self._interval if report.retry_in is None else report.retry_in
                if report.fatal:
                    wait = max(wait, 300.0)
                self._wake.wait(wait)
                self._wake.clear()
        except StoreError as exc:  # the files were replaced: the desk says so and stops
            _log.warning("the sync stopped: %s", exc)
            self._publish(SyncReport(error=str(exc)), store=None, running=False)
        finally:
            _closed(store)

    def _pass(self, store: Store, syncer: Syncer) -> SyncReport:
        """One sync pass, its report published, then the chores."""
        store.guard()  # a log removed under the desk: fold it in, or follow the new one
        store.rescues.clear()  # the desk's own connection reports them
        if self._send_now.is_set():
            self._send_now.clear()
            syncer.send_now()
        report = syncer.run_once()
        self._publish(report, store)
        self._run_chores(store)
        return report

    def _run_chores(self, store: Store) -> None:
        for chore in self._chores:
            if self._stopping.is_set():
                return
            try:
                chore(store)
            except StoreError as exc:
                if exc.problem is StoreProblem.REPLACED:
                    raise
                _log.warning("a network chore failed: %s", exc)
            except Exception:  # one chore's failure must not stop the sync
                _log.exception("a network chore failed")

    def _publish(self, report: SyncReport, store: Store | None, *, running: bool = True) -> None:
        """Tell the new state; *store* None: the counts of the last pass stand."""
        with self._lock:
            previous = self._state
            stats = Outbox(store).stats() if store is not None else None
            self._state = SyncState(
                pending=stats.pending if stats else previous.pending,
                dead=stats.dead if stats else previous.dead,
                last_success=self._clock.now() if report.error is None else previous.last_success,
                last_error=report.error,
                running=running and not self._stopping.is_set(),
                last_acked_at=stats.last_acked_at if stats else previous.last_acked_at,
            )
            state = self._state
        if self._on_report is not None:
            self._on_report(report, state)


def _closed(store: Store | None) -> None:
    if store is not None:
        # A connection on failed files: nothing more to save through it.
        with contextlib.suppress(sqlite3.Error):
            store.close()
