"""The gate keeper: when the gate opens, and what a passage (or none) means.

The rule: the gate opens for a recorded, admitted entry, and for a recorded
exit where the gate has an exit channel; never for a denial, a repeat, a
doctor-room look-up or a question staff have not answered. Staff may open it
by hand, saying who and why. An open that cannot reach the gate within
`open_within_s` of the event is dropped by the driver, never sent later.

With a passage sensor on that channel, each open waits for a passage; one
that nobody uses within `passage_timeout_s` annuls its entry (or exit), but
only when the sensor was watched the whole time: while the gate is
unreachable nobody can tell, and the event stands. Without a sensor nothing
is annulled.

The keeper is plain logic with an injected clock and no thread: one owner
(the desk's thread) calls every method, and each returns what happened as
values. The driver's reports come from the driver's thread, so they reach
the keeper through a :class:`kiosk.gate.inbox.GateInbox` that the owner
empties on its own thread; the keeper needs no lock, and the order in which
it sees inputs is the order the owner handles them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from kiosk.decision import Decision, Direction, Flag
from kiosk.gate.port import Gate
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
    OpenRequest,
    Passed,
    StaffOpen,
    Unconfirmed,
)
from shared.clock import Clock

_FORGET_PENDING_S = 60.0  # a driver that never reports on a command: stop waiting for it


@dataclass(frozen=True)
class GateRules:
    """The keeper's timings, in seconds."""

    passage_timeout_s: float = 8.0
    """An open nobody goes through within this time annuls its event (with a sensor)."""
    open_within_s: float = 2.0
    """An open that cannot reach the gate this long after its event is dropped."""
    settle_s: float = 1.0
    """Grace after the time-out, so a passage the driver has seen but not yet
    delivered (one poll, one I/O time-out) is not taken for nobody."""

    def __post_init__(self) -> None:
        if self.passage_timeout_s <= 0 or self.open_within_s <= 0 or self.settle_s < 0:
            raise ValueError("gate timings must be positive")


@dataclass
class _Watch:
    """An open waiting for its passage."""

    request: OpenRequest
    due: float  # by the monotonic clock: a wall clock set meanwhile annuls nothing
    blind: bool  # the gate was unreachable at some point: a missing passage proves nothing
    opened: bool = False


class GateKeeper:
    """Owns the gate's rules for one desk. Not thread-safe: one owner calls it all."""

    def __init__(self, gate: Gate, clock: Clock, rules: GateRules | None = None) -> None:
        self._gate = gate
        self._clock = clock
        self._rules = rules or GateRules()
        self._last_command = 0
        self._opened_for: dict[str, float] = {}  # event id -> its time: one open per event
        # Sent to the driver, no report yet; with when, by the monotonic clock (a
        # wall clock set meanwhile forgets none of them early).
        self._pending: dict[int, tuple[OpenRequest, float]] = {}
        self._watches: dict[Direction, deque[_Watch]] = {d: deque() for d in Direction}
        self._reachable: bool | None = None
        self._detail: str | None = None

    @property
    def rules(self) -> GateRules:
        return self._rules

    @property
    def state(self) -> GateState:
        return GateState(
            entry_channel=self._gate.opens(exit=False),
            exit_channel=self._gate.opens(exit=True),
            entry_sensor=self._gate.senses(exit=False),
            exit_sensor=self._gate.senses(exit=True),
            reachable=self._reachable,
            detail=self._detail,
            waiting=sum(len(q) for q in self._watches.values()),
        )

    # -- the desk's inputs ---------------------------------------------------------

    def entry_recorded(
        self, check_in_id: str, at: float, decision: Decision
    ) -> OpenRequest | NoOpen:
        """A check-in is on disk: open for an admitted entry.

        *at* is when it was recorded, by the desk's clock: for a staff answer,
        the answer's time (the check-in itself keeps the scan's). An entry
        recorded `open_within_s` or longer before this call is not opened for.
        """
        return self._for_event(Direction.ENTRY, check_in_id, at, decision)

    def exit_recorded(
        self, check_out_id: str, at: float, decision: Decision
    ) -> OpenRequest | NoOpen:
        """A check-out is on disk (*at*: when): open the exit channel, where there is one."""
        return self._for_event(Direction.EXIT, check_out_id, at, decision)

    def open_by_staff(
        self, direction: Direction, operator: str, reason: str
    ) -> OpenRequest | NoOpen:
        """Staff's "Open gate". The request's `staff` is what the desk records
        (`gate_opened`); its passage annuls nothing."""
        operator, reason = operator.strip(), reason.strip()
        if not operator:
            return NoOpen(NoOpenReason.NO_OPERATOR)
        if not reason:
            return NoOpen(NoOpenReason.NO_REASON)
        if not self._gate.opens(exit=direction is Direction.EXIT):
            return NoOpen(NoOpenReason.NO_CHANNEL)
        now = self._clock.now()
        return self._open(
            direction, now, self._rules.open_within_s, staff=StaffOpen(operator, reason)
        )

    def tick(self) -> tuple[GateNews, ...]:
        """Ends the waits that are over: annulments, and opens that annul nothing."""
        now, ticked = self._clock.now(), self._clock.monotonic()
        news: list[GateNews] = []
        for direction, waiting in self._watches.items():
            keep: deque[_Watch] = deque()
            for watch in waiting:
                if ticked < watch.due + self._rules.settle_s:
                    keep.append(watch)
                else:
                    news.append(self._ended(watch, now))
            self._watches[direction] = keep
        self._forget(now)
        return tuple(news)

    def due_at(self) -> float | None:
        """When :meth:`tick` next has something to end, by the clock's `monotonic()`
        (None: nothing waits)."""
        dues = [w.due for q in self._watches.values() for w in q]
        return min(dues) + self._rules.settle_s if dues else None

    # -- the driver's reports, handed over on the owner's thread -------------------

    def gate_linked(self, *, reachable: bool, detail: str | None = None) -> tuple[GateNews, ...]:
        now = self._clock.now()
        before = self._reachable
        self._reachable = reachable
        self._detail = None if reachable else detail
        if not reachable:
            for waiting in self._watches.values():
                for watch in waiting:
                    watch.blind = True
            return () if before is False else (GateUnreachable(detail, now),)
        return () if before is True else (GateReachable(now),)

    def gate_pulsed(self, *, command: int, delivered: bool) -> tuple[GateNews, ...]:
        pending = self._pending.pop(command, None)
        if pending is None:
            return ()
        request = pending[0]
        now = self._clock.now()
        if not delivered:
            return (OpenDropped(request, now),)
        for watch in self._watches[request.direction]:
            if watch.request is request:
                # The visitor's time to walk through starts when the gate opened.
                watch.due = self._clock.monotonic() + self._rules.passage_timeout_s
                watch.opened = True
        return (Opened(request, now),)

    def gate_passed(self, *, exit: bool) -> tuple[GateNews, ...]:
        direction = Direction.EXIT if exit else Direction.ENTRY
        now = self._clock.now()
        waiting = self._watches[direction]
        # One passage per open, oldest first; an open the gate took before one it did not.
        watch = next((w for w in waiting if w.opened), waiting[0] if waiting else None)
        if watch is None:
            return (Passed(direction, now),)
        waiting.remove(watch)
        return (Passed(direction, now, watch.request),)

    # -- steps ---------------------------------------------------------------------

    def _for_event(
        self, direction: Direction, event_id: str, at: float, decision: Decision
    ) -> OpenRequest | NoOpen:
        now = self._clock.now()
        reason = self._why_not(direction, event_id, at, decision, now)
        if reason is not None:
            return NoOpen(reason)
        self._opened_for[event_id] = at
        remaining = self._rules.open_within_s - max(0.0, now - at)
        return self._open(direction, now, remaining, event_id=event_id)

    def _why_not(
        self, direction: Direction, event_id: str, at: float, decision: Decision, now: float
    ) -> NoOpenReason | None:
        if decision.repeat:
            return NoOpenReason.REPEAT
        if Flag.LOOKUP_ONLY in decision.flags:
            return NoOpenReason.LOOKUP_ONLY
        if decision.awaiting_staff:
            return NoOpenReason.AWAITING_STAFF
        if not decision.admitted:
            return NoOpenReason.NOT_ADMITTED
        if decision.direction is not direction:
            return NoOpenReason.WRONG_DIRECTION
        if not event_id or event_id not in decision.event_ids:
            return NoOpenReason.NOT_RECORDED
        if event_id in self._opened_for:
            return NoOpenReason.ALREADY_OPENED
        if not self._gate.opens(exit=direction is Direction.EXIT):
            return NoOpenReason.NO_CHANNEL
        if now - at >= self._rules.open_within_s:
            return NoOpenReason.LATE
        return None

    def _open(
        self,
        direction: Direction,
        now: float,
        within_s: float,
        *,
        event_id: str | None = None,
        staff: StaffOpen | None = None,
    ) -> OpenRequest:
        self._last_command += 1
        request = OpenRequest(self._last_command, direction, now, event_id, staff)
        self._pending[request.command] = (request, self._clock.monotonic())
        exit_ = direction is Direction.EXIT
        if self._gate.senses(exit=exit_):
            due = self._clock.monotonic() + self._rules.passage_timeout_s
            self._watches[direction].append(_Watch(request, due, self._reachable is not True))
        self._gate.pulse(exit=exit_, command=request.command, within_s=within_s)
        return request

    def _ended(self, watch: _Watch, now: float) -> Annulment | NoPassage:
        request = watch.request
        if watch.blind:
            return NoPassage(request, Unconfirmed.GATE_UNREACHABLE, now)
        if request.event_id is None:
            return NoPassage(request, Unconfirmed.STAFF_OPEN, now)
        return Annulment(request.direction, request.event_id, request, now)

    def _forget(self, now: float) -> None:
        # An event older than an open may take is refused as late anyway.
        horizon = now - self._rules.open_within_s
        for event_id in [e for e, at in self._opened_for.items() if at < horizon]:
            del self._opened_for[event_id]
        stale = self._clock.monotonic() - _FORGET_PENDING_S
        for command in [c for c, (_, sent) in self._pending.items() if sent < stale]:
            del self._pending[command]
