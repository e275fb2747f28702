"""The day report against a scripted day at a fitness club, recorded through
the real desk flow and the real sync: exact numbers, no personal data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict

import pytest

from kiosk.dayend import BusinessDay
from kiosk.decision import Direction
from kiosk.events import EventType, NewEvent
from kiosk.reports.dashboard import DecisionCounts, ReferralCounts, StatusCounts, day_report
from kiosk.reports.daysheet import report_csv
from kiosk.storage.annulment import annul
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from tests.club_day import (
    ALMATY,
    CLUB,
    DAY,
    DESK,
    NEXT,
    U1,
    U2,
    U3,
    U4,
    ClubDay,
    at,
    local,
    play,
)
from tests.fakes import BLUE_IIN, GREEN_IIN, RED_IIN, YELLOW_IIN


@pytest.fixture
def club(store: Store) -> ClubDay:
    return ClubDay(store)


def test_the_whole_day_read_the_next_morning(club: ClubDay) -> None:
    play(club, until=at(12, 0, NEXT))

    report = club.report(now=at(12, 0, NEXT))

    assert report.complete
    assert (report.start, report.end, report.as_of) == (
        at(22, 0, DAY - dt.timedelta(1)),
        at(22),
        at(22),
    )
    assert (local(report.opened_at or 0), local(report.closed_at or 0)) == ("08:00", "22:00")
    assert report.working_hours_s == 14 * 3600
    assert report.by_status == StatusCounts(green=1, blue=1, yellow=2, red=1, none=4)
    assert report.by_decision == DecisionCounts(admit=6, deny=2, ask_staff=1)
    assert report.check_ins == 9
    assert (report.exits, report.automatic_exits) == (6, 4)
    assert (report.peak, local(report.peak_at or 0)) == (5, "11:00")
    assert report.unverified_admitted == 3
    assert (report.unverified_turned_red, report.unverified_not_red) == (2, 1)
    assert report.unverified_pending == 0
    assert report.staff_overrides == 1
    assert (report.red_reports, report.red_reports_delivered) == (3, 3)
    assert report.referrals == ReferralCounts(open=1, cleared=1, confirmed=1)


def test_people_inside_step_through_the_day_with_a_point_every_hour(club: ClubDay) -> None:
    play(club, until=at(12, 0, NEXT))

    series = [(local(moment), inside) for moment, inside in club.report(at(12, 0, NEXT)).occupancy]

    night = [(f"{h:02d}:00", 0) for h in (*range(22, 24), *range(0, 8))]
    assert series == [
        *night,
        ("08:00", 1),
        ("08:30", 2),
        ("09:00", 2),
        ("10:00", 3),
        ("10:10", 4),
        ("11:00", 5),
        ("12:00", 4),
        ("13:00", 4),
        ("14:00", 5),
        ("15:00", 4),
        *[(f"{h}:00", 4) for h in range(16, 22)],
        ("22:00", 0),
    ]


def test_a_running_day_is_reported_up_to_now(club: ClubDay) -> None:
    play(club, until=at(12, 30))

    report = club.report(now=at(12, 30))

    assert not report.complete and report.as_of == at(12, 30)
    assert report.occupancy[-2:] == ((at(12), 4), (at(12, 30), 4))
    assert local(report.closed_at or 0) == "12:00"
    assert (report.exits, report.automatic_exits) == (1, 0)
    assert report.unverified_admitted == 2
    assert (report.unverified_turned_red, report.unverified_not_red) == (0, 0)
    assert report.unverified_pending == 2  # nothing sent yet
    assert (report.red_reports, report.red_reports_delivered) == (1, 0)
    assert report.referrals == ReferralCounts(open=2, cleared=1, confirmed=0)


def test_the_sync_tells_what_unverified_visitors_were(club: ClubDay) -> None:
    play(club, until=at(13, 30))

    report = club.report(now=at(13, 30))

    assert (report.unverified_turned_red, report.unverified_not_red) == (1, 1)
    assert (report.red_reports, report.red_reports_delivered) == (2, 2)


def test_news_recorded_the_next_day_belongs_to_the_day_it_is_about(club: ClubDay) -> None:
    play(club, until=at(12, 0, NEXT))

    next_day = club.report(now=at(12, 0, NEXT), day=NEXT)

    assert next_day.red_reports == 0 and next_day.referrals == ReferralCounts()
    assert next_day.check_ins == 0 and next_day.opened_at is None and next_day.peak == 0
    assert next_day.occupancy[0] == (at(22), 0) and next_day.occupancy[-1] == (at(12, 0, NEXT), 0)


def test_the_report_holds_no_personal_data(club: ClubDay) -> None:
    play(club, until=at(12, 0, NEXT))
    running = club.report(now=at(12, 0))  # masked ids are still in the outbox then

    for report in (running, club.report(now=at(12, 0, NEXT))):
        text = repr(report) + json.dumps(report.to_json()) + repr(asdict(report))
        for iin in (GREEN_IIN, BLUE_IIN, YELLOW_IIN, RED_IIN, U1, U2, U3, U4):
            assert iin not in text
        assert "•" not in text and "aigerim" not in text


def test_an_empty_or_future_day_is_a_report_of_zeros(store: Store) -> None:
    empty = day_report(store, DAY, CLUB, now=at(12, 0, NEXT))
    future = day_report(store, NEXT, CLUB, now=at(12))

    assert empty.check_ins == 0 and empty.peak == 0 and empty.peak_at is None
    assert empty.working_hours_s is None and len(empty.occupancy) == 25  # start, 23 hours, end
    assert future.occupancy == ((at(22), 0),) and not future.complete


def test_exits_of_people_from_another_day_and_pass_backs_do_not_skew_the_count(
    store: Store,
) -> None:
    def check_in(moment: float, flags: list[str]) -> NewEvent:
        data = {"decision": "admit", "status": "green", "provenance": "pass", "flags": flags}
        return NewEvent(EventType.CHECK_IN, moment, data)

    first = check_in(at(9), [])
    again = check_in(at(9, 5), ["passback"])  # the same person let in again: still one
    events = [
        NewEvent(EventType.CHECK_OUT, at(8), {"check_in": "yesterday", "automatic": False}),
        NewEvent(EventType.CHECK_OUT, at(8, 30), {"automatic": False}),  # nobody was inside
        first,
        again,
        NewEvent(EventType.CHECK_OUT, at(10), {"check_in": again.id, "automatic": False}),
    ]
    Outbox(store).add(events, desk=DESK, now=at(10))

    report = day_report(store, DAY, CLUB, now=at(11))

    def inside(moment: float) -> int:
        return [n for t, n in report.occupancy if t <= moment][-1]

    assert [inside(at(8, 45)), inside(at(9, 0)), inside(at(9, 30)), inside(at(10))] == [0, 1, 1, 0]
    assert report.exits == 3 and report.peak == 1
    assert report.working_hours_s == 3600  # first entry to last exit


def test_entries_and_exits_the_gate_annulled_are_counted_apart_not_as_visits(
    store: Store,
) -> None:
    def check_in(moment: float, status: str) -> NewEvent:
        data = {"decision": "admit", "status": status, "provenance": "pass", "flags": []}
        return NewEvent(EventType.CHECK_IN, moment, data)

    nobody, stays = check_in(at(9), "green"), check_in(at(9, 5), "blue")
    not_left = NewEvent(EventType.CHECK_OUT, at(10), {"check_in": stays.id, "automatic": False})
    left = NewEvent(EventType.CHECK_OUT, at(11), {"check_in": stays.id, "automatic": True})
    Outbox(store).add([nobody, stays, not_left], desk=DESK, now=at(10))
    # The gate's keeper: nobody walked through either open (the desk's own call).
    assert annul(store, DESK, Direction.ENTRY, nobody.id, at(9) + 10) is not None
    assert annul(store, DESK, Direction.EXIT, not_left.id, at(10) + 10) is not None
    Outbox(store).add([left], desk=DESK, now=at(11))

    report = day_report(store, DAY, CLUB, now=at(12))

    def inside(moment: float) -> int:
        return [n for t, n in report.occupancy if t <= moment][-1]

    assert (report.entries_annulled, report.exits_annulled) == (1, 1)
    assert report.check_ins == 1 and report.by_decision == DecisionCounts(admit=1)
    assert report.by_status == StatusCounts(blue=1)
    assert (report.exits, report.automatic_exits) == (1, 1)
    assert [inside(at(9, 1)), inside(at(9, 30)), inside(at(10, 30)), inside(at(11))] == [0, 1, 1, 0]
    assert report.opened_at == at(9, 5) and report.closed_at == at(11)
    words = report.to_json()
    assert (words["entries_annulled"], words["exits_annulled"]) == (1, 1)
    assert words["exits"] == 1 and words["check_ins"]["by_decision"]["admit"] == 1
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert ["annulled", "entries", "1"] in rows and ["annulled", "exits", "1"] in rows


@pytest.mark.parametrize(
    ("closing", "first", "last"),
    [
        (None, (DAY, "00:00"), (NEXT, "00:00")),
        (dt.time(22, 0), (DAY - dt.timedelta(1), "22:00"), (DAY, "22:00")),
        (dt.time(2, 0), (DAY, "02:00"), (NEXT, "02:00")),  # a sauna open past midnight
    ],
)
def test_a_business_day_is_named_by_the_date_of_its_noon(
    closing: dt.time | None, first: tuple[dt.date, str], last: tuple[dt.date, str]
) -> None:
    venue = BusinessDay(closing, ALMATY)

    start, end = venue.bounds(DAY)

    assert (start, end) == (at(int(first[1][:2]), 0, first[0]), at(int(last[1][:2]), 0, last[0]))
    assert venue.date_of(start + 1) == venue.date_of(end) == DAY
    assert venue.date_of(start) == DAY - dt.timedelta(days=1)


def test_the_csv_is_one_table_a_spreadsheet_reads_as_it_is(club: ClubDay) -> None:
    play(club, until=at(12, 0, NEXT))

    text = report_csv(club.report(now=at(12, 0, NEXT)))

    assert text.startswith("section,item,value\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    cells = {(section, item): value for section, item, value in rows[1:] if section != "occupancy"}
    assert cells == {
        ("day", "date"): "2026-09-22",
        ("day", "utc_offset"): "+05:00",
        ("day", "complete"): "yes",
        ("day", "as_of"): "2026-09-22 22:00:00",
        ("hours", "opened_at"): "2026-09-22 08:00:00",
        ("hours", "closed_at"): "2026-09-22 22:00:00",
        ("hours", "working_hours"): "14:00:00",
        ("inside", "peak"): "5",
        ("inside", "peak_at"): "2026-09-22 11:00:00",
        **{("status", k): v for k, v in [("green", "1"), ("blue", "1"), ("yellow", "2")]},
        **{("status", k): v for k, v in [("red", "1"), ("none", "4"), ("all", "9")]},
        **{("decision", k): v for k, v in [("admit", "6"), ("deny", "2"), ("ask_staff", "1")]},
        **{("exits", "all"): "6", ("exits", "automatic"): "4"},
        **{("annulled", "entries"): "0", ("annulled", "exits"): "0"},
        **{("unverified", k): v for k, v in [("admitted", "3"), ("turned_red", "2")]},
        **{("unverified", k): v for k, v in [("not_red", "1"), ("pending", "0")]},
        ("staff", "overrides"): "1",
        **{("red_reports", k): v for k, v in [("all", "3"), ("delivered", "3"), ("queued", "0")]},
        **{("referrals", k): "1" for k in ("open", "cleared", "confirmed")},
    }
    occupancy = [(item, value) for section, item, value in rows[1:] if section == "occupancy"]
    assert occupancy[0] == ("2026-09-21 22:00:00", "0")
    assert ("2026-09-22 10:10:00", "4") in occupancy
    assert (
        occupancy[-1] == ("2026-09-22 22:00:00", "0") and len(occupancy) == 25 + 2
    )  # hours, 08:30, 10:10
    assert "•" not in text and U1 not in text


def test_the_csv_leaves_unknown_times_empty(store: Store) -> None:
    rows = list(csv.reader(io.StringIO(report_csv(day_report(store, DAY, CLUB, now=at(12))))))

    cells = {(section, item): value for section, item, value in rows[1:]}
    assert cells["hours", "opened_at"] == cells["hours", "working_hours"] == ""
    assert cells["inside", "peak_at"] == "" and cells["day", "complete"] == "no"
