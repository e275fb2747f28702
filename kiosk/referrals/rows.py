"""Referral rows as the kiosk's database holds them, and which ones are today's."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.dayend import BusinessDay
from kiosk.referrals.values import Referral, ReferralOutcome, ReferralReason
from kiosk.status import Provenance, parse_status
from kiosk.storage.store import float_or_none

WINDOW = 26 * 3600.0
"""How far back a first pull reaches, and how old an open (or still valid)
referral may be to count as current: a business day, with room for a
daylight-saving day and a referral opened just before the day's end."""

FIELDS = (
    "id, ticket, subject, masked_id, name, status_shown, provenance, reason, note, entrance, "
    "desk, opened_at, check_in, mine, opened_event, outcome, resolution_note, resolved_at, "
    "resolved_by, resolution_event, valid_until"
)
SELECT = (
    f"SELECT {FIELDS}, NOT EXISTS (SELECT 1 FROM outbox o WHERE o.acked_at IS NULL "
    "AND o.id IN (r.opened_event, r.resolution_event)) AS delivered FROM referrals r"
)
CURRENT = (
    "(r.opened_at >= :day_start OR (r.opened_at >= :window AND "
    "(r.outcome IS NULL OR r.valid_until IS NULL OR r.valid_until >= :now)))"
)
"""Today's referrals: opened since the business day began, or recent (opened
within WINDOW) and either open or with an outcome still in force. SQL over
the parameters of :func:`window`; :func:`is_current` is the same rule in
Python (change the two together)."""


def window(day: BusinessDay, now: float) -> dict[str, float]:
    """The parameters of CURRENT at *now*."""
    return {"day_start": day.last_end(now), "window": now - WINDOW, "now": now}


def is_current(
    params: Mapping[str, float], opened_at: float, outcome: object, valid_until: float | None
) -> bool:
    """CURRENT for a referral not in the database yet (a pulled one); *params*
    are :func:`window`'s."""
    if opened_at >= params["day_start"]:
        return True
    holds = outcome is None or valid_until is None or valid_until >= params["now"]
    return opened_at >= params["window"] and holds


NAMES = (*(name.strip() for name in FIELDS.split(",")), "delivered")


def row_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip(NAMES, row, strict=True))


def referral_of(row: dict[str, Any]) -> Referral:
    outcome = row["outcome"]
    return Referral(
        id=str(row["id"]),
        ticket=str(row["ticket"]),
        masked_id=row["masked_id"],
        name=row["name"],
        status_shown=parse_status(row["status_shown"]),
        provenance=provenance_of(row["provenance"]),
        reason=reason_of(row["reason"]),
        note=row["note"],
        entrance=str(row["entrance"]),
        desk=str(row["desk"]),
        opened_at=float(row["opened_at"]),
        outcome=ReferralOutcome(outcome) if outcome in _OUTCOMES else None,
        resolution_note=row["resolution_note"],
        resolved_at=float_or_none(row["resolved_at"]),
        resolved_by=row["resolved_by"],
        valid_until=float_or_none(row["valid_until"]),
        mine=bool(row["mine"]),
        delivered=bool(row["delivered"]),
        check_in=row["check_in"],
    )


_OUTCOMES = frozenset(o.value for o in ReferralOutcome)


def provenance_of(value: object) -> Provenance:
    try:
        return Provenance(str(value))
    except ValueError:
        return Provenance.NONE


def reason_of(value: object) -> ReferralReason:
    try:
        return ReferralReason(str(value))
    except ValueError:
        return ReferralReason.OTHER
