"""Validation of the events a kiosk uploads: each one stored, or rejected with a reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.decision import Direction
from kiosk.iin import InvalidIin, parse_iin
from kiosk.referrals.values import NOTE_MAX, ReferralOutcome, ReferralReason
from kiosk.status import Provenance, Status
from kiosk.wiretime import parse_time
from sandbox.wire import canonical_uuid, is_bin, is_text

MAX_BATCH = 500
MAX_LABEL = 64
MAX_TICKET = 16

EVENT_TYPES = frozenset(
    {
        "check_in",
        "check_out",
        "red_report",
        "referral_opened",
        "referral_resolved",
        "staff_override",
        "entry_annulled",
        "exit_annulled",
        "gate_opened",
    }
)
METHODS = frozenset({"camera", "scanner", "manual"})
PROVENANCES = frozenset(p.value for p in Provenance)
STATUSES = frozenset(s.value for s in Status)
# The kiosk's own words, so the two sides cannot drift.
REFERRAL_REASONS = frozenset(r.value for r in ReferralReason)
OUTCOMES = frozenset(o.value for o in ReferralOutcome)
DIRECTIONS = frozenset(d.value for d in Direction)
# An annulment names the event it annuls: a check-in (entry) or a check-out (exit).
ANNULLED = {"entry_annulled": "check_in", "exit_annulled": "check_out"}
_REQUIRED = ("id", "type", "venue_bin", "entrance", "desk", "occurred_at", "iin", "data")
_CHECK_IN_DATA = ("decision", "status", "provenance", "method")
_OPENED_DATA = ("referral_id", "ticket", "status_shown", "provenance", "reason", "masked_id")
_RESOLVED_DATA = ("referral_id", "outcome", "note")
_GATE_OPENED_DATA = ("direction", "operator", "reason")


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
    shown_id = raw_id if is_text(raw_id, low=0, high=64) else None
    # Read once: the checks and the stored event use the same values.
    key = canonical_uuid(raw_id)
    occurred_at = parse_time(raw.get("occurred_at"))
    reason = _problem(raw, key, occurred_at)
    if reason is not None:
        return Rejection(index, shown_id, reason)
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


def _problem(raw: dict[str, Any], key: str | None, occurred_at: float | None) -> str | None:
    for name in _REQUIRED:
        if name not in raw:
            return f"missing_field:{name}"
    if key is None:
        return "bad_id"
    if not _one_of(raw["type"], EVENT_TYPES):
        return "bad_type"
    if not is_bin(raw["venue_bin"]):
        return "bad_venue_bin"
    for name in ("entrance", "desk"):
        value = raw[name]
        if not is_text(value, high=MAX_LABEL):
            return f"bad_field:{name}"
    if occurred_at is None:
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
    if raw["type"] == "referral_opened":
        # the doctor must know whom the desk sent, and the service must be able to tell
        return "missing_field:iin" if iin is None else _referral_opened_problem(data)
    if raw["type"] == "referral_resolved":
        return _referral_resolved_problem(data)
    if raw["type"] in ANNULLED:
        return _annulled_problem(data, ANNULLED[raw["type"]])
    if raw["type"] == "gate_opened":
        return _gate_opened_problem(data)
    return None


def _check_in_problem(data: dict[str, Any]) -> str | None:
    missing = _missing(data, _CHECK_IN_DATA)
    if missing is not None:
        return missing
    decision = data["decision"]
    if not is_text(decision, high=MAX_LABEL):
        return "bad_field:data.decision"
    if data["status"] is not None and not _one_of(data["status"], STATUSES):
        return "bad_field:data.status"
    if not _one_of(data["provenance"], PROVENANCES):
        return "bad_field:data.provenance"
    if not _one_of(data["method"], METHODS):
        return "bad_field:data.method"
    return None


def _referral_opened_problem(data: dict[str, Any]) -> str | None:
    missing = _missing(data, _OPENED_DATA)
    if missing is not None:
        return missing
    checks = (
        ("referral_id", canonical_uuid(data["referral_id"]) is not None),
        ("ticket", is_text(data["ticket"], high=MAX_TICKET)),
        ("status_shown", data["status_shown"] is None or _one_of(data["status_shown"], STATUSES)),
        ("provenance", _one_of(data["provenance"], PROVENANCES)),
        ("reason", _one_of(data["reason"], REFERRAL_REASONS)),
        ("masked_id", is_text(data["masked_id"], high=MAX_LABEL)),
        ("note", _absent_or(data, "note", lambda v: is_text(v, low=0, high=NOTE_MAX))),
        ("name", _absent_or(data, "name", lambda v: is_text(v, high=MAX_LABEL))),
        ("check_in", _absent_or(data, "check_in", lambda v: canonical_uuid(v) is not None)),
    )
    return _first_bad(checks)


def _referral_resolved_problem(data: dict[str, Any]) -> str | None:
    missing = _missing(data, _RESOLVED_DATA)
    if missing is not None:
        return missing
    checks = (
        ("referral_id", canonical_uuid(data["referral_id"]) is not None),
        ("outcome", _one_of(data["outcome"], OUTCOMES)),
        ("note", is_text(data["note"], low=0, high=NOTE_MAX)),
        ("ticket", _absent_or(data, "ticket", lambda v: is_text(v, high=MAX_TICKET))),
    )
    return _first_bad(checks)


def _annulled_problem(data: dict[str, Any], name: str) -> str | None:
    if name not in data:
        return f"missing_field:data.{name}"
    return None if canonical_uuid(data[name]) is not None else f"bad_field:data.{name}"


def _gate_opened_problem(data: dict[str, Any]) -> str | None:
    missing = _missing(data, _GATE_OPENED_DATA)
    if missing is not None:
        return missing
    checks = (
        ("direction", _one_of(data["direction"], DIRECTIONS)),
        ("operator", is_text(data["operator"], high=MAX_LABEL)),
        ("reason", is_text(data["reason"], high=NOTE_MAX)),
    )
    return _first_bad(checks)


def _missing(data: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name not in data:
            return f"missing_field:data.{name}"
    return None


def _absent_or(data: dict[str, Any], name: str, check: Callable[[object], bool]) -> bool:
    """An optional field: absent or null, else it must pass *check*."""
    return data.get(name) is None or check(data[name])


def _first_bad(checks: tuple[tuple[str, bool], ...]) -> str | None:
    return next((f"bad_field:data.{name}" for name, good in checks if not good), None)


def _one_of(value: object, allowed: frozenset[str]) -> bool:
    # isinstance first: a list or an object from the JSON is not hashable
    return isinstance(value, str) and value in allowed
