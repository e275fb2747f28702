"""Time as a collaborator, so expiry, debounce and backoff are testable."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Tells the current time."""

    def now(self) -> float:
        """Unix time in seconds."""
        ...


class SystemClock:
    """The machine's wall clock."""

    def now(self) -> float:
        return time.time()
