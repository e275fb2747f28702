"""Doctor referrals: the words and the value a desk and a doctor room share.

A boarding desk sends a passenger whose status is yellow, red, unverified
or disputed to the airport's doctor room with a short ticket (`G7-042`);
the doctor resolves the referral as `cleared` (may board) or `confirmed`
(the status stands), and the passenger's next scan at any desk of the
venue uses that outcome until it lapses (`valid_until`).

Storage is :mod:`kiosk.referrals.book`; the desk controller's side is
:mod:`kiosk.referrals.desk`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from kiosk.decision import Decision
from kiosk.policy import Outcome
from kiosk.status import Provenance, Status


class ReferralReason(StrEnum):
    """Why the desk sent the passenger to the doctor (the wire's words)."""

    STATUS_WRONG = "status_wrong"
    YELLOW = "yellow"
    RED = "red"
    UNVERIFIED = "unverified"
    OTHER = "other"


class ReferralState(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class ReferralOutcome(StrEnum):
    """The doctor's decision: `cleared` (may board) or `confirmed` (the status stands)."""

    CLEARED = "cleared"
    CONFIRMED = "confirmed"


class ReferralRefused(StrEnum):
    """Why a referral input changed nothing (a screen translates these)."""

    UNKNOWN_DECISION = "unknown_decision"  # not among this desk's recent decisions
    NO_IIN = "no_iin"  # the decision names nobody (an unreadable code)
    BAD_IIN = "bad_iin"  # a typed IIN that is not one
    NOTE_TOO_LONG = "note_too_long"  # over NOTE_MAX characters
    UNKNOWN_REFERRAL = "unknown_referral"  # this kiosk knows no such referral
    ALREADY_RESOLVED = "already_resolved"  # the first resolution wins


NOTE_MAX = 500
"""The longest note the service takes (the desk's and the doctor's)."""

RESOLUTION_LIFETIME = 12 * 3600.0
"""How long the service holds an outcome after the doctor's decision; a kiosk
uses it for a resolution of its own until the service's `valid_until` arrives,
and believes no `valid_until` further than this from the `resolved_at`."""

RESOLUTION_SKEW = 120.0
"""How far the service lets a resolution's time lie ahead of its own clock, or
before the referral's opening (two kiosks' clocks): the kiosks' default
clock-skew allowance."""

PREFIX_MAX = 8
"""The longest ticket prefix: with `-` and up to four digits a ticket fits the
service's 16 characters, and a passenger can still read it out."""


@dataclass(frozen=True)
class Referral:
    """A referral as this kiosk knows it (no raw IIN: `masked_id` and `name` only).

    `entrance`/`desk` opened it; `resolved_by` is the doctor kiosk's
    `"entrance/desk"`; `mine`: opened at this desk; `delivered`: the service
    has this kiosk's own part of it (its opening, its resolution). `state`
    follows from `outcome`.
    """

    id: str
    ticket: str
    masked_id: str | None
    name: str | None
    status_shown: Status | None
    provenance: Provenance
    reason: ReferralReason
    note: str | None
    entrance: str
    desk: str
    opened_at: float
    outcome: ReferralOutcome | None = None
    resolution_note: str | None = None
    resolved_at: float | None = None
    resolved_by: str | None = None
    valid_until: float | None = None
    mine: bool = False
    delivered: bool = False
    check_in: str | None = None
    """The check-in that led to the referral, when the desk knew it."""

    @property
    def state(self) -> ReferralState:
        return ReferralState.OPEN if self.outcome is None else ReferralState.RESOLVED


def suggested_reason(decision: Decision) -> ReferralReason:
    """The reason a screen offers first for *decision*."""
    if decision.status is Status.YELLOW:
        return ReferralReason.YELLOW
    if decision.status is Status.RED:
        return ReferralReason.RED
    if decision.status is None or decision.outcome is Outcome.ASK_STAFF:
        return ReferralReason.UNVERIFIED
    return ReferralReason.STATUS_WRONG


def reason_from_text(text: str) -> tuple[ReferralReason, str | None]:
    """A reason word as is; any other text is reason `other` with the text as the note."""
    word = text.strip()
    try:
        return ReferralReason(word.lower()), None
    except ValueError:
        return ReferralReason.OTHER, word or None


def is_ticket_prefix(text: str) -> bool:
    """1 to PREFIX_MAX letters or digits (any script): short enough to call out."""
    return 0 < len(text) <= PREFIX_MAX and text.isalnum()


def default_ticket_prefix(desk: str) -> str:
    """The prefix of a desk that sets none: its id's letters and digits, upper-cased.

    A longer id keeps its first letters and gets three characters of a hash
    of the whole id, so `boarding-gate-12` and `boarding-gate-13` still differ.
    """
    kept = "".join(c for c in desk if c.isalnum()).upper()
    if 0 < len(kept) <= PREFIX_MAX:
        return kept
    digest = hashlib.sha256(desk.encode("utf-8")).hexdigest().upper()
    return (kept[: PREFIX_MAX - 3] + digest[:3]) if kept else "D" + digest[:3]


def ticket(prefix: str, number: int) -> str:
    """`PREFIX-042`: the desk's prefix and the day's number, three digits at least."""
    return f"{prefix}-{number:03d}"
