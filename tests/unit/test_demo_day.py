"""The demo's clock: a day from the venue's opening, moved on by the script."""

from __future__ import annotations

import datetime as dt

import pytest

from app.demo_day import CLOSING_MARGIN_S, FULL_DAY_S, MIN_DAY_S, DayWindow, DemoDay, day_window

ALMATY = dt.timezone(dt.timedelta(hours=5))
OPEN = dt.time(8, 0)


def at(day: int, hour: int, minute: int = 0) -> float:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=ALMATY).timestamp()


class Pace:
    """The machine's monotonic seconds, moved by hand."""

    def __init__(self) -> None:
        self.seconds = 500.0

    def __call__(self) -> float:
        return self.seconds


def test_the_day_runs_from_this_mornings_opening_to_now() -> None:
    window = day_window(OPEN, None, ALMATY, now=at(22, 19, 30))
    assert window == DayWindow(at(22, 8), at(22, 19, 30))


def test_it_ends_before_closing_so_the_close_out_is_not_part_of_it() -> None:
    window = day_window(OPEN, dt.time(22, 0), ALMATY, now=at(22, 23, 10))
    assert window == DayWindow(at(22, 8), at(22, 22) - CLOSING_MARGIN_S)


@pytest.mark.parametrize("hour", [3, 8, 11])
def test_early_in_the_day_it_tells_yesterdays(hour: int) -> None:
    window = day_window(OPEN, None, ALMATY, now=at(22, hour))
    assert window == DayWindow(at(21, 8), at(21, 8) + FULL_DAY_S)
    assert window.end - window.start >= MIN_DAY_S


def test_a_club_open_past_midnight_closes_the_next_day() -> None:
    window = day_window(dt.time(18, 0), dt.time(2, 0), ALMATY, now=at(22, 12))
    assert window == DayWindow(at(21, 18), at(22, 2) - CLOSING_MARGIN_S)


def test_the_clock_starts_at_the_opening_and_runs_at_the_machines_pace() -> None:
    pace = Pace()
    clock = DemoDay(DayWindow(at(22, 8), at(22, 20)), pace=pace)
    assert clock.now() == at(22, 8)
    pace.seconds += 2.5
    assert clock.now() == at(22, 8) + 2.5


def test_later_moves_on_through_the_day_and_never_back() -> None:
    pace = Pace()
    clock = DemoDay(DayWindow(at(22, 8), at(22, 20)), pace=pace)
    clock.later(0.5)
    assert clock.now() == at(22, 14)
    clock.later(0.25)  # already past: time does not go back
    assert clock.now() == at(22, 14)
    pace.seconds += 60
    clock.skip(120)
    assert clock.now() == at(22, 14, 3)
    clock.later(1.0)
    assert clock.now() == at(22, 20)
