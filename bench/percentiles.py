"""The percentile every benchmark prints, computed one way."""

from __future__ import annotations

from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The *q*-th percentile (0-100) of *values*: the sorted value nearest to rank
    q % of the way from the smallest to the largest (no interpolation)."""
    if not values:
        raise ValueError("no values to take a percentile of")
    ordered = sorted(values)
    index = round(q / 100 * (len(ordered) - 1))
    return ordered[min(len(ordered) - 1, max(0, index))]
