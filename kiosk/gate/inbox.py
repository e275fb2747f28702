"""Carries a gate driver's reports from its thread to the keeper's owner."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

from kiosk.gate.keeper import GateKeeper
from kiosk.gate.values import GateNews

_Report = Callable[[GateKeeper], tuple[GateNews, ...]]


class GateInbox:
    """The driver's :class:`~kiosk.gate.port.GateReports`, queued in arrival order.

    The driver calls the report methods from its thread; they only queue and
    call *nudge* (e.g. the desk's "gate reported" input, which then calls
    :meth:`deliver` on the desk's thread). A command-line owner without a
    queue of its own can :meth:`wait` instead.
    """

    def __init__(self, nudge: Callable[[], None] | None = None) -> None:
        self._nudge = nudge
        self._reports: deque[_Report] = deque()
        self._arrived = threading.Event()
        self._lock = threading.Lock()

    # -- GateReports (the driver's thread) ---------------------------------------

    def gate_linked(self, *, reachable: bool, detail: str | None) -> None:
        self._put(lambda k: k.gate_linked(reachable=reachable, detail=detail))

    def gate_pulsed(self, *, command: int, delivered: bool) -> None:
        self._put(lambda k: k.gate_pulsed(command=command, delivered=delivered))

    def gate_passed(self, *, exit: bool) -> None:
        self._put(lambda k: k.gate_passed(exit=exit))

    # -- the owner's thread --------------------------------------------------------

    def deliver(self, keeper: GateKeeper) -> tuple[GateNews, ...]:
        """Hand every queued report to *keeper*, in order; what it told."""
        with self._lock:
            reports = list(self._reports)
            self._reports.clear()
            self._arrived.clear()
        news: list[GateNews] = []
        for report in reports:
            news.extend(report(keeper))
        return tuple(news)

    def wait(self, timeout: float) -> bool:
        """Wait until a report is queued (True) or *timeout* seconds pass."""
        return self._arrived.wait(timeout)

    def _put(self, report: _Report) -> None:
        with self._lock:
            self._reports.append(report)
            self._arrived.set()
        if self._nudge is not None:
            self._nudge()
