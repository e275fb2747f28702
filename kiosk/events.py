"""Events the desk records and the outbox sends to the national service."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class EventType(StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    RED_REPORT = "red_report"
    REFERRAL_OPENED = "referral_opened"
    REFERRAL_RESOLVED = "referral_resolved"
    STAFF_OVERRIDE = "staff_override"
    ENTRY_ANNULLED = "entry_annulled"  # nobody walked through the gate opened for a check-in
    EXIT_ANNULLED = "exit_annulled"  # … for a check-out
    GATE_OPENED = "gate_opened"  # staff opened the gate by hand


@dataclass(frozen=True)
class DeskIdentity:
    """Which desk of which venue an event happened at."""

    venue_bin: str
    entrance: str
    desk: str


@dataclass(frozen=True)
class NewEvent:
    """An event about to be recorded; it gets its UUID at creation."""

    type: EventType
    occurred_at: float
    data: Mapping[str, Any] = field(default_factory=dict)
    iin: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    subject: str | None = None
    """For an event without an IIN about a person (an annulment): the keyed hash
    the event it is about was recorded under, for the desk's own look-ups."""


@dataclass(frozen=True)
class StoredEvent:
    """An event as the outbox holds it."""

    seq: int
    id: str
    type: EventType
    occurred_at: float
    desk: DeskIdentity
    iin: str | None
    data: Mapping[str, Any]
    attempts: int = 0
    acked_at: float | None = None
    dead_reason: str | None = None
    subject: str | None = None
    """The person's keyed hash, as worked out when the event was recorded (None:
    no person, or the day's key was replaced since)."""
