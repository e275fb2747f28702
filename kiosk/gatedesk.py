"""The desk controller's gate side: the keeper's inputs from the desk, and what
the keeper tells recorded and passed on.

    entry_recorded / exit_recorded ─► GateKeeper ─► driver (its own thread)
    driver reports ─► GateInbox ─► (desk thread) GateKeeper ─► news:
        Opened          ─► gate_opened ("Go through")
        Passed, NoPassage, OpenDropped ─► gate_closed
        Annulment       ─► `entry_annulled` / `exit_annulled` on disk, the person
                           out of presence (or back in) ─► gate_closed (annulled)
        GateUnreachable ─► the `gate_unreachable` alert; GateReachable clears it

Staff's Open gate becomes a `gate_opened` event with the operator and the
reason once the gate took it (one dropped on the way opened nothing); one
the keeper refuses is told as `gate_refused`. Everything here
runs on the desk's thread, against the desk's own store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from kiosk.decision import Direction
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.gate.inbox import GateInbox
from kiosk.gate.keeper import GateKeeper
from kiosk.gate.values import (
    Annulment,
    GateNews,
    GateReachable,
    GateState,
    GateUnreachable,
    NoOpen,
    NoOpenReason,
    NoPassage,
    OpenDropped,
    Opened,
    Passed,
)
from kiosk.listeners import DeskListener
from kiosk.news import GateClosed, GateEnd, Recorded
from kiosk.storage.alerts import AlertFeed, AlertKind, GateLost
from kiosk.storage.annulment import annul
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from shared.clock import Clock

_log = logging.getLogger(__name__)


class DeskGate(Protocol):
    """The gate as the desk controller drives it (a desk without one has :class:`GatelessDesk`)."""

    def started(self) -> None: ...

    def recorded(self, recorded: Recorded) -> None: ...

    def open_by_staff(self, direction: Direction, operator: str, reason: str) -> None: ...

    def reported(self) -> None: ...

    def tick(self) -> None: ...

    def due_in(self) -> float | None: ...


class GateDesk:
    """One desk's gate, driven from the desk's thread (not thread-safe)."""

    def __init__(
        self,
        keeper: GateKeeper,
        inbox: GateInbox,
        store: Store,
        desk: DeskIdentity,
        tell: DeskListener,
        feed: AlertFeed,
        clock: Clock,
        recorded: Callable[[], None],
    ) -> None:
        """*recorded*: called after an event is written (the panel's lists, the sync)."""
        self._keeper = keeper
        self._inbox = inbox
        self._store = store
        self._desk = desk
        self._tell = tell
        self._feed = feed
        self._clock = clock
        self._recorded = recorded
        self._told: GateState | None = None
        # Opens told as dropped whose passage wait goes on (the gate may be let go
        # by hand): their end says no more, unless it annuls or someone passed.
        self._dropped: set[int] = set()

    def started(self) -> None:
        self._tell_state()

    # -- the desk's inputs -----------------------------------------------------------

    def recorded(self, recorded: Recorded) -> None:
        """An entry (exit) is on disk: open for it if the rules say so."""
        keeper = self._keeper
        told = (
            keeper.exit_recorded
            if recorded.decision.direction is Direction.EXIT
            else (keeper.entry_recorded)
        )
        answer = told(recorded.event_id, recorded.at, recorded.decision)
        if isinstance(answer, NoOpen):
            _log.debug("the gate stays shut: %s", answer.reason.value)
        self._tell_state()

    def open_by_staff(self, direction: Direction, operator: str, reason: str) -> None:
        """Staff's Open gate: sent to the gate, or told as refused. It is recorded
        (`gate_opened`) when the gate took it; one dropped on the way opened nothing."""
        answer = self._keeper.open_by_staff(direction, operator, reason)
        if isinstance(answer, NoOpen):
            self._tell.gate_refused(answer.reason)
            return
        self._tell_state()

    def _staff_opened(self, opened: Opened) -> None:
        """The gate took staff's open: on record with who, why and which way."""
        request, staff = opened.request, opened.request.staff
        assert staff is not None  # a staff open carries who and why
        data = {
            "direction": request.direction.value,
            "operator": staff.operator,
            "reason": staff.reason,
        }
        event = NewEvent(EventType.GATE_OPENED, opened.at, data)
        Outbox(self._store).add([event], desk=self._desk, now=self._clock.now())
        self._recorded()

    def reported(self) -> None:
        """The driver reported (its inbox holds what): hand it to the keeper."""
        self._handle(self._inbox.deliver(self._keeper))

    def tick(self) -> None:
        self._handle(self._keeper.tick())

    def due_in(self) -> float | None:
        """Seconds until :meth:`tick` has something to end (None: nothing waits)."""
        due = self._keeper.due_at()
        return None if due is None else due - self._clock.monotonic()

    # -- steps -------------------------------------------------------------------------

    def _handle(self, news: tuple[GateNews, ...]) -> None:
        for item in news:
            self._one(item)
        if news:
            self._tell_state()

    def _one(self, news: GateNews) -> None:
        tell = self._tell
        if isinstance(news, Opened):
            if news.request.staff is not None:
                self._staff_opened(news)
            tell.gate_opened(news)
        elif isinstance(news, Passed):
            if news.request is not None:
                self._dropped.discard(news.request.command)
                tell.gate_closed(GateClosed(news.request, GateEnd.PASSED, news.at))
        elif isinstance(news, NoPassage):
            if news.request.command in self._dropped:
                self._dropped.discard(news.request.command)  # told ended already: dropped
            else:
                tell.gate_closed(GateClosed(news.request, GateEnd.NO_PASSAGE, news.at))
        elif isinstance(news, OpenDropped):
            if self._keeper.state.senses(news.request.direction):
                self._dropped.add(news.request.command)
            tell.gate_closed(GateClosed(news.request, GateEnd.DROPPED, news.at))
        elif isinstance(news, Annulment):
            self._dropped.discard(news.request.command)
            self._annul(news)
        elif isinstance(news, GateUnreachable):
            self._feed.add_once(GateLost(news.detail))
        elif isinstance(news, GateReachable):
            for alert_id in self._feed.alerts.clear(AlertKind.GATE_UNREACHABLE, now=news.at):
                tell.alert_acknowledged(alert_id)

    def _annul(self, news: Annulment) -> None:
        done = annul(self._store, self._desk, news.direction, news.event_id, news.at)
        if done is None:  # annulled already, or gone: nothing more to say of it
            self._tell.gate_closed(GateClosed(news.request, GateEnd.NO_PASSAGE, news.at))
            return
        self._recorded()
        self._tell.gate_closed(
            GateClosed(news.request, GateEnd.ANNULLED, news.at, done.event_id, done.masked_id)
        )

    def _tell_state(self) -> None:
        state = self._keeper.state
        if state != self._told:
            self._told = state
            self._tell.gate_changed(state)


class GatelessDesk:
    """A desk without a gate: staff's Open gate is refused, nothing else happens."""

    def __init__(self, tell: DeskListener) -> None:
        self._tell = tell

    def started(self) -> None:
        pass

    def recorded(self, recorded: Recorded) -> None:
        pass

    def open_by_staff(self, direction: Direction, operator: str, reason: str) -> None:
        self._tell.gate_refused(NoOpenReason.NO_CHANNEL)

    def reported(self) -> None:
        pass

    def tick(self) -> None:
        pass

    def due_in(self) -> float | None:
        return None
