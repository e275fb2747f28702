"""Time as a collaborator, so expiry, debounce, pacing and backoff are testable.

One clock, two readings: `now()` is the wall clock (Unix seconds), what
events, passes and business days are measured in; `monotonic()` never goes
back when the wall clock is set, and is what intervals between frames,
debounce windows and retry waits are measured in. Tests pass a fake that
moves only when told. Waits that block a thread on a queue or a socket use
`time.monotonic` themselves: a fake clock cannot shorten a real wait.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Tells the time, on the wall and for intervals."""

    def now(self) -> float:
        """Unix time in seconds."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never go back (for intervals only)."""
        ...


class SystemClock:
    """The machine's clocks."""

    def now(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()


SYSTEM_CLOCK = SystemClock()
"""The machine's clocks, for a default argument (it holds no state)."""
