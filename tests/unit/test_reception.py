"""The desk flow: both modes, every status, entry/exit, pass-back, capacity,
close-out, red reports, unverified policies and staff overrides."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from kiosk.decision import Direction, Flag, StaffInput
from kiosk.desksettings import DeskRole, DeskSettings
from kiosk.events import DeskIdentity, EventType
from kiosk.policy import Mode, Outcome, Policy, Rule, UnverifiedPolicy
from kiosk.reception import AlreadyRecorded, Reception
from kiosk.status import Provenance, Status
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.vocabulary import Method, StaffAnswer
from tests.fakes import (
    BLUE_IIN,
    GREEN_IIN,
    OTHER_IIN,
    RED_IIN,
    YELLOW_IIN,
    FakeClock,
    FakeSource,
    PassIssuer,
)

DESK = DeskIdentity("150340012345", "main", "desk-1")
PEOPLE = {
    GREEN_IIN: Status.GREEN,
    BLUE_IIN: Status.BLUE,
    YELLOW_IIN: Status.YELLOW,
    RED_IIN: Status.RED,
}


@pytest.fixture
def issuer() -> PassIssuer:
    return PassIssuer()


@pytest.fixture
def source() -> FakeSource:
    return FakeSource(dict(PEOPLE))


def make(
    store: Store,
    clock: FakeClock,
    issuer: PassIssuer,
    source: FakeSource | None,
    **overrides: object,
) -> Reception:
    settings = DeskSettings(desk=DESK, policy=Policy())
    settings = replace(settings, **overrides)  # type: ignore[arg-type]
    return Reception(settings, store, clock, lambda: issuer.trust, source)


def event_types(store: Store) -> list[str]:
    return [row["type"] for row in store.query("SELECT type FROM outbox ORDER BY seq")]


@pytest.mark.parametrize(
    ("mode", "status", "outcome", "referral"),
    [
        (Mode.VENUE, Status.GREEN, Outcome.ADMIT, False),
        (Mode.VENUE, Status.BLUE, Outcome.ADMIT, False),
        (Mode.VENUE, Status.YELLOW, Outcome.DENY, False),
        (Mode.VENUE, Status.RED, Outcome.DENY, False),
        (Mode.BOARDING, Status.GREEN, Outcome.ADMIT, False),
        (Mode.BOARDING, Status.BLUE, Outcome.ADMIT, False),
        (Mode.BOARDING, Status.YELLOW, Outcome.DENY, True),
        (Mode.BOARDING, Status.RED, Outcome.DENY, True),
    ],
)
def test_every_status_in_both_modes_from_a_signed_pass(
    store: Store,
    clock: FakeClock,
    issuer: PassIssuer,
    mode: Mode,
    status: Status,
    outcome: Outcome,
    referral: bool,
) -> None:
    reception = make(store, clock, issuer, None, policy=Policy(mode=mode))
    code = issuer.issue(GREEN_IIN, status, at=clock.now(), name="Бекболат М.")

    decision = reception.check(code, Method.CAMERA)

    assert decision.outcome is outcome
    assert decision.status is status
    assert decision.provenance is Provenance.PASS
    assert decision.offer_referral is referral
    assert decision.masked_id == "••••••••0005"
    assert decision.name == "Бекболат М."
    assert decision.to_json().get("referral_offered", False) is referral
    stored = Outbox(store).get(decision.event_ids)
    assert [e.id for e in stored] == list(decision.event_ids)
    assert stored[0].type is EventType.CHECK_IN
    assert stored[0].data["decision"] == outcome.value
    assert reception.occupancy() == (1 if outcome is Outcome.ADMIT else 0)


def test_red_status_queues_an_ses_report(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    reception = make(store, clock, issuer, source)

    decision = reception.check(RED_IIN, Method.MANUAL)

    assert decision.outcome is Outcome.DENY
    assert decision.provenance is Provenance.LIVE
    assert Flag.RED_REPORT_QUEUED in decision.flags
    assert event_types(store) == ["check_in", "red_report"]
    report = Outbox(store).get([decision.event_ids[1]])[0]
    assert report.iin == RED_IIN
    assert report.data["check_in"] == decision.event_ids[0]


def test_entry_then_exit_at_a_two_way_desk(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    reception = make(store, clock, issuer, source)

    entry = reception.check(GREEN_IIN, Method.SCANNER)
    clock.advance(3600)
    leaving = reception.check(GREEN_IIN, Method.SCANNER)
    clock.advance(60)
    again = reception.check(GREEN_IIN, Method.SCANNER)

    assert (entry.direction, leaving.direction, again.direction) == (
        Direction.ENTRY,
        Direction.EXIT,
        Direction.ENTRY,
    )
    assert (entry.occupancy, leaving.occupancy, again.occupancy) == (1, 0, 1)
    check_out = Outbox(store).get(leaving.event_ids)[0]
    assert check_out.type is EventType.CHECK_OUT
    assert check_out.data["check_in"] == entry.event_ids[0]
    assert source.calls == [GREEN_IIN, GREEN_IIN], "leaving needs no status lookup"


def test_entry_desk_flags_a_second_entry_without_exit(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    reception = make(store, clock, issuer, source, role=DeskRole.ENTRY)

    first = reception.check(GREEN_IIN, Method.SCANNER)
    clock.advance(7200)
    second = reception.check(GREEN_IIN, Method.SCANNER)

    assert Flag.PASSBACK not in first.flags
    assert second.direction is Direction.ENTRY
    assert Flag.PASSBACK in second.flags
    assert second.occupancy == 1


def test_two_entrances_minutes_apart_is_a_passback_not_an_exit(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    main = make(store, clock, issuer, source)
    side_desk = replace(DESK, entrance="side", desk="desk-2")
    side = make(store, clock, issuer, source, desk=side_desk)

    main.check(BLUE_IIN, Method.SCANNER)
    clock.advance(120)
    at_side = side.check(BLUE_IIN, Method.SCANNER)
    clock.advance(3600)
    much_later = side.check(BLUE_IIN, Method.SCANNER)

    assert at_side.direction is Direction.ENTRY
    assert Flag.PASSBACK in at_side.flags
    assert much_later.direction is Direction.EXIT


def test_exit_desk_checks_out_and_flags_someone_not_inside(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    entry = make(store, clock, issuer, source, role=DeskRole.ENTRY)
    exit_desk = make(
        store, clock, issuer, source, role=DeskRole.EXIT, desk=replace(DESK, desk="exit-1")
    )

    entry.check(GREEN_IIN, Method.SCANNER)
    out = exit_desk.check(GREEN_IIN, Method.SCANNER)
    stranger = exit_desk.check(OTHER_IIN, Method.SCANNER)

    assert out.direction is Direction.EXIT and Flag.NOT_INSIDE not in out.flags
    assert stranger.direction is Direction.EXIT and Flag.NOT_INSIDE in stranger.flags
    assert exit_desk.occupancy() == 0


def test_capacity_reached_denies_entry_and_staff_can_override(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    reception = make(store, clock, issuer, source, capacity=2)
    reception.check(GREEN_IIN, Method.SCANNER)
    reception.check(BLUE_IIN, Method.SCANNER)

    full = reception.check(OTHER_IIN, Method.SCANNER)
    forced = reception.check(
        OTHER_IIN, Method.SCANNER, StaffInput(StaffAnswer.ADMIT, "aigerim", "VIP")
    )

    assert full.outcome is Outcome.DENY
    assert Flag.CAPACITY_REACHED in full.flags
    assert forced.outcome is Outcome.ADMIT and forced.override
    assert reception.occupancy() == 3


@pytest.mark.parametrize(
    ("policy", "outcome"),
    [
        (UnverifiedPolicy.STAFF_DECIDES, Outcome.ASK_STAFF),
        (UnverifiedPolicy.ADMIT_UNVERIFIED, Outcome.ADMIT),
        (UnverifiedPolicy.DENY, Outcome.DENY),
    ],
)
def test_unverified_policies_when_offline_with_nothing_cached(
    store: Store,
    clock: FakeClock,
    issuer: PassIssuer,
    source: FakeSource,
    policy: UnverifiedPolicy,
    outcome: Outcome,
) -> None:
    source.online = False
    reception = make(store, clock, issuer, source, policy=Policy(unverified=policy))

    decision = reception.check(GREEN_IIN, Method.SCANNER)

    assert decision.outcome is outcome
    assert decision.provenance is Provenance.UNVERIFIED
    if outcome is Outcome.ASK_STAFF:
        assert decision.awaiting_staff and decision.event_ids == ()
        assert event_types(store) == []
    else:
        assert event_types(store) == ["check_in"]


def test_staff_answer_to_an_unverified_visitor_is_recorded_not_an_override(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    source.online = False
    reception = make(store, clock, issuer, source)
    pending = reception.check(GREEN_IIN, Method.SCANNER)

    decision = reception.record(pending, StaffInput(StaffAnswer.ADMIT, "aigerim"))

    assert decision.outcome is Outcome.ADMIT
    assert decision.override is False
    assert event_types(store) == ["check_in"]
    check_in = Outbox(store).get(decision.event_ids)[0]
    assert check_in.data["provenance"] == "unverified"
    assert check_in.data["staff"] == {
        "answer": "admit",
        "operator": "aigerim",
        "reason": None,
        "override": False,
    }
    assert reception.occupancy() == 1

    with pytest.raises(AlreadyRecorded):  # a second answer to the same visit
        reception.record(pending, StaffInput(StaffAnswer.REFUSE, "dana"))
    assert event_types(store) == ["check_in"] and reception.occupancy() == 1


def test_staff_override_against_the_table_is_its_own_event(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    reception = make(store, clock, issuer, source)

    decision = reception.check(
        YELLOW_IIN, Method.MANUAL, StaffInput(StaffAnswer.ADMIT, "doctor-1", "PCR negative today")
    )
    refused = reception.check(
        BLUE_IIN, Method.MANUAL, StaffInput(StaffAnswer.REFUSE, "aigerim", "no ticket")
    )

    assert decision.outcome is Outcome.ADMIT and decision.override
    assert decision.to_json()["override"] is True
    assert refused.outcome is Outcome.DENY and refused.override
    assert event_types(store) == ["check_in", "staff_override", "check_in", "staff_override"]
    override = Outbox(store).get([decision.event_ids[1]])[0]
    assert override.data["operator"] == "doctor-1"
    assert override.data["reason"] == "PCR negative today"
    assert override.data["policy_decision"] == "deny"


def test_offline_falls_back_to_a_fresh_cache_entry_with_its_age(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    reception = make(store, clock, issuer, source, role=DeskRole.ENTRY)
    reception.check(YELLOW_IIN, Method.MANUAL)
    source.online = False
    clock.advance(600)

    cached = reception.check(YELLOW_IIN, Method.MANUAL)
    clock.advance(13 * 3600)
    stale = reception.check(YELLOW_IIN, Method.MANUAL)

    assert cached.provenance is Provenance.CACHE
    assert cached.status is Status.YELLOW and cached.status_age == pytest.approx(600)
    assert stale.provenance is Provenance.UNVERIFIED


def test_a_pass_whose_status_ran_out_is_looked_up_online(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    reception = make(store, clock, issuer, source)
    code = issuer.issue(RED_IIN, Status.GREEN, at=clock.now(), status_valid_until=clock.now() - 1)

    decision = reception.check(code, Method.CAMERA)

    assert decision.status is Status.RED
    assert decision.provenance is Provenance.LIVE
    assert Flag.STATUS_EXPIRED_IN_PASS in decision.flags


def test_invalid_and_expired_codes_record_nothing(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    reception = make(store, clock, issuer, source)
    old = issuer.issue(GREEN_IIN, Status.GREEN, at=clock.now() - 3600)

    expired = reception.check(old, Method.CAMERA)
    garbage = reception.check("\x00" * 10, Method.CAMERA)
    bad_iin = reception.check("870412300006", Method.SCANNER)

    assert expired.outcome is Outcome.EXPIRED_CODE
    assert garbage.outcome is Outcome.INVALID_CODE
    assert bad_iin.outcome is Outcome.INVALID_CODE and bad_iin.reason == "iin_checksum"
    assert event_types(store) == []


def test_custom_table_cell_wins_over_the_default(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    policy = Policy(rules={Status.BLUE: Rule(admit=False, offer_referral=True)})
    reception = make(store, clock, issuer, source, policy=policy)

    decision = reception.check(BLUE_IIN, Method.MANUAL)

    assert decision.outcome is Outcome.DENY and decision.offer_referral


def test_close_out_at_closing_time_checks_everyone_out_automatically(
    store: Store, clock: FakeClock, issuer: PassIssuer, source: FakeSource
) -> None:
    utc = dt.UTC
    clock.current = dt.datetime(2026, 11, 20, 21, 0, tzinfo=utc).timestamp()
    reception = make(store, clock, issuer, source, closing_time=dt.time(23, 0), timezone=utc)
    reception.check(GREEN_IIN, Method.SCANNER)
    reception.check(BLUE_IIN, Method.SCANNER)
    clock.advance(30 * 60)
    assert reception.tick() == 0, "not closing time yet"

    clock.current = dt.datetime(2026, 11, 21, 8, 0, tzinfo=utc).timestamp()
    morning = reception.check(GREEN_IIN, Method.SCANNER)

    assert morning.direction is Direction.ENTRY, "yesterday's visit was closed out"
    outs = [e for e in Outbox(store).pending(now=clock.now()) if e.type is EventType.CHECK_OUT]
    assert len(outs) == 2
    assert all(e.data["automatic"] is True for e in outs)
    closing = dt.datetime(2026, 11, 20, 23, 0, tzinfo=utc).timestamp()
    assert all(e.occurred_at == closing for e in outs)
    assert reception.occupancy() == 1
