"""Validation of the events a kiosk uploads: each one stored, or rejected with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.iin import InvalidIin, parse_iin
from kiosk.status import Provenance, Status
from sandbox.wire import canonical_uuid, is_bin, parse_time

MAX_BATCH = 500
MAX_LABEL = 64

EVENT_TYPES = frozenset(
    {
        "check_in",
        "check_out",
        "red_report",
        "referral_opened",
        "referral_resolved",
        "staff_override",
    }
)
METHODS = frozenset({"camera", "scanner", "manual"})
PROVENANCES = frozenset(p.value for p in Provenance)
STATUSES = frozenset(s.value for s in Status)
_REQUIRED = ("id", "type", "venue_bin", "entrance", "desk", "occurred_at", "iin", "data")
_CHECK_IN_DATA = ("decision", "status", "provenance", "method")


@dataclass(frozen=True)
class ValidEvent:
    """An event that passed validation; `key` is its UUID in canonical form."""

    id: str
    key: str
    type: str
    venue_bin: str
    entrance: str
    desk: str
    occurred_at: float
    iin: str | None
    data: dict[str, Any]


@dataclass(frozen=True)
class Rejection:
    """Why the event at `index` of a batch was not stored."""

    index: int
    id: str | None
    reason: str


def validate_event(index: int, raw: object) -> ValidEvent | Rejection:
    """Check one event of a batch against the wire contract."""
    if not isinstance(raw, dict):
        return Rejection(index, None, "not_an_object")
    raw_id = raw.get("id")
    shown_id = raw_id if isinstance(raw_id, str) and len(raw_id) <= 64 else None
    reason = _problem(raw)
    if reason is not None:
        return Rejection(index, shown_id, reason)
    key = canonical_uuid(raw_id)
    occurred_at = parse_time(raw["occurred_at"])
    assert key is not None and occurred_at is not None and shown_id is not None  # checked
    return ValidEvent(
        id=shown_id,
        key=key,
        type=raw["type"],
        venue_bin=raw["venue_bin"],
        entrance=raw["entrance"],
        desk=raw["desk"],
        occurred_at=occurred_at,
        iin=raw["iin"],
        data=raw["data"],
    )


def _problem(raw: dict[str, Any]) -> str | None:
    for name in _REQUIRED:
        if name not in raw:
            return f"missing_field:{name}"
    if canonical_uuid(raw["id"]) is None:
        return "bad_id"
    if not _one_of(raw["type"], EVENT_TYPES):
        return "bad_type"
    if not is_bin(raw["venue_bin"]):
        return "bad_venue_bin"
    for name in ("entrance", "desk"):
        value = raw[name]
        if not isinstance(value, str) or not 0 < len(value) <= MAX_LABEL:
            return f"bad_field:{name}"
    if parse_time(raw["occurred_at"]) is None:
        return "bad_occurred_at"
    iin = raw["iin"]
    if iin is not None:
        if not isinstance(iin, str):
            return "bad_iin:not_a_string"
        try:
            parse_iin(iin)
        except InvalidIin as exc:
            return f"bad_iin:{exc.problem.value}"
    data = raw["data"]
    if not isinstance(data, dict):
        return "bad_field:data"
    if raw["type"] == "check_in":
        return _check_in_problem(data)
    return None


def _check_in_problem(data: dict[str, Any]) -> str | None:
    for name in _CHECK_IN_DATA:
        if name not in data:
            return f"missing_field:data.{name}"
    decision = data["decision"]
    if not isinstance(decision, str) or not 0 < len(decision) <= MAX_LABEL:
        return "bad_field:data.decision"
    if data["status"] is not None and not _one_of(data["status"], STATUSES):
        return "bad_field:data.status"
    if not _one_of(data["provenance"], PROVENANCES):
        return "bad_field:data.provenance"
    if not _one_of(data["method"], METHODS):
        return "bad_field:data.method"
    return None


def _one_of(value: object, allowed: frozenset[str]) -> bool:
    # isinstance first: a list or an object from the JSON is not hashable
    return isinstance(value, str) and value in allowed
