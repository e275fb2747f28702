"""Times of day as every screen writes them, on this PC's clock or the venue's;
how a visitor is named."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from ui.wording import clock_time, venue_time, who

MOMENT = dt.datetime(2021, 3, 4, 14, 5, 9).timestamp()  # this PC's 14:05:09


def test_a_time_on_this_pcs_clock() -> None:
    assert clock_time(MOMENT) == "14:05"
    assert clock_time(MOMENT, seconds=True) == "14:05:09"
    assert clock_time(None) == "" and clock_time(None, missing="—") == "—"
    assert clock_time(0.0, missing="—") == "—", "a time the desk did not know"


class Aqtobe:
    """A day report's clock, at UTC+5 whatever this PC's zone."""

    def local(self, at: float) -> dt.datetime:
        zone = ZoneInfo("Asia/Aqtobe")
        return dt.datetime.fromtimestamp(at, tz=zone).astimezone(zone)


def test_a_time_on_the_venues_clock() -> None:
    report: Any = Aqtobe()
    moment = dt.datetime(2021, 3, 4, 9, 5, 9, tzinfo=dt.UTC).timestamp()
    assert venue_time(report, moment) == "14:05"
    assert venue_time(report, None) == ""


def test_a_visitor_is_named_by_the_pass_else_by_the_masked_iin() -> None:
    assert who(SimpleNamespace(name="Aigerim S.", masked_id="••••••••1201")) == "Aigerim S."
    assert who(SimpleNamespace(name=None, masked_id="••••••••1201")) == "••••••••1201"
    assert who(SimpleNamespace(name="", masked_id=None)) == ""
