"""A passenger refused, sent to the doctor and cleared there, scanned again at
the boarding desk within its re-scan window: two running kiosks over real
HTTP to the sandbox. The desk shows (and records) the doctor's outcome, not
the old denial; without a new fact, a re-scan is still the same answer."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.policy import Outcome
from kiosk.referrals.values import ReferralOutcome, ReferralReason, ReferralState
from kiosk.status import Provenance
from sandbox.server import SandboxServer
from tests.integration import test_referral_round_trip as round_trip
from tests.integration.sandbox_fixtures import wait_until
from tests.integration.test_referral_round_trip import PASSENGER, Kiosk

airport = round_trip.airport  # the two kiosks of the airport, each in its own folder


def test_a_passenger_cleared_by_the_doctor_boards_on_a_rescan_within_the_window(
    sandbox: SandboxServer, airport: Callable[..., Kiosk]
) -> None:
    desk = airport(sandbox.url, "boarding-7a", "G7", role="entry", rescan_window_s=600)
    doctor = airport(sandbox.url, "doctor", entrance="medical", role="doctor")

    denied = desk.scan(PASSENGER)
    assert denied.outcome is Outcome.DENY and denied.offer_referral
    assert desk.scan(PASSENGER).repeat, "nothing new yet: the same answer"
    desk.controller.open_referral(denied.id, ReferralReason.YELLOW, "says it is wrong")
    wait_until(lambda: desk.told("referral_opened"), timeout=10)
    referral = desk.told("referral_opened")[-1][0]
    wait_until(lambda: doctor.knows(referral.id, ReferralState.OPEN), timeout=10)
    doctor.controller.resolve_referral(referral.id, ReferralOutcome.CLEARED, "PCR ok", "dr")
    wait_until(lambda: desk.knows(referral.id, ReferralState.RESOLVED), timeout=10)

    boarding = desk.scan(PASSENGER)  # still within the ten minutes of the denial

    assert not boarding.repeat and boarding.event_ids
    assert (boarding.outcome, boarding.provenance, boarding.referral_id) == (
        Outcome.ADMIT,
        Provenance.DOCTOR,
        referral.id,
    )
    again = desk.scan(PASSENGER)
    assert again.repeat and again.outcome is Outcome.ADMIT and again.repeat_of == boarding.id
    wait_until(lambda: [e for e in round_trip.stored(sandbox, "check_in") if e.id == boarding.id])
    check_ins = [e.id for e in round_trip.stored(sandbox, "check_in")]
    assert check_ins == [denied.id, boarding.id]
