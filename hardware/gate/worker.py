"""The thread every gate driver runs on: pulses, passages and reconnection.

One worker owns the link to the gate. It takes pulse commands from a queue,
switches an output on and, `pulse_s` later, off again, polls the link for
passages between, and reconnects with capped backoff when the gate goes
away, the way the camera and the serial scanner do. It waits on its queue
until the next thing is due: no busy loop.

A pulse carries a deadline. A command that has not gone out by then is
dropped and reported, never sent later: the gate must not open for nobody.
When the link comes (back), every output is switched off first, so a relay
left on by a lost connection or a crash does not keep the gate free.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from hardware.gate.wiring import DriverReports, GateRefused, GateWiring, Link
from shared.backoff import Backoff
from shared.clock import SYSTEM_CLOCK, Clock

log = logging.getLogger(__name__)

LinkOpener = Callable[[], Link]
"""Connects to the gate; raises when it cannot."""

_MAX_WAIT_S = 1.0


@dataclass(frozen=True, slots=True)
class _Pulse:
    exit: bool
    command: int
    deadline: float


@dataclass(frozen=True, slots=True)
class _Passage:
    exit: bool


class GateWorker:
    """A gate driver's thread. Implements the domain's `Gate` port by its shape.

    *senses* tells which directions report passages (the link's inputs, or
    a callback that calls :meth:`note_passage`).
    """

    def __init__(
        self,
        name: str,
        wiring: GateWiring,
        open_link: LinkOpener,
        reports: DriverReports,
        *,
        senses: tuple[bool, bool] | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self._name = name
        self._wiring = wiring
        self._open_link = open_link
        self._reports = reports
        self._senses = senses or (wiring.entry_input >= 0, wiring.exit_input >= 0)
        self._clock = clock
        self._queue: queue.SimpleQueue[_Pulse | _Passage | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopped = False
        # Worker-thread state.
        self._link: Link | None = None
        self._reachable: bool | None = None
        self._backoff = Backoff(wiring.backoff)
        self._next_try = 0.0
        self._next_poll = 0.0
        self._waiting: list[_Pulse] = []
        self._on_until: dict[bool, float] = {}  # direction -> when its output goes off
        self._free_at: dict[bool, float] = {}  # direction -> when it may pulse again

    # -- the port (any thread) ---------------------------------------------------

    def opens(self, *, exit: bool) -> bool:
        return self._wiring.output(exit=exit) >= 0

    def senses(self, *, exit: bool) -> bool:
        return self._senses[1 if exit else 0]

    def pulse(self, *, exit: bool, command: int, within_s: float) -> None:
        if not self.opens(exit=exit):
            self._call(self._reports.gate_pulsed, command=command, delivered=False)
            return
        self._queue.put(_Pulse(exit, command, self._clock.monotonic() + within_s))

    def note_passage(self, *, exit: bool) -> None:
        """A passage reported from outside the link (an HTTP callback)."""
        self._queue.put(_Passage(exit))

    # -- life --------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                if self._stopped:
                    raise RuntimeError("a stopped gate does not restart; build a new one")
                return
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Switch the outputs off, close the link, end the thread. Idempotent."""
        with self._lock:
            first = not self._stopped
            self._stopped = True
            thread = self._thread
        if first:
            self._queue.put(None)
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    # -- the worker thread ---------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                now = self._clock.monotonic()
                self._drop_late(now)
                if self._link is None and now >= self._next_try:
                    self._connect()
                if self._link is not None:
                    self._serve()
                try:
                    item = self._queue.get(timeout=self._wait_s())
                except queue.Empty:
                    continue
                if item is None:
                    break
                self._take(item)
        finally:
            self._shut()

    def _take(self, item: _Pulse | _Passage) -> None:
        if isinstance(item, _Passage):
            self._call(self._reports.gate_passed, exit=item.exit)
            return
        self._waiting.append(item)
        if self._link is None:
            # Someone is waiting at the gate: try now rather than after the backoff.
            self._next_try = min(self._next_try, self._clock.monotonic())

    def _connect(self) -> None:
        try:
            link = self._open_link()
        except Exception as error:
            self._lost(None, error)
            return
        try:
            for exit_ in self._wiring.channels:
                link.switch(exit=exit_, on=False)
        except Exception as error:
            self._lost(link, error)
            return
        self._link = link
        self._on_until.clear()
        self._free_at.clear()
        self._backoff.reset()
        self._next_poll = 0.0
        self._linked(True, None)

    def _serve(self) -> None:
        link = self._link
        assert link is not None
        try:
            self._switch_off_due(link)
            self._start_waiting(link)
            if self._clock.monotonic() >= self._next_poll:
                passages = link.poll()
                self._next_poll = self._clock.monotonic() + link.poll_every_s
                for exit_ in passages:
                    self._call(self._reports.gate_passed, exit=exit_)
        except Exception as error:
            self._lost(link, error)

    def _switch_off_due(self, link: Link) -> None:
        for exit_, until in list(self._on_until.items()):
            if self._clock.monotonic() >= until:
                link.switch(exit=exit_, on=False)
                del self._on_until[exit_]
                self._free_at[exit_] = self._clock.monotonic() + self._wiring.gap_s

    def _start_waiting(self, link: Link) -> None:
        for pulse in list(self._waiting):
            free_at = self._free_at.get(pulse.exit, 0)
            busy = pulse.exit in self._on_until or self._clock.monotonic() < free_at
            if busy:
                continue  # behind an earlier pulse of the same output, if time allows
            self._waiting.remove(pulse)
            try:
                link.switch(exit=pulse.exit, on=True)
            except GateRefused as error:
                log.warning("gate %s refused a pulse: %s", self._name, error)
                self._call(self._reports.gate_pulsed, command=pulse.command, delivered=False)
                continue
            except Exception:
                self._call(self._reports.gate_pulsed, command=pulse.command, delivered=False)
                raise
            self._on_until[pulse.exit] = self._clock.monotonic() + self._wiring.pulse_s
            self._call(self._reports.gate_pulsed, command=pulse.command, delivered=True)

    def _drop_late(self, now: float) -> None:
        for pulse in [p for p in self._waiting if now >= p.deadline]:
            self._waiting.remove(pulse)
            log.info("gate %s: an open could not reach the gate in time; dropped", self._name)
            self._call(self._reports.gate_pulsed, command=pulse.command, delivered=False)

    def _lost(self, link: Link | None, error: Exception) -> None:
        if link is not None:
            _close(link)
        self._link = None
        self._on_until.clear()  # whatever was on is switched off when the link is back
        self._next_try = self._clock.monotonic() + self._backoff.next_delay()
        self._linked(False, _describe(error))

    def _wait_s(self) -> float:
        now = self._clock.monotonic()
        due = [now + _MAX_WAIT_S]
        due += [p.deadline for p in self._waiting]
        if self._link is None:
            due.append(self._next_try)
        else:
            due.append(self._next_poll)
            due += self._on_until.values()
            if self._waiting:
                due += self._free_at.values()
        return max(0.0, min(due) - now)

    def _shut(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            for exit_ in list(self._on_until):
                try:
                    link.switch(exit=exit_, on=False)
                except Exception as error:
                    log.warning("gate %s: could not switch off at stop: %s", self._name, error)
            _close(link)
        for pulse in self._waiting:
            self._call(self._reports.gate_pulsed, command=pulse.command, delivered=False)
        self._waiting.clear()

    def _linked(self, reachable: bool, detail: str | None) -> None:
        if reachable is self._reachable:
            return
        self._reachable = reachable
        if not reachable:
            log.info("gate %s unreachable: %s", self._name, detail)
        self._call(self._reports.gate_linked, reachable=reachable, detail=detail)

    def _call(self, report: Callable[..., None], **values: object) -> None:
        try:
            report(**values)
        except Exception:  # a listener's bug must not stop the gate
            log.exception("a gate report failed")


def _close(link: Link) -> None:
    try:
        link.close()
    except Exception as error:
        log.info("closing the gate link failed: %s", error)


def _describe(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "…"
