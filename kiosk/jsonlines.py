"""The one place where the desk's values become JSON lines (docs/architecture.md, section 2)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from kiosk.decision import Decision
from kiosk.gate.values import GateState, NoOpenReason, Opened, OpenRequest
from kiosk.news import GateClosed, StaffQuestion
from kiosk.referrals.values import Referral
from kiosk.storage.alerts import Alert, payload_to_json
from kiosk.wiretime import format_time, time_or_none


def decision_line(decision: Decision) -> dict[str, Any]:
    """A decision with its time; no raw IIN."""
    out = decision.to_json()
    out["at"] = format_time(decision.decided_at)
    return out


def question_line(question: StaffQuestion) -> dict[str, Any]:
    return {
        "question": question.id,
        "masked_id": question.decision.masked_id,
        "flags": sorted(flag.value for flag in question.decision.flags),
        "deadline": format_time(question.deadline),
    }


def alert_line(alert: Alert) -> dict[str, Any]:
    return {
        "alert": alert.kind.value,
        "id": alert.id,
        "at": format_time(alert.created_at),
        **payload_to_json(alert.payload),
    }


def gate_opened_line(opened: Opened) -> dict[str, Any]:
    """The gate took an open: one person may go through now."""
    return {"gate": "opened", **_request(opened.request), "at": format_time(opened.at)}


def gate_closed_line(closed: GateClosed) -> dict[str, Any]:
    """An open ended: `passed`, `annulled` (with the annulment event and whose),
    `no_passage` or `dropped`."""
    out = {"gate": closed.end.value, **_request(closed.request), "at": format_time(closed.at)}
    if closed.annulment is not None:
        out["annulment"] = closed.annulment
        out["masked_id"] = closed.masked_id
    return out


def gate_refused_line(reason: NoOpenReason) -> dict[str, Any]:
    """Staff's open opened nothing, and why."""
    return {"gate": "refused", "reason": reason.value}


def gate_link_line(state: GateState) -> dict[str, Any]:
    """The gate answers (`reachable`), or stopped answering (`unreachable`, why)."""
    if state.reachable:
        return {"gate": "reachable"}
    return {"gate": "unreachable", "detail": state.detail}


def _request(request: OpenRequest) -> dict[str, Any]:
    out: dict[str, Any] = {"direction": request.direction.value, "command": request.command}
    if request.event_id is not None:
        out["event_id"] = request.event_id
    if request.staff is not None:
        out["operator"] = request.staff.operator
        out["reason"] = request.staff.reason
    return out


def referral_line(referral: Referral) -> dict[str, Any]:
    """A referral as `referral list` prints it (no raw IIN; times RFC 3339)."""
    out: dict[str, Any] = {
        "ticket": referral.ticket,
        "id": referral.id,
        "state": referral.state.value,
        "outcome": _word(referral.outcome),
        "masked_id": referral.masked_id,
        "desk": f"{referral.entrance}/{referral.desk}",
        "opened": format_time(referral.opened_at),
        "reason": referral.reason.value,
        "note": referral.note,
        "status_shown": _word(referral.status_shown),
        "provenance": referral.provenance.value,
        "resolved": time_or_none(referral.resolved_at),
        "resolved_by": referral.resolved_by,
        "resolution_note": referral.resolution_note,
        "valid_until": time_or_none(referral.valid_until),
        "mine": referral.mine,
        "delivered": referral.delivered,
    }
    if referral.name:
        out["name"] = referral.name
    return out


def _word(value: Enum | None) -> Any:
    return None if value is None else value.value
