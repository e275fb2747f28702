"""`ashyq-kiosk referral` takes the domain's words: the lists written out in
app/referral_cmd.py (to keep start-up fast) are the enums' values."""

from __future__ import annotations

from app import referral_cmd
from kiosk.referrals.values import ReferralOutcome, ReferralReason
from kiosk.status import Status


def test_the_reasons_in_the_help_are_the_referral_reasons() -> None:
    assert referral_cmd.REASONS.split(", ") == [reason.value for reason in ReferralReason]


def test_the_outcome_choices_are_the_referral_outcomes() -> None:
    assert tuple(outcome.value for outcome in ReferralOutcome) == referral_cmd.OUTCOMES


def test_the_status_choices_are_the_statuses() -> None:
    assert referral_cmd.STATUSES == ("green", "blue", "yellow", "red")
    assert tuple(status.value for status in Status) == referral_cmd.STATUSES
