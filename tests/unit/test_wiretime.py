"""Times on the wire: RFC 3339 UTC with milliseconds, the same at both ends."""

from __future__ import annotations

import pytest

from kiosk.wiretime import format_time, parse_time, time_or_none


def test_a_time_written_reads_back_to_the_millisecond() -> None:
    text = format_time(1_790_000_000.1234)
    assert text == "2026-09-21T14:13:20.123Z"
    assert parse_time(text) == pytest.approx(1_790_000_000.123, abs=1e-6)


@pytest.mark.parametrize("unix", [0.0, 1_790_000_000.5])
def test_an_optional_time_is_the_time_or_none(unix: float) -> None:
    assert time_or_none(unix) == format_time(unix)
    assert time_or_none(None) is None
