"""Health statuses of the scheme and where a status came from."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """A person's health status as the national service knows it."""

    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"


class Provenance(StrEnum):
    """Where the status behind a decision came from."""

    PASS = "pass"
    LIVE = "live"
    CACHE = "cache"
    UNVERIFIED = "unverified"
    NONE = "none"
    DOCTOR = "doctor"  # the airport doctor cleared the passenger (a resolved referral)


def parse_status(value: object) -> Status | None:
    """The status named by *value*, or None when it names none."""
    if isinstance(value, str):
        try:
            return Status(value)
        except ValueError:
            return None
    return None
