"""The desk's own thread: inputs from any thread, handled one at a time in
arrival order, with ticks between them.

The desk controller (:mod:`kiosk.desk`) is a :class:`DeskLoop`: it queues
each input as a call and says what opening, ticking, going idle and ending
mean; the loop owns the thread, the queue and the barriers callers wait on.
A database that fails stops all recording: later inputs are dropped until
the desk is stopped.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from kiosk.news import DeskFailure
from kiosk.storage.errors import StoreError

_log = logging.getLogger(__name__)


class Marker(Protocol):
    def wait(self, timeout: float) -> bool: ...


class DeskLoop:
    """One thread running queued inputs. Every public method is thread-safe and
    returns at once (but the waits)."""

    def __init__(self, idle_tick: float) -> None:
        self._idle_tick = idle_tick
        self._inputs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self.failure: DeskFailure | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="desk", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Finish what was queued, then end (see :meth:`_end`). Idempotent. False:
        the desk had not finished within *timeout* (it is left to end)."""
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

    def _put(self, handler: Callable[..., None], *args: Any) -> None:
        self._inputs.put(lambda: handler(*args))

    # -- what the desk says (overridden) --------------------------------------------

    def _begin(self) -> None:
        """On the thread, before any input: open what the inputs need."""

    def _on_tick(self) -> None:
        """Between inputs, every `idle_tick` seconds of real time, and when due."""

    def _due_in(self) -> float | None:
        """Seconds until something needs a tick sooner than the next one (a wait
        that ends: a gate's passage time-out); None: nothing."""
        return None

    def _after_input(self) -> None:
        """After each input handled."""

    def _idle(self) -> None:
        """Nothing more is queued (and before a barrier): tell what waited."""

    def _failed(self, failure: DeskFailure) -> None:
        """The database failed: nothing more will be recorded."""

    def _end(self) -> None:
        """On the thread, after the last input."""

    # -- the thread ------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._begin()
        except StoreError as exc:
            self._fail(exc)
        finally:
            self._ready.set()
        next_tick = time.monotonic() + self._idle_tick
        while True:
            # Ticks come between inputs too: a steady stream (scans, sync reports)
            # must not hold up time-outs and file checks.
            try:
                wait = next_tick - time.monotonic()
                due = self._due_in() if self.failure is None else None
                wait = wait if due is None else min(wait, due)
                item = self._inputs.get(timeout=wait) if wait > 0 else self._on_tick
            except queue.Empty:
                item = self._on_tick
            if item == self._on_tick:
                next_tick = time.monotonic() + self._idle_tick
            if item is None:
                break
            if self.failure is not None:  # nothing more is recorded; wait to be stopped
                if isinstance(item, _Barrier):
                    item()
                continue
            try:
                if isinstance(item, _Barrier):
                    self._idle()  # a caller waiting on a flush sees it all
                item()
                self._after_input()
                if self._inputs.empty():
                    self._idle()
            except StoreError as exc:
                self._fail(exc)
            except Exception:  # a bug must not take the desk down with it
                _log.exception("the desk failed to handle an input")
        self._end()

    def _fail(self, exc: StoreError) -> None:
        self.failure = DeskFailure(exc.problem, str(exc))
        self._failed(self.failure)


class _Barrier:
    """An input that only tells a waiting caller that everything before it is done."""

    def __init__(self) -> None:
        self._done = threading.Event()

    def __call__(self) -> None:
        self._done.set()

    def wait(self, timeout: float) -> bool:
        return self._done.wait(timeout)
