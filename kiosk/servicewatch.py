"""The national service as one desk last saw it: online or not and why, and the
outbox behind it (a :class:`kiosk.news.ServiceState`), told when it changes;
and the pass-signing key list the desk holds from it.

Every call to the service says whether it answers: the look-ups, the network
thread's chores, and each sync pass that asked anything. Events that wait
for the service too long raise a `sync_trouble` alert. The key list's age
grows with no news, so it is told again every hour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kiosk.listeners import DeskListener
from kiosk.news import KeyListState, ServiceState
from kiosk.service.errors import ServiceProblem
from kiosk.storage.alerts import AlertFeed, SyncTrouble
from kiosk.sync import SyncReport, SyncState
from shared.clock import Clock

KEYS_RETOLD_EVERY = 3600.0
"""The key list's age is told again this often (it grows with no news)."""


class ServiceWatch:
    """The desk's view of the service (desk thread only)."""

    def __init__(
        self,
        listener: DeskListener,
        feed: AlertFeed,
        clock: Clock,
        *,
        trouble_after: float,
        offline: Callable[[], None],
        keys: Callable[[], KeyListState] | None = None,
    ) -> None:
        """*offline* is called each time the state says the service does not
        answer (what depends on it, the venue's count, goes stale); *keys*: the
        key list's state now."""
        self.state = ServiceState()
        self._keys = keys
        self._keys_told_at = 0.0
        self._listener = listener
        self._feed = feed
        self._clock = clock
        self._trouble_after = trouble_after
        self._offline = offline
        self._trouble_since: float | None = None

    def started(self) -> None:
        self._listener.service_changed(self.state)

    def tell_keys(self) -> None:
        """The key list's state (at start, after each fetch, and every hour)."""
        if self._keys is not None:
            self._keys_told_at = self._clock.now()
            self._listener.keys_changed(self._keys())

    def tick(self, now: float) -> None:
        if now - self._keys_told_at >= KEYS_RETOLD_EVERY:
            self.tell_keys()

    def synced(self, report: SyncReport, sync: SyncState) -> None:
        """A sync pass ended (not a busy one): the queue, and whether the service
        answered if the pass asked it anything."""
        state = replace(
            self.state,
            pending=sync.pending,
            dead=sync.dead,
            last_sync=sync.last_success,
            retry_in=report.retry_in,
        )
        # Only a pass that called the service says whether it answers: one with
        # nothing to send, or one waiting out a pause, asked nothing.
        if report.sent or (report.error is not None and not report.paused):
            problem = None if report.error is None else report.problem or ServiceProblem.OFFLINE
            state = replace(state, online=problem is None, problem=problem, detail=report.error)
        self._set(state)
        self._check_trouble(sync)

    def answered(self, problem: ServiceProblem | None) -> bool:
        """A call to the service answered (None) or not (why). True when it answers
        again after being offline while events wait: send them now, not at the
        end of the backoff."""
        if problem is ServiceProblem.CLOSED:
            return False
        was_offline = self.state.online is False
        self._set(replace(self.state, online=problem is None, problem=problem, detail=None))
        return problem is None and was_offline and self.state.pending > 0

    def _set(self, state: ServiceState) -> None:
        if state != self.state:
            self.state = state
            self._listener.service_changed(state)
        if state.online is False:
            self._offline()

    def _check_trouble(self, sync: SyncState) -> None:
        now = self._clock.now()
        if sync.pending == 0 or self.state.online:
            self._trouble_since = None
            return
        if self._trouble_since is None:
            self._trouble_since = now
        elif now - self._trouble_since >= self._trouble_after:
            self._feed.add_once(SyncTrouble(self.state.detail, sync.pending, self._trouble_since))
