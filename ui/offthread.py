"""One call at a time on a worker thread, its answer delivered on the UI thread.

The dashboard's day and the desk-health checks read the database, the
network and the devices: never on the UI thread. :class:`OffThread` runs
the call on a short-lived thread of its own and hands the answer (or why
it failed) back through queued signals; the worker never touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class OffThread(QObject):
    """Signals: finished(object) — the call's answer; failed(str) — why it raised.

    Both arrive on the thread that owns this object (the UI thread), after
    the worker is done with the call.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._thread: threading.Thread | None = None
        # Connected first, so the thread is joined before anyone else hears the news.
        self.finished.connect(self._on_self_finished)
        self.failed.connect(self._on_self_finished)

    @property
    def busy(self) -> bool:
        """From :meth:`run` until its answer has been delivered."""
        return self._thread is not None

    def run(self, call: Callable[..., Any], *args: Any) -> bool:
        """Start *call* unless one is still running (then False: nothing started)."""
        if self.busy:
            return False
        self._thread = threading.Thread(
            target=self._work, args=(call, *args), name=self._name, daemon=True
        )
        self._thread.start()
        return True

    def stop(self, timeout: float = 5.0) -> None:
        """Wait for a call in progress to end (idempotent); the app calls it on quit."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    def _work(self, call: Callable[..., Any], *args: Any) -> None:
        try:
            answer = call(*args)
        except Exception as exc:  # said on screen by the owner, never a traceback
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.finished.emit(answer)

    def _on_self_finished(self, _: object) -> None:
        """The call that just reported is over: its thread ends with that signal."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(1.0)
