"""The one retry schedule of the domain: exponential backoff with jitter,
and the one cap on a service's `Retry-After`."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

MAX_RETRY_AFTER = 3600.0
"""The longest wait a service's `Retry-After` can impose (seconds): a
misconfigured proxy asking for a day must not silence a desk for a day."""


@dataclass
class Backoff:
    """Exponential backoff with jitter; `Retry-After` wins when the service sends it."""

    base: float = 1.0
    cap: float = 300.0
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        self.failures += 1
        if retry_after is not None:
            return cap_retry_after(retry_after)
        ceiling = min(self.cap, self.base * 2.0 ** min(self.failures - 1, 30))
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)

    def reset(self) -> None:
        self.failures = 0


def cap_retry_after(seconds: float) -> float:
    """A `Retry-After` wait held between 0 and :data:`MAX_RETRY_AFTER`."""
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)
