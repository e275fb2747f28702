"""A person seen again: staff's explicit Check in is never an exit (a re-scan
past the window at a two-way desk may be); a re-scan within the window shows
the last answer again only while nothing it rests on has changed: a doctor's
outcome, a status the service sent, a key list fetched since."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from kiosk.decision import Direction, Flag, StaffInput
from kiosk.desksettings import DeskRole, DeskSettings
from kiosk.passes import TrustList
from kiosk.policy import Mode, Outcome, Policy
from kiosk.reasons import CodeReason
from kiosk.reception import Reception
from kiosk.referrals.values import ReferralOutcome, ReferralReason
from kiosk.status import Provenance, Status
from kiosk.storage.statuscache import remember
from kiosk.storage.store import Store
from kiosk.trust import TrustKeeper
from kiosk.vocabulary import Method, StaffAnswer
from tests.fakes import GREEN_IIN, YELLOW_IIN, FakeClock, FakeSource, KeyedSource, PassIssuer
from tests.unit import test_desk
from tests.unit.test_desk import DESK

make_desk = test_desk.make_desk  # the desks of test_desk.py, with its `source`
source = test_desk.source

# -- staff's Check in ----------------------------------------------------------------


def test_staff_check_in_of_someone_inside_is_an_entry_never_an_exit(
    make_desk: Any, clock: Any
) -> None:
    desk = make_desk()  # a two-way desk: a scan of someone inside is an exit
    desk.scan(GREEN_IIN)
    clock.advance(60)  # past the re-scan window

    desk.heard.clear()
    desk.do(lambda: desk.controller.check_in(GREEN_IIN))
    [again] = desk.heard.decisions()

    assert again.direction is Direction.ENTRY and again.method is Method.MANUAL
    assert Flag.PASSBACK in again.flags and again.outcome is Outcome.ASK_STAFF
    assert desk.count("check_out") == 0
    clock.advance(60)
    assert desk.scan(GREEN_IIN, Method.CAMERA).direction is Direction.EXIT, "a scan still may"
    assert desk.count("check_out") == 1


def test_staff_check_in_at_an_exit_desk_is_an_entry(make_desk: Any) -> None:
    desk = make_desk(role=DeskRole.EXIT)
    desk.heard.clear()
    desk.do(lambda: desk.controller.check_in(GREEN_IIN))
    [entry] = desk.heard.decisions()
    assert (entry.direction, entry.outcome) == (Direction.ENTRY, Outcome.ADMIT)
    assert (desk.count("check_in"), desk.count("check_out")) == (1, 0)


def test_check_in_clicked_twice_records_one_entry(make_desk: Any, clock: Any) -> None:
    desk = make_desk()
    desk.heard.clear()
    desk.do(
        lambda: desk.controller.check_in(GREEN_IIN),
        lambda: desk.controller.check_in(GREEN_IIN),
    )
    first, second = desk.heard.decisions()
    assert not first.repeat and second.repeat and second.direction is Direction.ENTRY
    assert (desk.count("check_in"), desk.count("check_out")) == (1, 0)


# -- a repeat and the facts it rests on ----------------------------------------------


@pytest.fixture
def boarding(store: Store, clock: FakeClock) -> Reception:
    settings = DeskSettings(desk=DESK, policy=Policy(mode=Mode.BOARDING), role=DeskRole.ENTRY)
    source = FakeSource({YELLOW_IIN: Status.YELLOW, GREEN_IIN: Status.GREEN})
    return Reception(settings, store, clock, TrustList, source)


def test_a_passenger_cleared_by_the_doctor_is_admitted_on_a_rescan_within_the_window(
    boarding: Reception, clock: FakeClock
) -> None:
    denied = boarding.check(YELLOW_IIN, Method.CAMERA)
    assert denied.outcome is Outcome.DENY and denied.offer_referral
    clock.advance(3)
    opened = boarding.referrals.open(YELLOW_IIN, ReferralReason.YELLOW, None, None)
    clock.advance(3)
    boarding.referrals.resolve(opened.referral.id, ReferralOutcome.CLEARED, "seen", "dr")
    clock.advance(3)  # well within the 20 s window

    again = boarding.check(YELLOW_IIN, Method.CAMERA)

    assert not again.repeat and again.event_ids
    assert (again.outcome, again.provenance) == (Outcome.ADMIT, Provenance.DOCTOR)
    assert again.referral_id == opened.referral.id
    clock.advance(3)
    still = boarding.check(YELLOW_IIN, Method.CAMERA)
    assert still.repeat and still.outcome is Outcome.ADMIT, "now that answer holds"


def test_a_status_the_service_sent_since_is_not_hidden_by_a_repeat(
    store: Store, boarding: Reception, clock: FakeClock
) -> None:
    denied = boarding.check(YELLOW_IIN, Method.CAMERA)
    clock.advance(2)
    subject = store.keys.subject(YELLOW_IIN, clock.now())
    with store.transaction() as conn:  # what a sync answer does: the same status again
        remember(conn, subject, Status.YELLOW, None, clock.now())
    assert boarding.check(YELLOW_IIN, Method.CAMERA).repeat, "nothing new: a repeat"

    clock.advance(2)
    with store.transaction() as conn:  # the service says green now
        remember(conn, subject, Status.GREEN, None, clock.now())
    boarding_source = boarding._source
    assert isinstance(boarding_source, FakeSource)
    boarding_source.people[YELLOW_IIN] = Status.GREEN
    clock.advance(2)

    again = boarding.check(YELLOW_IIN, Method.CAMERA)
    assert denied.outcome is Outcome.DENY
    assert not again.repeat and (again.outcome, again.status) == (Outcome.ADMIT, Status.GREEN)


def test_a_key_list_fetched_since_an_unverified_answer_is_used_on_a_rescan(
    store: Store, clock: FakeClock
) -> None:
    issuer = PassIssuer("k-rotated-in")
    source = KeyedSource(keys=issuer.trust)
    source.online = False
    keeper = TrustKeeper(store, clock, TrustList())
    settings = DeskSettings(desk=DESK, policy=Policy(), role=DeskRole.ENTRY)
    desk = Reception(settings, store, clock, keeper.current, source, keys=keeper)
    text = issuer.issue(GREEN_IIN, Status.GREEN, at=clock.now())

    pending = desk.check(text, Method.CAMERA)
    assert (pending.outcome, pending.reason) == (Outcome.ASK_STAFF, CodeReason.UNKNOWN_KEY)
    refused = desk.record(pending, StaffInput(StaffAnswer.REFUSE, "aigerim"))
    clock.advance(2)
    assert desk.check(text, Method.CAMERA).repeat, "nothing new: staff's answer stands"

    source.online = True
    keeper.refresh(source.get_keys)  # the network thread fetched the list
    clock.advance(2)
    again = desk.check(text, Method.CAMERA)

    assert refused.outcome is Outcome.DENY
    assert not again.repeat
    assert (again.outcome, again.provenance) == (Outcome.ADMIT, Provenance.PASS)


def test_the_same_key_list_fetched_again_changes_no_repeat(store: Store, clock: FakeClock) -> None:
    issuer = PassIssuer()
    source = KeyedSource(keys=issuer.trust)
    keeper = TrustKeeper(store, clock, TrustList())
    keeper.refresh(source.get_keys)
    settings = replace(DeskSettings(desk=DESK, policy=Policy()), role=DeskRole.ENTRY)
    desk = Reception(settings, store, clock, keeper.current, source, keys=keeper)
    text = issuer.issue(GREEN_IIN, Status.GREEN, at=clock.now())
    desk.check(text, Method.CAMERA)
    clock.advance(2)
    keeper.refresh(source.get_keys)
    clock.advance(2)
    assert desk.check(text, Method.CAMERA).repeat
