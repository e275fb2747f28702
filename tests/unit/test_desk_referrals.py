"""The desk controller's referrals and venue presence, with a fake clock and a
real database: refer a decision, the doctor's outcome at the next scan, the
service's news, refusals, the doctor-room role, and who is inside the venue."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from kiosk.decision import Decision, Direction, Flag, PresenceSource
from kiosk.desksettings import DeskRole
from kiosk.policy import Mode, Outcome, Policy
from kiosk.referrals.values import (
    Referral,
    ReferralOutcome,
    ReferralReason,
    ReferralRefused,
    ReferralState,
    suggested_reason,
)
from kiosk.service.lookup import VenueStay
from kiosk.service.wire import ReferralPull
from kiosk.status import Provenance, Status
from kiosk.storage.alerts import AlertKind
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from tests.fakes import BLUE_IIN, GREEN_IIN, RED_IIN, YELLOW_IIN, FakeClock, FakeVenue
from tests.unit import test_desk
from tests.unit.test_desk import DESK, Desk
from tests.unit.test_referral_book import remote

BOARDING = {"policy": Policy(mode=Mode.BOARDING), "role": DeskRole.ENTRY, "ticket_prefix": "G7"}


make_desk = test_desk.make_desk  # the same desks, asking this module's `source`


@pytest.fixture
def source() -> FakeVenue:
    """The desks of this module ask a venue that also says who is inside."""
    people = {GREEN_IIN: Status.GREEN, BLUE_IIN: Status.BLUE, YELLOW_IIN: Status.YELLOW}
    return FakeVenue({**people, RED_IIN: Status.RED})


def opened(desk: Desk) -> Referral:
    return desk.heard.of("referral_opened")[-1][0]


def referred(desk: Desk, iin: str, reason: ReferralReason) -> tuple[Decision, Referral]:
    """Scan *iin*, then refer the decision: the decision and the referral opened."""
    decision = desk.scan(iin)
    desk.do(lambda: desk.controller.open_referral(decision.id, reason))
    return decision, opened(desk)


def check_ins(desk: Desk) -> list[dict[str, Any]]:
    store = Store(desk.path)
    try:
        rows = store.query("SELECT data FROM outbox WHERE type = 'check_in' ORDER BY seq")
        return [json.loads(str(row["data"])) for row in rows]
    finally:
        store.close()


# --- refer, resolve, board -------------------------------------------------------------


def test_a_referred_passenger_cleared_by_the_doctor_boards_at_the_next_scan(
    make_desk: Any, clock: FakeClock
) -> None:
    desk = make_desk(**BOARDING)
    [(start,)] = desk.heard.of("referrals_changed")
    assert start == ()
    denied = desk.scan(YELLOW_IIN)
    assert denied.outcome is Outcome.DENY and denied.offer_referral
    nudges = desk.nudges

    desk.heard.clear()
    desk.do(lambda: desk.controller.open_referral(denied.id, suggested_reason(denied), "cough"))
    ticket = opened(desk)
    assert (ticket.ticket, ticket.state, ticket.reason) == (
        "G7-001",
        ReferralState.OPEN,
        ReferralReason.YELLOW,
    )
    assert (ticket.status_shown, ticket.provenance, ticket.check_in) == (
        Status.YELLOW,
        Provenance.LIVE,
        denied.id,
    )
    assert ticket.masked_id == denied.masked_id and ticket.mine and ticket.note == "cough"
    assert desk.heard.of("referrals_changed")[-1][0] == (ticket,)
    assert desk.nudges == nudges + 1 and desk.count("referral_opened") == 1

    # The desk's own doctor screen resolves it.
    desk.heard.clear()
    desk.do(
        lambda: desk.controller.resolve_referral(
            ticket.id, ReferralOutcome.CLEARED, "PCR negative", "dr. Seitkali"
        )
    )
    [(resolved,)] = desk.heard.of("referral_resolved")
    assert resolved.outcome is ReferralOutcome.CLEARED and resolved.resolved_by == "main/desk-1"
    assert desk.count("referral_resolved") == 1

    clock.advance(120)
    boarding = desk.scan(YELLOW_IIN)
    assert (boarding.outcome, boarding.provenance, boarding.status) == (
        Outcome.ADMIT,
        Provenance.DOCTOR,
        Status.YELLOW,
    )
    assert boarding.referral_id == ticket.id and not boarding.offer_referral
    assert boarding.to_json()["referral"] == ticket.id
    assert check_ins(desk)[-1]["referral"] == ticket.id
    assert check_ins(desk)[-1]["provenance"] == "doctor"
    clock.advance(5)
    again = desk.scan(YELLOW_IIN)
    assert again.repeat and again.referral_id == ticket.id and not again.offer_referral


def test_a_status_the_doctor_confirmed_is_denied_without_a_second_referral_until_it_lapses(
    make_desk: Any, clock: FakeClock
) -> None:
    desk = make_desk(**BOARDING)
    _, referral = referred(desk, RED_IIN, ReferralReason.STATUS_WRONG)
    desk.do(
        lambda: desk.controller.resolve_referral(
            referral.id, ReferralOutcome.CONFIRMED, "red stands", "dr"
        )
    )
    clock.advance(120)
    again = desk.scan(RED_IIN)

    assert again.outcome is Outcome.DENY and Flag.DOCTOR_CONFIRMED in again.flags
    assert not again.offer_referral and again.referral_id is None
    assert again.provenance is Provenance.LIVE and again.report_to_ses
    clock.advance(13 * 3600)
    later = desk.scan(RED_IIN)
    assert Flag.DOCTOR_CONFIRMED not in later.flags and later.offer_referral


def test_referral_inputs_that_change_nothing_are_refused_with_why(make_desk: Any) -> None:
    desk = make_desk(**BOARDING)
    garbage = desk.scan("hello")
    known = desk.scan(YELLOW_IIN)
    desk.heard.clear()
    unknown = str(uuid.uuid4())
    desk.do(
        lambda: desk.controller.open_referral(unknown, ReferralReason.OTHER),
        lambda: desk.controller.open_referral(garbage.id, ReferralReason.OTHER),
        lambda: desk.controller.open_referral_for_iin("870412300006", ReferralReason.OTHER),
        lambda: desk.controller.open_referral(known.id, ReferralReason.OTHER, "x" * 501),
        lambda: desk.controller.resolve_referral(unknown, ReferralOutcome.CLEARED, "", "dr"),
    )
    assert desk.heard.of("referral_refused") == [
        (unknown, ReferralRefused.UNKNOWN_DECISION),
        (garbage.id, ReferralRefused.NO_IIN),
        ("", ReferralRefused.BAD_IIN),
        (known.id, ReferralRefused.NOTE_TOO_LONG),
        (unknown, ReferralRefused.UNKNOWN_REFERRAL),
    ]
    assert not desk.heard.of("referral_opened") and desk.count("referral_opened") == 0

    desk.do(lambda: desk.controller.open_referral(known.id, ReferralReason.YELLOW))
    referral = opened(desk)
    desk.heard.clear()
    desk.do(
        lambda: desk.controller.open_referral(known.id, ReferralReason.YELLOW),  # double tap
        lambda: desk.controller.resolve_referral(referral.id, ReferralOutcome.CLEARED, "", "a"),
        lambda: desk.controller.resolve_referral(referral.id, ReferralOutcome.CONFIRMED, "", "b"),
    )
    assert [r.id for (r,) in desk.heard.of("referral_opened")] == [referral.id]
    assert desk.heard.of("referral_refused") == [(referral.id, ReferralRefused.ALREADY_RESOLVED)]
    assert (desk.count("referral_opened"), desk.count("referral_resolved")) == (1, 1)


def test_a_typed_iin_is_referred_with_the_status_staff_saw(make_desk: Any) -> None:
    desk = make_desk(**BOARDING)
    desk.do(
        lambda: desk.controller.open_referral_for_iin(
            GREEN_IIN, ReferralReason.STATUS_WRONG, "app shows red", status=Status.RED
        )
    )
    referral = opened(desk)
    assert (referral.status_shown, referral.provenance, referral.check_in) == (
        Status.RED,
        Provenance.NONE,
        None,
    )
    assert referral.ticket == "G7-001" and referral.note == "app shows red"


# --- the venue's news ------------------------------------------------------------------


def test_the_doctors_outcome_pulled_from_the_service_is_told_and_alerted(
    make_desk: Any, clock: FakeClock
) -> None:
    desk = make_desk(**BOARDING)
    _, mine = referred(desk, YELLOW_IIN, ReferralReason.YELLOW)
    clock.advance(600)
    cleared = remote(
        mine.id,
        opened_at=mine.opened_at,
        outcome="cleared",
        resolved_at=clock.now(),
        entrance=DESK.entrance,
        desk=DESK.desk,
        ticket_text=mine.ticket,
    )
    other = remote(str(uuid.uuid4()), iin=BLUE_IIN, opened_at=clock.now() - 30)
    desk.heard.clear()
    desk.do(
        lambda: desk.controller.referrals_pulled(
            ReferralPull(DESK.venue_bin, clock.now(), (cleared, other))
        )
    )

    [(resolved,)] = desk.heard.of("referral_resolved")
    assert resolved.id == mine.id and resolved.outcome is ReferralOutcome.CLEARED
    [(alert,)] = desk.heard.of("alert_raised")
    assert alert.kind is AlertKind.REFERRAL_RESOLVED and alert.payload.ticket == mine.ticket
    [(today,)] = desk.heard.of("referrals_changed")
    assert [r.id for r in today] == [mine.id, other.id]
    assert desk.scan(YELLOW_IIN).provenance is Provenance.DOCTOR

    desk.heard.clear()
    desk.do(
        lambda: desk.controller.referrals_pulled(
            ReferralPull(DESK.venue_bin, clock.now(), (cleared,))
        )
    )
    assert not desk.heard.of("referrals_changed") and not desk.heard.of("referral_resolved")


def test_a_doctor_room_kiosk_looks_statuses_up_and_records_nothing(
    make_desk: Any, source: FakeVenue
) -> None:
    desk = make_desk(policy=Policy(mode=Mode.BOARDING), role=DeskRole.DOCTOR)
    looked = desk.scan(YELLOW_IIN)
    source.online = False
    unverified = desk.scan(GREEN_IIN)

    assert looked.outcome is Outcome.DENY and Flag.LOOKUP_ONLY in looked.flags
    assert not looked.offer_referral and looked.event_ids == ()
    assert unverified.outcome is Outcome.ASK_STAFF and not unverified.awaiting_staff
    assert not desk.heard.of("question_asked")
    assert desk.count("check_in") == 0


# --- several desks, one venue ---------------------------------------------------------------


def test_a_two_way_desk_asks_the_venue_who_is_inside_and_ends_another_desks_stay(
    make_desk: Any, source: FakeVenue, clock: FakeClock
) -> None:
    entered_at = clock.now() - 3600
    check_in = str(uuid.uuid4())
    source.inside[GREEN_IIN] = VenueStay(True, check_in, entered_at, "north", "n1")
    desk = make_desk()

    leaving = desk.scan(GREEN_IIN)
    assert (leaving.direction, leaving.presence) == (Direction.EXIT, PresenceSource.VENUE)
    assert leaving.to_json()["presence"] == "venue" and Flag.NOT_INSIDE not in leaving.flags
    store = Store(desk.path)
    try:
        [out] = Outbox(store).get(list(leaving.event_ids))
    finally:
        store.close()
    assert out.data["check_in"] == check_in and out.iin == GREEN_IIN

    source.online = False
    clock.advance(60)
    offline = desk.scan(BLUE_IIN)
    assert (offline.direction, offline.presence) == (Direction.ENTRY, PresenceSource.LOCAL)


def test_this_desks_undelivered_entry_is_newer_than_the_venues_answer(
    make_desk: Any, clock: FakeClock
) -> None:
    desk = make_desk()
    entry = desk.scan(GREEN_IIN)
    clock.advance(60)
    leaving = desk.scan(GREEN_IIN)  # the venue has not had the entry yet: still an exit
    assert entry.presence is PresenceSource.VENUE and entry.direction is Direction.ENTRY
    assert leaving.direction is Direction.EXIT and Flag.NOT_INSIDE not in leaving.flags

    clock.advance(60)
    desk.scan(BLUE_IIN)
    store = Store(desk.path)
    try:
        outbox = Outbox(store)
        outbox.acknowledge([e.id for e in outbox.pending(now=clock.now())], now=clock.now())
    finally:
        store.close()
    clock.advance(60)
    # Delivered, and the venue says BLUE left through another desk: an entry again.
    again = desk.scan(BLUE_IIN)
    assert again.direction is Direction.ENTRY and Flag.PASSBACK not in again.flags


def test_capacity_counts_the_whole_venue_when_the_service_gives_the_count(
    make_desk: Any, source: FakeVenue, clock: FakeClock
) -> None:
    desk = make_desk(capacity=3)
    source.count = 3
    full = desk.scan(GREEN_IIN)
    assert full.outcome is Outcome.DENY and Flag.CAPACITY_REACHED in full.flags
    assert full.occupancy == 3

    source.count = 2
    clock.advance(60)
    room = desk.scan(BLUE_IIN)
    assert room.outcome is Outcome.ADMIT and room.presence is PresenceSource.VENUE


def test_a_staff_check_out_at_a_two_way_desk_ends_the_stay_another_desk_began(
    make_desk: Any, source: FakeVenue, clock: FakeClock
) -> None:
    check_in = str(uuid.uuid4())
    source.inside[GREEN_IIN] = VenueStay(True, check_in, clock.now() - 600, "north", "n1")
    desk = make_desk()
    desk.heard.clear()
    desk.do(lambda: desk.controller.check_out(GREEN_IIN))

    [leaving] = desk.heard.decisions()
    assert (leaving.direction, leaving.presence) == (Direction.EXIT, PresenceSource.VENUE)
    assert Flag.NOT_INSIDE not in leaving.flags
    assert source.calls == [], "no status lookup for a check-out"
    store = Store(desk.path)
    try:
        [out] = Outbox(store).get(list(leaving.event_ids))
    finally:
        store.close()
    assert out.data["check_in"] == check_in
