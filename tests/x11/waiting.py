"""Waiting for another process: poll a condition until a deadline (there is
no signal to wait on across processes; the pause is short and bounded)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(predicate: Callable[[], T], timeout: float = 10.0, every: float = 0.05) -> T:
    """The first true value of *predicate*; AssertionError after *timeout* seconds.
    A LookupError from it (a widget not there yet) counts as not yet."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    last: Exception | None = None
    while True:
        try:
            value = predicate()
        except LookupError as exc:
            value, last = None, exc  # type: ignore[assignment]
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s" + (f": {last}" if last else ""))
        pause.wait(every)
