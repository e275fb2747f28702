"""The demo's clock: a venue's day, from opening to now, told in a few minutes.

With the machine's clock every visit of the demo falls within the same
minute, and the dashboard's chart of people inside is a single spike. This
clock starts at the venue's opening and runs at the machine's pace; between
scenes the script moves it on (:meth:`DemoDay.later`), so the visits spread
over the day as a desk's do. It is the one `Clock` of everything the demo
runs (the desks and the embedded service), so passes, repeats, the
dashboard and the service's answers all agree on the time.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

MIN_DAY_S = 4 * 3600.0
"""A day shorter than this (the demo run early in the morning) is told as yesterday's."""

FULL_DAY_S = 12 * 3600.0
"""Yesterday's day: opening to this much later (or closing, if earlier)."""

CLOSING_MARGIN_S = 30 * 60.0
"""The day told ends this long before closing: the close-out is not part of the story."""


@dataclass(frozen=True)
class DayWindow:
    """The stretch of a business day the demo tells (Unix seconds)."""

    start: float
    end: float


def day_window(
    opening: dt.time, closing: dt.time | None, zone: dt.tzinfo | None, *, now: float
) -> DayWindow:
    """Today's opening to now (to half an hour before closing, if it is past that);
    yesterday's day when today's so far is shorter than :data:`MIN_DAY_S`."""
    local_now = dt.datetime.fromtimestamp(now, zone).astimezone(zone)
    for days_back in (0, 1):
        date = local_now.date() - dt.timedelta(days=days_back)
        start = _at(date, opening, local_now.tzinfo)
        end = now if days_back == 0 else start + FULL_DAY_S
        if closing is not None:
            close = _at(date, closing, local_now.tzinfo)
            if close <= start:
                close += 24 * 3600.0  # a club open past midnight
            end = min(end, close - CLOSING_MARGIN_S)
        if end - start >= MIN_DAY_S:
            return DayWindow(start, end)
    return DayWindow(start, start + MIN_DAY_S)


def demo_day(sections: Mapping[str, Any]) -> DemoDay:
    """The clock of a demo whose desk has these settings' opening hours."""
    from config.build import timezone
    from config.settings import closing_time, parse_settings

    settings = parse_settings(dict(sections))
    opening = dt.time.fromisoformat(settings.hours.open)
    window = day_window(opening, closing_time(settings), timezone(settings), now=time.time())
    return DemoDay(window)


def _at(date: dt.date, time_of_day: dt.time, zone: dt.tzinfo | None) -> float:
    return dt.datetime.combine(date, time_of_day, tzinfo=zone).timestamp()


class DemoDay:
    """A `Clock` that starts at the window's start, runs at the machine's pace,
    and jumps forward when the script lets time pass. Never goes back.

    Read from every thread of the demo; moved from the screens' thread.
    """

    def __init__(self, window: DayWindow, *, pace: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self._pace = pace
        self._began = pace()
        self._skipped = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self.window.start + self._skipped + (self._pace() - self._began)

    def later(self, share: float) -> None:
        """Move on to *share* (0..1) of the way through the day, unless already past it."""
        target = self.window.start + share * (self.window.end - self.window.start)
        with self._lock:
            ahead = target - (self.window.start + self._skipped + (self._pace() - self._began))
            if ahead > 0:
                self._skipped += ahead

    def skip(self, seconds: float) -> None:
        """Move on by *seconds*."""
        with self._lock:
            self._skipped += max(0.0, seconds)

    def monotonic(self) -> float:
        """Intervals pass at the machine's pace (a skip moves the day, not them)."""
        return self._pace()
