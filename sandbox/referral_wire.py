"""Doctor referrals on the wire (docs/api.yaml): the referral object, the resolution body."""

from __future__ import annotations

from typing import Any

from kiosk.referrals.values import NOTE_MAX, ReferralState
from kiosk.wiretime import format_time, parse_time, time_or_none
from sandbox.events import MAX_LABEL, OUTCOMES
from sandbox.problem import Problem
from sandbox.referrals import Applied, ReferralRecord, Resolution
from sandbox.wire import canonical_uuid, is_bin, is_text

STATES = {"open": ReferralState.OPEN, "resolved": ReferralState.RESOLVED, "all": None}


def referral_json(referral: ReferralRecord) -> dict[str, Any]:
    """The referral object; `iin` is raw: only the venue's own devices may be shown it."""
    resolved_by = None
    if (
        referral.resolved_by_entrance is not None
        or referral.resolved_by_desk is not None
        or referral.resolved_by_venue is not None
    ):
        resolved_by = {
            "venue": referral.resolved_by_venue,
            "entrance": referral.resolved_by_entrance,
            "desk": referral.resolved_by_desk,
        }
    return {
        "id": referral.id,
        "venue": referral.venue_bin,
        "ticket": referral.ticket,
        "state": referral.state.value,
        "iin": referral.iin,
        "masked_id": referral.masked_id,
        "name": referral.name,
        "status_shown": referral.status_shown,
        "provenance": referral.provenance,
        "reason": referral.reason,
        "note": referral.note,
        "entrance": referral.entrance,
        "desk": referral.desk,
        "opened_at": format_time(referral.opened_at),
        "check_in": referral.check_in,
        "outcome": referral.outcome,
        "resolution_note": referral.resolution_note,
        "resolved_at": time_or_none(referral.resolved_at),
        "resolved_by": resolved_by,
        "valid_until": time_or_none(referral.valid_until),
    }


def referral_key(text: str) -> str:
    """The canonical id from a path; a text that is no UUID names no referral (404)."""
    key = canonical_uuid(text)
    if key is None:
        raise unknown_referral()
    return key


def unknown_referral() -> Problem:
    return Problem(404, "the service holds no referral with this id", code="unknown_referral")


def other_venue() -> Problem:
    return Problem(403, "this device belongs to another venue", code=Applied.WRONG_VENUE.value)


_REFUSALS = {
    Applied.NOT_A_DOCTOR: (403, "only a doctor room of the referral's venue may resolve it"),
    Applied.WRONG_VENUE: (403, "the referral belongs to another venue than this device"),
    Applied.IN_FUTURE: (422, "resolved_at is ahead of the service's clock (past the skew)"),
    Applied.BEFORE_OPENED: (422, "resolved_at is before the referral was opened"),
}


def refused_resolution(applied: Applied) -> Problem:
    """The problem for a resolution the rules refuse (403 who, 422 when)."""
    status, detail = _REFUSALS.get(applied, (409, applied.value))
    return Problem(status, detail, code=applied.value)


def already_resolved(winner: ReferralRecord) -> Problem:
    """409, saying how the referral was resolved and carrying it (extension member `referral`)."""
    when = "at an unknown time" if winner.resolved_at is None else format_time(winner.resolved_at)
    detail = f"the referral was resolved already by another resolution: {winner.outcome}, {when}"
    return Problem(409, detail, code="already_resolved", extra={"referral": referral_json(winner)})


def parse_resolution(referral_id: str, body: dict[str, Any], now: float) -> Resolution:
    """The resolution a request body asks for; a 400 problem naming the first bad field."""
    key = canonical_uuid(body.get("id"))
    if key is None:
        raise _bad("id must be this resolution's UUID (its idempotency key)")
    outcome = body.get("outcome")
    if not (isinstance(outcome, str) and outcome in OUTCOMES):
        raise Problem(400, "outcome must be cleared or confirmed", code="bad_outcome")
    note = body.get("note")
    if not is_text(note, low=0, high=NOTE_MAX):
        raise _bad(f"note must be a text of at most {NOTE_MAX} characters (may be empty)")
    assert isinstance(note, str)
    resolved_at = now
    if body.get("resolved_at") is not None:
        parsed = parse_time(body["resolved_at"])
        if parsed is None:
            raise _bad("resolved_at must be an RFC 3339 time")
        resolved_at = parsed
    venue_bin = body.get("venue_bin")
    if venue_bin is not None and not is_bin(venue_bin):
        raise _bad("venue_bin is a BIN: 12 digits")
    labels = {name: body.get(name) for name in ("entrance", "desk")}
    for name, value in labels.items():
        if value is not None and not is_text(value, high=MAX_LABEL):
            raise _bad(f"{name} must be a text of 1 to {MAX_LABEL} characters")
    return Resolution(
        key, referral_id, outcome, note, resolved_at, venue_bin, labels["entrance"], labels["desk"]
    )


def parse_state(text: str | None) -> ReferralState | None:
    if text is None:
        return None
    if text not in STATES:
        raise Problem(400, "state must be open, resolved or all", code="bad_query")
    return STATES[text]


def parse_since(text: str | None) -> float | None:
    if text is None:
        return None
    since = parse_time(text)
    if since is None:
        raise Problem(400, "since must be an RFC 3339 time", code="bad_query")
    return since


def _bad(detail: str) -> Problem:
    return Problem(400, detail, code="bad_body")
