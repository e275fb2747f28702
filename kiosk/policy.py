"""The decision table: what the desk does for each status, in each mode."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from kiosk.status import Status
from kiosk.vocabulary import StaffAnswer


class Outcome(StrEnum):
    """What the desk tells the visitor (the JSON words are part of the contract)."""

    ADMIT = "admit"
    DENY = "deny"
    ASK_STAFF = "ask_staff"
    INVALID_CODE = "invalid_code"
    EXPIRED_CODE = "expired_code"


class Mode(StrEnum):
    VENUE = "venue"
    BOARDING = "boarding"


class UnverifiedPolicy(StrEnum):
    """What to do when no status can be verified (offline, nothing cached)."""

    STAFF_DECIDES = "staff_decides"
    ADMIT_UNVERIFIED = "admit_unverified"
    DENY = "deny"


@dataclass(frozen=True)
class Rule:
    """One cell of the decision table."""

    admit: bool
    offer_referral: bool = False
    report_to_ses: bool = False


def default_rules(mode: Mode) -> dict[Status, Rule]:
    """The default table (docs/architecture.md, section 2)."""
    boarding = mode is Mode.BOARDING
    return {
        Status.GREEN: Rule(admit=True),
        Status.BLUE: Rule(admit=True),
        Status.YELLOW: Rule(admit=False, offer_referral=boarding),
        Status.RED: Rule(admit=False, offer_referral=boarding, report_to_ses=True),
    }


@dataclass(frozen=True)
class Ruling:
    """What the policy says for one status."""

    outcome: Outcome
    offer_referral: bool = False
    report_to_ses: bool = False


@dataclass(frozen=True)
class Policy:
    """The venue's decision table and its unverified policy."""

    mode: Mode = Mode.VENUE
    rules: Mapping[Status, Rule] = field(default_factory=dict)
    unverified: UnverifiedPolicy = UnverifiedPolicy.STAFF_DECIDES

    def __post_init__(self) -> None:
        merged = default_rules(self.mode)
        merged.update(self.rules)
        object.__setattr__(self, "rules", MappingProxyType(merged))

    def for_status(self, status: Status) -> Ruling:
        rule = self.rules[status]
        outcome = Outcome.ADMIT if rule.admit else Outcome.DENY
        return Ruling(outcome, rule.offer_referral, rule.report_to_ses)

    def for_unverified(self) -> Ruling:
        if self.unverified is UnverifiedPolicy.ADMIT_UNVERIFIED:
            return Ruling(Outcome.ADMIT)
        if self.unverified is UnverifiedPolicy.DENY:
            # Boarding desks can still send the passenger to the doctor room.
            return Ruling(Outcome.DENY, offer_referral=self.mode is Mode.BOARDING)
        return Ruling(Outcome.ASK_STAFF, offer_referral=self.mode is Mode.BOARDING)


def is_override(policy_outcome: Outcome, answer: StaffAnswer) -> bool:
    """Whether a staff answer goes against what the table said.

    Answering an `ask_staff` case is never an override: the table asked.
    """
    if policy_outcome is Outcome.ASK_STAFF:
        return False
    if policy_outcome is Outcome.ADMIT:
        return answer is StaffAnswer.REFUSE
    return answer is StaffAnswer.ADMIT
