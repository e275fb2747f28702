"""Referrals on one kiosk's disk: tickets, opening, resolving, the service's news
merged in, the day's end, and refusals that come back from the sync."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.dayend import BusinessDay, DayEnd
from kiosk.decision import Decision, Direction
from kiosk.events import DeskIdentity
from kiosk.iin import mask_iin
from kiosk.policy import Outcome
from kiosk.referrals.book import ReferralBook, ReferralError, Shown
from kiosk.referrals.pull import PULLED_AS_OF_KEY
from kiosk.referrals.rows import WINDOW
from kiosk.referrals.values import (
    RESOLUTION_LIFETIME,
    ReferralOutcome,
    ReferralReason,
    ReferralRefused,
    ReferralState,
    default_ticket_prefix,
    is_ticket_prefix,
    reason_from_text,
    suggested_reason,
    ticket,
)
from kiosk.service.wire import BatchResult, ReferralPull, RemoteReferral
from kiosk.status import Provenance, Status
from kiosk.storage.alerts import AlertKind, Alerts
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.sync import Syncer
from kiosk.vocabulary import Method
from tests.fakes import GREEN_IIN, OTHER_IIN, RED_IIN, YELLOW_IIN, FakeClock

DESK = DeskIdentity("150340012345", "gate-7", "boarding-7a")
DOCTOR = DeskIdentity("150340012345", "medical", "doctor")


def book_for(store: Store, clock: FakeClock, desk: DeskIdentity = DESK, prefix: str = "G7") -> Any:
    return ReferralBook(store, desk, clock, prefix=prefix, day=BusinessDay())


def remote(
    referral_id: str,
    *,
    iin: str = YELLOW_IIN,
    opened_at: float,
    outcome: str | None = None,
    resolved_at: float | None = None,
    entrance: str = "gate-3",
    desk: str = "boarding-3",
    ticket_text: str = "G3-001",
    venue: str = DESK.venue_bin,
) -> RemoteReferral:
    """A referral of *venue* as the service would send it (resolved by its doctor room)."""
    return RemoteReferral(
        id=referral_id,
        ticket=ticket_text,
        state="open" if outcome is None else "resolved",
        iin=iin,
        masked_id=mask_iin(iin),
        name="Айгерим Б.",
        status_shown=Status.YELLOW,
        provenance="live",
        reason="yellow",
        note=None,
        entrance=entrance,
        desk=desk,
        opened_at=opened_at,
        check_in=None,
        outcome=outcome,
        resolution_note=None if outcome is None else "PCR negative",
        resolved_at=resolved_at,
        resolved_by_entrance=None if outcome is None else "medical",
        resolved_by_desk=None if outcome is None else "doctor",
        valid_until=None if resolved_at is None else resolved_at + RESOLUTION_LIFETIME,
        venue=venue,
        resolved_by_venue=None if outcome is None else venue,
    )


# --- words -------------------------------------------------------------------------


def test_tickets_are_the_prefix_and_three_digits_and_default_prefixes_differ_per_desk() -> None:
    assert ticket("D", 42) == "D-042" and ticket("G7", 1234) == "G7-1234"
    assert default_ticket_prefix("gate-3") == "GATE3"
    assert default_ticket_prefix("desk-1") == "DESK1"
    long_a, long_b = (
        default_ticket_prefix("boarding-gate-12"),
        default_ticket_prefix("boarding-gate-13"),
    )
    assert long_a != long_b and len(long_a) == len(long_b) == 8
    assert is_ticket_prefix(long_a) and is_ticket_prefix(default_ticket_prefix("---"))
    assert len(ticket(long_a, 9999)) <= 16, "fits the service's ticket"
    assert not is_ticket_prefix("") and not is_ticket_prefix("G-7") and is_ticket_prefix("Д1")


def test_reason_words_are_taken_and_free_text_is_other_with_the_text_as_note() -> None:
    assert reason_from_text("yellow") == (ReferralReason.YELLOW, None)
    assert reason_from_text(" Status_Wrong ") == (ReferralReason.STATUS_WRONG, None)
    assert reason_from_text("says the PCR was negative") == (
        ReferralReason.OTHER,
        "says the PCR was negative",
    )


@pytest.mark.parametrize(
    ("status", "outcome", "reason"),
    [
        (Status.YELLOW, Outcome.DENY, ReferralReason.YELLOW),
        (Status.RED, Outcome.DENY, ReferralReason.RED),
        (None, Outcome.ASK_STAFF, ReferralReason.UNVERIFIED),
        (Status.GREEN, Outcome.ASK_STAFF, ReferralReason.UNVERIFIED),
        (Status.GREEN, Outcome.ADMIT, ReferralReason.STATUS_WRONG),
        (Status.BLUE, Outcome.DENY, ReferralReason.STATUS_WRONG),
    ],
)
def test_the_suggested_reason_follows_the_decision(
    status: Status | None, outcome: Outcome, reason: ReferralReason
) -> None:
    decision = Decision(outcome, Direction.ENTRY, Method.CAMERA, 0.0, status=status)
    assert suggested_reason(decision) is reason


# --- opening -----------------------------------------------------------------------


def test_opening_numbers_the_days_tickets_queues_the_event_and_keeps_no_raw_iin(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    book = book_for(store, clock)
    shown = Shown(str(uuid.uuid4()), Status.YELLOW, Provenance.LIVE, "Айгерим Б.")
    first = book.open(YELLOW_IIN, ReferralReason.YELLOW, "coughing", shown)
    second = book.open(RED_IIN, ReferralReason.RED, None, None)
    again = book.open(YELLOW_IIN, ReferralReason.STATUS_WRONG, None, None)

    assert first.new and second.new and not again.new
    assert again.referral == first.referral, "the person's open referral, not a second ticket"
    opened = first.referral
    assert (opened.ticket, second.referral.ticket) == ("G7-001", "G7-002")
    assert opened.state is ReferralState.OPEN and opened.mine and not opened.delivered
    assert (opened.status_shown, opened.provenance, opened.name) == (
        Status.YELLOW,
        Provenance.LIVE,
        "Айгерим Б.",
    )
    assert (opened.entrance, opened.desk, opened.check_in) == (
        "gate-7",
        "boarding-7a",
        shown.check_in,
    )
    [event, _] = Outbox(store).pending(now=clock.now())
    assert event.type.value == "referral_opened" and event.iin == YELLOW_IIN
    assert event.data == {
        "referral_id": opened.id,
        "ticket": "G7-001",
        "status_shown": "yellow",
        "provenance": "live",
        "reason": "yellow",
        "note": "coughing",
        "masked_id": mask_iin(YELLOW_IIN),
        "name": "Айгерим Б.",
        "check_in": shown.check_in,
    }
    Outbox(store).acknowledge([event.id], now=clock.now())
    assert book.get(opened.id).delivered
    rows = store.query("SELECT * FROM referrals")
    assert YELLOW_IIN not in json.dumps(rows, ensure_ascii=False)


def test_the_ticket_number_starts_again_each_day_and_skips_numbers_known_taken(
    store: Store, clock: FakeClock
) -> None:
    book = book_for(store, clock)
    assert book.open(YELLOW_IIN, ReferralReason.YELLOW, None, None).referral.ticket == "G7-001"
    # another desk (misconfigured with the same prefix) took G7-005, as a pull showed
    pulled = remote(str(uuid.uuid4()), iin=RED_IIN, opened_at=clock.now(), ticket_text="G7-005")
    book.merge(ReferralPull(DESK.venue_bin, clock.now(), (pulled,)))
    assert book.open(GREEN_IIN, ReferralReason.STATUS_WRONG, None, None).referral.ticket == "G7-006"
    clock.advance(86_400)
    assert book.open(OTHER_IIN, ReferralReason.OTHER, None, None).referral.ticket == "G7-001"


def test_a_note_over_500_characters_is_refused(store: Store, clock: FakeClock) -> None:
    with pytest.raises(ReferralError) as refused:
        book_for(store, clock).open(YELLOW_IIN, ReferralReason.OTHER, "x" * 501, None)
    assert refused.value.why is ReferralRefused.NOTE_TOO_LONG
    assert Outbox(store).stats().pending == 0


# --- resolving -----------------------------------------------------------------------


def test_resolving_records_the_outcome_once_and_queues_the_event(
    store: Store, clock: FakeClock
) -> None:
    book = book_for(store, clock)
    opened = book.open(YELLOW_IIN, ReferralReason.YELLOW, None, None).referral
    clock.advance(600)
    resolved = book.resolve(opened.id, ReferralOutcome.CLEARED, "PCR negative", "dr. Seitkali")

    assert resolved.state is ReferralState.RESOLVED and resolved.outcome is ReferralOutcome.CLEARED
    assert (resolved.resolved_at, resolved.valid_until) == (
        clock.now(),
        clock.now() + RESOLUTION_LIFETIME,
    )
    assert resolved.resolved_by == "gate-7/boarding-7a" and not resolved.delivered
    event = Outbox(store).pending(now=clock.now())[-1]
    assert (event.type.value, event.iin) == ("referral_resolved", None)
    assert event.data == {
        "referral_id": opened.id,
        "outcome": "cleared",
        "note": "PCR negative",
        "ticket": opened.ticket,
        "operator": "dr. Seitkali",
    }
    for attempt in ("again", "other"):
        with pytest.raises(ReferralError) as refused:
            book.resolve(opened.id, ReferralOutcome.CONFIRMED, attempt, None)
        assert refused.value.why is ReferralRefused.ALREADY_RESOLVED
    with pytest.raises(ReferralError) as unknown:
        book.resolve(str(uuid.uuid4()), ReferralOutcome.CLEARED, "", None)
    assert unknown.value.why is ReferralRefused.UNKNOWN_REFERRAL
    assert Outbox(store).stats().pending == 2


def test_a_clearance_holds_for_the_person_until_it_lapses(store: Store, clock: FakeClock) -> None:
    book = book_for(store, clock)
    opened = book.open(YELLOW_IIN, ReferralReason.YELLOW, None, None).referral
    subject = store.keys.subject(YELLOW_IIN, clock.now())
    assert book.clearance(subject, clock.now()) is None, "open: nothing to apply yet"
    book.resolve(opened.id, ReferralOutcome.CLEARED, "", None)

    assert book.clearance(subject, clock.now()).id == opened.id
    assert book.clearance(store.keys.subject(RED_IIN, clock.now()), clock.now()) is None
    clock.advance(RESOLUTION_LIFETIME + 1)
    assert book.clearance(subject, clock.now()) is None


# --- the service's news ----------------------------------------------------------------


def test_a_pull_brings_other_desks_referrals_keyed_by_todays_subject_only(
    store: Store, clock: FakeClock
) -> None:
    doctor = book_for(store, clock, DOCTOR, "DR")
    fresh = remote(str(uuid.uuid4()), opened_at=clock.now() - 60)
    stale = remote(str(uuid.uuid4()), iin=RED_IIN, opened_at=clock.now() - WINDOW - 60)
    merged = doctor.merge(ReferralPull(DESK.venue_bin, clock.now() - 1, (fresh, stale)))

    assert merged.changed and merged.resolved == ()
    [known] = doctor.current()
    assert known.id == fresh.id and not known.mine and known.delivered
    assert (known.ticket, known.masked_id, known.entrance) == (
        "G3-001",
        mask_iin(YELLOW_IIN),
        "gate-3",
    )
    [row] = store.query("SELECT subject FROM referrals")
    assert row["subject"] == store.keys.subject(YELLOW_IIN, clock.now())
    assert YELLOW_IIN not in json.dumps(store.query("SELECT * FROM referrals"))
    assert doctor.pull_since() == clock.now() - 1
    assert not doctor.merge(ReferralPull(DESK.venue_bin, clock.now() - 5, (fresh,))).changed
    assert store.get_meta(PULLED_AS_OF_KEY) == repr(clock.now() - 1), "the bookmark never goes back"


def test_the_doctors_outcome_reaches_the_desk_with_an_alert_and_wins_over_its_own(
    store: Store, clock: FakeClock
) -> None:
    desk = book_for(store, clock)
    mine = desk.open(YELLOW_IIN, ReferralReason.YELLOW, None, None).referral
    clock.advance(300)
    cleared = remote(
        mine.id,
        opened_at=mine.opened_at,
        outcome="cleared",
        resolved_at=clock.now() - 10,
        entrance=DESK.entrance,
        desk=DESK.desk,
        ticket_text=mine.ticket,
    )
    merged = desk.merge(ReferralPull(DESK.venue_bin, clock.now(), (cleared,)))

    [resolved] = merged.resolved
    assert resolved.outcome is ReferralOutcome.CLEARED and resolved.resolved_by == "medical/doctor"
    assert resolved.valid_until == cleared.valid_until
    [alert] = Alerts(store).unseen()
    assert alert.kind is AlertKind.REFERRAL_RESOLVED
    assert (alert.payload.ticket, alert.payload.outcome) == (mine.ticket, "cleared")
    again = desk.merge(ReferralPull(DESK.venue_bin, clock.now() + 5, (cleared,)))
    assert again == type(again)(changed=False), "the same news twice changes nothing"
    assert len(Alerts(store).unseen()) == 1


def test_a_resolution_not_yet_delivered_stands_against_an_open_copy_from_the_service(
    store: Store, clock: FakeClock
) -> None:
    doctor = book_for(store, clock, DOCTOR, "DR")
    still_open = remote(str(uuid.uuid4()), opened_at=clock.now() - 60)
    doctor.merge(ReferralPull(DESK.venue_bin, clock.now(), (still_open,)))
    doctor.resolve(still_open.id, ReferralOutcome.CONFIRMED, "red stands", "dr")
    merged = doctor.merge(ReferralPull(DESK.venue_bin, clock.now(), (still_open,)))

    assert not merged.changed
    assert doctor.get(still_open.id).outcome is ReferralOutcome.CONFIRMED
    other = replace(
        remote(
            still_open.id,
            opened_at=still_open.opened_at,
            outcome="cleared",
            resolved_at=clock.now(),
        ),
    )
    won = doctor.merge(ReferralPull(DESK.venue_bin, clock.now() + 1, (other,)))
    assert [r.outcome for r in won.resolved] == [ReferralOutcome.CLEARED], (
        "the first resolution wins"
    )


YEAR_2099 = 4_070_908_800.0  # 2099-01-01T00:00:00Z


@pytest.mark.parametrize(
    "forge",
    [
        lambda r: replace(r, resolved_at=YEAR_2099, valid_until=YEAR_2099 + 12 * 3600),
        lambda r: replace(r, resolved_at=r.opened_at - 3600),
        lambda r: replace(r, resolved_at=None),
        lambda r: replace(r, resolved_by_venue="190940011234"),
        lambda r: replace(r, resolved_by_venue=None),
        lambda r: replace(r, venue="190940011234", resolved_by_venue="190940011234"),
    ],
    ids=["in-2099", "before-opening", "no-time", "other-venues-doctor", "no-venue", "other-venue"],
)
def test_an_outcome_the_kiosk_cannot_believe_lets_nobody_board(
    store: Store, clock: FakeClock, forge: Any
) -> None:
    desk = book_for(store, clock)
    mine = desk.open(RED_IIN, ReferralReason.RED, None, None).referral
    clock.advance(300)
    honest = remote(
        mine.id,
        iin=RED_IIN,
        opened_at=mine.opened_at,
        outcome="cleared",
        resolved_at=clock.now() - 10,
        ticket_text=mine.ticket,
    )
    merged = desk.merge(ReferralPull(DESK.venue_bin, clock.now(), (forge(honest),)))

    assert merged.disbelieved == (mine.id,) and merged.resolved == ()
    assert desk.get(mine.id).outcome is None
    assert desk.clearance(store.keys.subject(RED_IIN, clock.now()), clock.now()) is None
    assert not Alerts(store).unseen()


def test_a_resolution_just_ahead_of_the_kiosks_clock_is_believed_within_the_skew(
    store: Store, clock: FakeClock
) -> None:
    desk = book_for(store, clock)
    mine = desk.open(RED_IIN, ReferralReason.RED, None, None).referral
    within = remote(
        mine.id,
        iin=RED_IIN,
        opened_at=mine.opened_at,
        outcome="cleared",
        resolved_at=clock.now() + 100,
    )
    assert desk.merge(ReferralPull(DESK.venue_bin, clock.now(), (within,))).resolved
    assert desk.get(mine.id).outcome is ReferralOutcome.CLEARED


def test_a_valid_until_past_twelve_hours_from_the_resolution_is_cut_to_twelve(
    store: Store, clock: FakeClock
) -> None:
    desk = book_for(store, clock)
    mine = desk.open(RED_IIN, ReferralReason.RED, None, None).referral
    resolved_at = clock.now() + 5
    for valid_until in (YEAR_2099, None):
        with store.transaction() as conn:
            conn.execute("UPDATE referrals SET outcome = NULL, valid_until = NULL")
        told = replace(
            remote(
                mine.id,
                iin=RED_IIN,
                opened_at=mine.opened_at,
                outcome="cleared",
                resolved_at=resolved_at,
            ),
            valid_until=valid_until,
        )
        desk.merge(ReferralPull(DESK.venue_bin, clock.now(), (told,)))
        assert desk.get(mine.id).valid_until == resolved_at + RESOLUTION_LIFETIME
    subject = store.keys.subject(RED_IIN, clock.now())
    assert desk.clearance(subject, resolved_at + RESOLUTION_LIFETIME - 1) is not None
    assert desk.clearance(subject, resolved_at + RESOLUTION_LIFETIME + 1) is None


def test_the_days_end_unlinks_referrals_and_keeps_them_for_reports(
    store: Store, clock: FakeClock
) -> None:
    book = book_for(store, clock)
    opened = book.open(YELLOW_IIN, ReferralReason.YELLOW, "note", None).referral
    book.resolve(opened.id, ReferralOutcome.CONFIRMED, "stands", None)
    subject = store.keys.subject(YELLOW_IIN, clock.now())
    DayEnd(store, DESK, BusinessDay()).close_out(clock.now(), now=clock.now())

    [row] = store.query("SELECT * FROM referrals")
    assert (row["subject"], row["masked_id"], row["name"]) == (None, None, None)
    assert (row["ticket"], row["outcome"], row["status_shown"], row["reason"]) == (
        opened.ticket,
        "confirmed",
        None,
        "yellow",
    )
    assert book.clearance(subject, clock.now()) is None
    assert [r.id for r in book.every()] == [opened.id]


class AcceptingService:
    """Takes every event."""

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchResult:
        return BatchResult(tuple(str(e["id"]) for e in events), (), ())


def test_the_days_end_forgets_the_days_notes_once_they_are_delivered(
    store: Store, clock: FakeClock
) -> None:
    book = book_for(store, clock)
    typed = f"IIN {GREEN_IIN}, says Айгерим Бекова is her sister"
    delivered = book.open(YELLOW_IIN, ReferralReason.OTHER, typed, None).referral
    book.resolve(delivered.id, ReferralOutcome.CONFIRMED, f"called {OTHER_IIN}", "dr")
    Syncer(store, AcceptingService(), clock).run_once()
    waiting = book.open(RED_IIN, ReferralReason.OTHER, f"brother {OTHER_IIN}", None).referral
    day_end = DayEnd(store, DESK, BusinessDay())
    day_end.close_out(clock.now(), now=clock.now())

    def texts() -> str:
        rows = store.query("SELECT note, resolution_note FROM referrals")
        events = store.query("SELECT data FROM outbox WHERE acked_at IS NOT NULL")
        return json.dumps([rows, events], ensure_ascii=False)

    assert GREEN_IIN not in texts() and "Айгерим" not in texts() and OTHER_IIN not in texts()
    assert [(r.note, r.resolution_note) for r in book.every()] == [(None, None)] * 2
    [pending] = store.query("SELECT data FROM outbox WHERE acked_at IS NULL")
    assert f"brother {OTHER_IIN}" in str(pending["data"]), "a waiting event delivers its note"
    assert book.get(delivered.id).outcome is ReferralOutcome.CONFIRMED, "the outcome stays"

    Syncer(store, AcceptingService(), clock).run_once()
    clock.advance(86_400)
    day_end.close_out(clock.now(), now=clock.now())
    everything = json.dumps(store.query("SELECT data FROM outbox"), ensure_ascii=False)
    assert OTHER_IIN not in everything and waiting.id in everything


def test_every_referral_kept_or_only_the_open_ones(store: Store, clock: FakeClock) -> None:
    book = book_for(store, clock)
    resolved = book.open(YELLOW_IIN, ReferralReason.YELLOW, None, None).referral
    book.resolve(resolved.id, ReferralOutcome.CLEARED, "fine", None)
    clock.advance(60)
    waiting = book.open(GREEN_IIN, ReferralReason.STATUS_WRONG, None, None).referral
    clock.advance(2 * 86_400)  # days later: no longer today's
    DayEnd(store, DESK, BusinessDay()).close_out(clock.now(), now=clock.now())

    assert [r.id for r in book.every()] == [resolved.id, waiting.id]
    assert [r.id for r in book.every(open_only=True)] == [waiting.id]
    assert book.current(open_only=True) == ()


# --- refusals from the sync -----------------------------------------------------------


class RefusingService:
    """Accepts every event but the resolutions, which it refuses with *reason*."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchResult:
        ids = [str(e["id"]) for e in events]
        refused = [str(e["id"]) for e in events if e["type"] == "referral_resolved"]
        accepted = tuple(i for i in ids if i not in refused)
        return BatchResult(accepted, (), tuple((i, self.reason) for i in refused))


@pytest.mark.parametrize("reason", ["already_resolved", "unknown_referral"])
def test_a_refused_resolution_is_the_doctor_rooms_alert_not_a_dead_letter(
    reason: str, store: Store, clock: FakeClock
) -> None:
    doctor = book_for(store, clock, DOCTOR, "DR")
    pulled = remote(str(uuid.uuid4()), opened_at=clock.now() - 60)
    doctor.merge(ReferralPull(DESK.venue_bin, clock.now(), (pulled,)))
    doctor.resolve(pulled.id, ReferralOutcome.CLEARED, "ok", "dr")
    report = Syncer(store, RefusingService(reason), clock).run_once()

    assert report.rejected == 1
    [alert] = Alerts(store).unseen()
    assert alert.kind is AlertKind.RESOLUTION_REFUSED
    assert (alert.payload.referral_id, alert.payload.ticket, alert.payload.reason) == (
        pulled.id,
        "G3-001",
        reason,
    )
    after = doctor.get(pulled.id)
    if reason == "unknown_referral":
        assert after.state is ReferralState.OPEN, "reopened: it may be resolved again"
    else:
        assert after.outcome is ReferralOutcome.CLEARED and not after.delivered


@pytest.mark.parametrize(
    "reason",
    ["not_a_doctor_room", "wrong_venue", "resolved_in_future", "resolved_before_opened"],
)
def test_a_resolution_refused_for_its_sender_or_time_reopens_and_is_a_dead_letter(
    reason: str, store: Store, clock: FakeClock
) -> None:
    doctor = book_for(store, clock, DOCTOR, "DR")
    pulled = remote(str(uuid.uuid4()), opened_at=clock.now() - 60)
    doctor.merge(ReferralPull(DESK.venue_bin, clock.now(), (pulled,)))
    doctor.resolve(pulled.id, ReferralOutcome.CLEARED, "ok", "dr")
    report = Syncer(store, RefusingService(reason), clock).run_once()

    assert report.rejected == 1
    [alert] = Alerts(store).unseen()
    assert alert.kind is AlertKind.DEAD_LETTER, "the device or its clock needs fixing"
    assert doctor.get(pulled.id).state is ReferralState.OPEN
