"""Time as a dependency, and the retry schedule for devices that went away."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]
"""Monotonic seconds. The real one is :func:`time.monotonic`; tests pass a fake."""

monotonic: Clock = time.monotonic


@dataclass(frozen=True, slots=True)
class BackoffPolicy:
    """Exponential backoff: ``initial_s``, doubling, capped at ``max_s``.

    The cap bounds how long a returning device waits for the next attempt:
    with the default 1 s cap and a fast open, scanning resumes within ~1-2 s
    of a camera being plugged back in.
    """

    initial_s: float = 0.2
    max_s: float = 1.0
    factor: float = 2.0

    def __post_init__(self) -> None:
        if self.initial_s <= 0 or self.max_s < self.initial_s or self.factor < 1:
            raise ValueError("backoff needs 0 < initial_s <= max_s and factor >= 1")


class Backoff:
    """The delays of one retry sequence; :meth:`reset` after a success."""

    def __init__(self, policy: BackoffPolicy | None = None) -> None:
        self._policy = policy or BackoffPolicy()
        self._next = self._policy.initial_s

    def next_delay(self) -> float:
        """Seconds to wait before the next attempt; grows until the cap."""
        delay = self._next
        self._next = min(self._policy.max_s, self._next * self._policy.factor)
        return delay

    def reset(self) -> None:
        self._next = self._policy.initial_s
