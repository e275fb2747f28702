"""Events the desk records and the outbox sends to the national service."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.service.wiretime import format_time


class EventType(StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    RED_REPORT = "red_report"
    REFERRAL_OPENED = "referral_opened"
    REFERRAL_RESOLVED = "referral_resolved"
    STAFF_OVERRIDE = "staff_override"


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

    def to_wire(self) -> dict[str, Any]:
        """The event as `POST /v1/events` carries it (docs/api.yaml)."""
        return {
            "id": self.id,
            "type": self.type.value,
            "venue_bin": self.desk.venue_bin,
            "entrance": self.desk.entrance,
            "desk": self.desk.desk,
            "occurred_at": format_time(self.occurred_at),
            "iin": self.iin,
            "data": dict(self.data),
        }
