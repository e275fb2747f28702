"""The one retry schedule: exponential backoff, with jitter where many clients
retry one service, and the one cap on a service's `Retry-After`.

The desk's outbox sync retries the national service from 1 s up to 5 min,
with jitter; a camera, a serial scanner and a gate are reopened from 0.2 s
up to 1 s, without (one device, one desk).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

MAX_RETRY_AFTER = 3600.0
"""The longest wait a service's `Retry-After` can impose (seconds): a
misconfigured proxy asking for a day must not silence a desk for a day."""


@dataclass(frozen=True, slots=True)
class BackoffPolicy:
    """The shape of a schedule: the first wait ``initial_s``, growing by
    ``factor`` after each failure, capped at ``max_s``.

    With ``jitter``, each wait is drawn from the upper half of that span, so
    that desks which lost the service together do not knock together again.
    The cap bounds how long a returning device waits for the next attempt:
    with the default 1 s cap and a fast open, scanning resumes within ~1-2 s
    of a camera being plugged back in.
    """

    initial_s: float = 0.2
    max_s: float = 1.0
    factor: float = 2.0
    jitter: bool = False

    def __post_init__(self) -> None:
        if self.initial_s <= 0 or self.max_s < self.initial_s or self.factor < 1:
            raise ValueError("backoff needs 0 < initial_s <= max_s and factor >= 1")


class Backoff:
    """The waits of one retry sequence; :meth:`reset` after a success.

    A `Retry-After` the service sent wins over the schedule (capped at
    :data:`MAX_RETRY_AFTER`).
    """

    def __init__(
        self, policy: BackoffPolicy | None = None, *, rng: random.Random | None = None
    ) -> None:
        self.policy = policy or BackoffPolicy()
        self._rng = rng or random.Random()
        self.failures = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        """Seconds to wait before the next attempt; grows until the cap."""
        self.failures += 1
        if retry_after is not None:
            return cap_retry_after(retry_after)
        policy = self.policy
        growth = policy.factor ** min(self.failures - 1, 30)
        ceiling = min(policy.max_s, policy.initial_s * growth)
        if not policy.jitter:
            return ceiling
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def reset(self) -> None:
        self.failures = 0


def cap_retry_after(seconds: float) -> float:
    """A `Retry-After` wait held between 0 and :data:`MAX_RETRY_AFTER`."""
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)
