"""A check-in's rules: the scan worked out once, the status it is decided by,
what it records, a staff answer applied to it, a check-in shown again (while
the facts it rests on hold), and what an unverified check-in calls for when the
service later says the person is red."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from kiosk.codes import CodeKind, ParsedCode
from kiosk.decision import Decision, Direction, Flag, StaffInput
from kiosk.events import DeskIdentity, EventType, NewEvent, StoredEvent
from kiosk.passes import VisitorPass
from kiosk.policy import Outcome, Policy, Ruling, is_override
from kiosk.referrals.values import Referral, ReferralOutcome
from kiosk.service.lookup import LookupFailed, StatusFacts, StatusSource, VisitFacts
from kiosk.status import Provenance, Status, parse_status
from kiosk.storage.alerts import Alert, RetroactiveRed, raise_alert
from kiosk.storage.outbox import insert_events
from kiosk.storage.presence import Presence
from kiosk.storage.statuscache import CachedStatus, StatusCache
from kiosk.storage.store import Store
from kiosk.vocabulary import Method, StaffAnswer


def with_staff(pending: Decision, staff: StaffInput | None) -> Decision:
    """The decision with staff's Admit or Refuse applied (an override when it goes
    against the table)."""
    if staff is None:
        return pending
    policy_outcome = pending.policy_outcome or pending.outcome
    admit = staff.answer is StaffAnswer.ADMIT
    return replace(
        pending,
        outcome=Outcome.ADMIT if admit else Outcome.DENY,
        staff=staff,
        override=is_override(policy_outcome, staff.answer),
    )


def check_in_data(decision: Decision) -> dict[str, Any]:
    """The `data` of the check-in event a decision becomes (no raw IIN)."""
    data: dict[str, Any] = {
        "decision": decision.outcome.value,
        "status": value_of(decision.status),
        "provenance": decision.provenance.value,
        "method": decision.method.value,
        "masked_id": decision.masked_id,
        "flags": sorted(flag.value for flag in decision.flags),
    }
    if decision.referral_id is not None:
        data["referral"] = decision.referral_id
    if decision.presence is not None:
        data["presence"] = decision.presence.value
    if decision.status_age is not None:
        data["status_age_s"] = round(decision.status_age, 1)
    if decision.staff is not None:
        data["staff"] = {
            "answer": decision.staff.answer.value,
            "operator": decision.staff.operator,
            "reason": decision.staff.reason,
            "override": decision.override,
        }
    return data


@dataclass(frozen=True)
class Visitor:
    """The person a code names, worked out once per scan: the IIN, today's
    subject (its keyed hash) and the masked id that screens show."""

    iin: str
    subject: str
    masked_id: str


@dataclass(frozen=True)
class CodeRead(Visitor):
    """One code read, worked out once for the whole flow: the person, the moment
    (the clock's one reading for the decision), the code, and whether a verified
    pass carries a status still in force (then the service need not be asked)."""

    now: float
    parsed: ParsedCode
    pass_in_force: bool


@dataclass(frozen=True)
class Resolved:
    """A visit's status and where it came from (its age, from the cache)."""

    status: Status | None
    provenance: Provenance
    age: float | None = None
    valid_until: float | None = None


def resolve_status(
    scan: CodeRead,
    flags: set[Flag],
    source: StatusSource | None,
    cache: StatusCache,
    cache_max_age: float,
    visit: VisitFacts | None = None,
) -> Resolved:
    """The status a visit is decided by: a verified pass's while it holds, else
    the service's (asked with the venue's presence when *visit* is given, or
    now, within the look-up's deadline), else today's cached one if fresh and
    in force, else none (unverified). Notes a pass whose status ran out."""
    now, visitor_pass = scan.now, scan.parsed.visitor_pass
    if scan.pass_in_force and visitor_pass is not None:
        until = visitor_pass.status_valid_until
        return Resolved(visitor_pass.status, Provenance.PASS, valid_until=until)
    if visitor_pass is not None:
        flags.add(Flag.STATUS_EXPIRED_IN_PASS)
    if scan.parsed.kind is CodeKind.UNVERIFIED_PASS:
        return Resolved(None, Provenance.UNVERIFIED)  # its status is not proven
    facts: StatusFacts | None = None
    if visit is not None:
        facts = visit.status  # asked with the presence; no second try past the deadline
    elif source is not None:
        with contextlib.suppress(LookupFailed):  # no answer: the cache, else unverified
            facts = source.lookup(scan.iin)
    if facts is not None:
        return Resolved(facts.status, Provenance.LIVE, valid_until=facts.valid_until)
    cached = cache.get(scan.subject)
    if cached is not None:
        age = now - cached.checked_at
        fresh = age <= cache_max_age
        in_force = cached.valid_until is None or cached.valid_until >= now
        if fresh and in_force:
            return Resolved(cached.status, Provenance.CACHE, max(age, 0.0), cached.valid_until)
    return Resolved(None, Provenance.UNVERIFIED)


def status_in_pass(visitor_pass: VisitorPass | None, now: float) -> bool:
    """Whether a verified pass carries a status still in force: then it is the status,
    and the service need not be asked."""
    if visitor_pass is None:
        return False
    until = visitor_pass.status_valid_until
    return until is None or until >= now


def shown_again(
    store: Store,
    desk: DeskIdentity,
    policy: Policy,
    visitor: Visitor,
    method: Method,
    since: float,
) -> Decision | None:
    """The person's last check-in or check-out at *desk* since *since*, as a
    `repeat` decision; None when there is none (or nobody answered it, or the
    gate annulled it: nobody walked through)."""
    rows = store.query(
        "SELECT id, type, occurred_at, data FROM outbox WHERE subject = ? "
        "AND occurred_at >= ? AND type IN ('check_in', 'check_out', 'entry_annulled', "
        "'exit_annulled') AND venue_bin = ? AND entrance = ? AND desk = ? "
        "ORDER BY occurred_at DESC, seq DESC LIMIT 1",
        (visitor.subject, since, desk.venue_bin, desk.entrance, desk.desk),
    )
    if not rows or rows[0]["type"] not in (EventType.CHECK_IN, EventType.CHECK_OUT):
        return None
    row = rows[0]
    data: dict[str, Any] = json.loads(str(row["data"]))
    outcome = Outcome(data.get("decision", Outcome.ADMIT.value))
    if outcome is Outcome.ASK_STAFF:
        return None  # nobody answered last time: ask again
    status = parse_status(data.get("status"))
    exit_ = row["type"] == EventType.CHECK_OUT.value
    ruling = policy.for_status(status) if status else Ruling(outcome)
    flags = {Flag(f) for f in data.get("flags", []) if f in Flag.__members__.values()}
    age = data.get("status_age_s")
    referral = data.get("referral")
    doctor_said = isinstance(referral, str) or Flag.DOCTOR_CONFIRMED in flags
    return Decision(
        outcome=outcome,
        direction=Direction.EXIT if exit_ else Direction.ENTRY,
        method=method,
        decided_at=float(str(row["occurred_at"])),
        status=status,
        provenance=Provenance(data.get("provenance", Provenance.NONE.value)),
        status_age=float(age) if isinstance(age, int | float) else None,
        masked_id=visitor.masked_id,
        offer_referral=ruling.offer_referral and not exit_ and not doctor_said,
        flags=frozenset({*flags, Flag.REPEAT}),
        occupancy=Presence(store).count(),
        iin=visitor.iin,
        repeat_of=str(row["id"]),
        referral_id=referral if isinstance(referral, str) else None,
    )


def value_of(item: StrEnum | None) -> str | None:
    """An enum as event data stores it (None stays None)."""
    return item.value if item is not None else None


@dataclass(frozen=True)
class Facts:
    """What a decision about a person rests on, as the desk knows it now: the
    status the service last sent, the doctor's outcome that holds, and when the
    key list last changed (None: not this run)."""

    status: CachedStatus | None
    doctor: Referral | None
    keys_changed_at: float | None


_STATUS_ANSWERS = frozenset({Provenance.LIVE, Provenance.CACHE, Provenance.UNVERIFIED})


def still_holds(repeat: Decision, facts: Facts) -> bool:
    """Whether a `repeat` is still the answer: nothing it rests on changed since.

    A doctor's outcome that came (or ran out) since, a different status the
    service sent since (a pass's own status stands until it runs out), a key
    list fetched since an unverified answer: the person is decided again.
    An exit rests on none of these.
    """
    if repeat.direction is Direction.EXIT:
        return True
    since = repeat.decided_at
    status = facts.status
    if (
        repeat.provenance in _STATUS_ANSWERS
        and status is not None
        and status.checked_at > since
        and status.status is not repeat.status
    ):
        return False
    if repeat.outcome is not Outcome.ADMIT or repeat.referral_id is not None:
        doctor = facts.doctor
        cleared = doctor.id if doctor and doctor.outcome is ReferralOutcome.CLEARED else None
        confirmed = doctor is not None and cleared is None
        if (cleared, confirmed) != (repeat.referral_id, Flag.DOCTOR_CONFIRMED in repeat.flags):
            return False
    changed = facts.keys_changed_at
    return not (
        repeat.provenance is Provenance.UNVERIFIED and changed is not None and changed > since
    )


class FoundRed(StrEnum):
    """An unverified visit (decided offline) whose person the service later said
    is red: reported to the sanitary service either way."""

    ADMITTED = "admitted"  # let in: staff are alerted too (the person is inside)
    REFUSED = "refused"  # refused, or never answered: not let in


def found_red_later(
    conn: sqlite3.Connection, check_in: StoredEvent, status: Status, subject: str, now: float
) -> FoundRed | None:
    """The service told *status* for the person of *check_in* as it took the
    check-in. A visit decided without a verified status whose person is red gets
    its report to the sanitary service queued, inside the caller's transaction;
    a visitor who was let in raises a `retroactive_red` alert as well. None:
    nothing to do (a verified visit, or not red)."""
    data = check_in.data
    if (
        status is not Status.RED
        or check_in.type is not EventType.CHECK_IN
        or check_in.iin is None
        or data.get("provenance") != Provenance.UNVERIFIED.value
    ):
        return None
    report = NewEvent(
        EventType.RED_REPORT,
        now,
        {
            "check_in": check_in.id,
            "provenance": "retroactive",
            "checked_in_at": check_in.occurred_at,
        },
        check_in.iin,
    )
    insert_events(conn, [report], desk=check_in.desk, subject_of=lambda _: subject, now=now)
    if data.get("decision") != Outcome.ADMIT.value:
        return FoundRed.REFUSED
    alert = RetroactiveRed(
        check_in=check_in.id,
        masked_id=data.get("masked_id"),
        checked_in_at=check_in.occurred_at,
        decision=data.get("decision"),
        red_report=report.id,
    )
    raise_alert(conn, Alert(alert, now))
    return FoundRed.ADMITTED
