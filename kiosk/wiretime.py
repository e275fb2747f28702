"""Times as the API and the command line's JSON write them: RFC 3339, UTC,
milliseconds.

Shared by the kiosk's client, its JSON lines and reports, and the sandbox, so
both ends write and read times the same way.
"""

from __future__ import annotations

import datetime as dt
import re

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})"
)


def format_time(unix: float) -> str:
    """Unix seconds as an RFC 3339 UTC time with milliseconds: 2026-11-22T03:10:00.123Z."""
    millis = round(unix * 1000)
    seconds, ms = divmod(millis, 1000)
    stamp = dt.datetime.fromtimestamp(seconds, dt.UTC)
    return f"{stamp:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z"


def time_or_none(unix: float | None) -> str | None:
    """:func:`format_time` of *unix*, or None for none.

    For the optional times of the kiosk's JSON reports and of the sandbox's
    answers (`sandbox.wire` re-exports it), so an absent time reads the same.
    """
    return None if unix is None else format_time(unix)


def parse_time(text: object) -> float | None:
    """Unix seconds of an RFC 3339 date-time (any offset), or None when it is not one."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    match = _RFC3339.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction, offset = match.group(7), match.group(8)
    if offset in ("Z", "z"):
        zone = dt.UTC
    else:
        sign = 1 if offset[0] == "+" else -1
        hours, minutes = int(offset[1:3]), int(offset[4:6])
        if hours > 23 or minutes > 59:
            return None
        zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    try:
        stamp = dt.datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
    return stamp.timestamp() + (float(fraction) if fraction else 0.0)
