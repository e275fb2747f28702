"""The venue's day in numbers, from the outbox alone, with no personal data.

What a venue manager reads at the end of the day (docs/architecture.md, section 7):
people inside through the day, the real working hours (first entry to last
exit), check-ins by status and by decision, unverified admissions and what
they turned out to be, red reports, staff overrides and doctor referrals;
entries and exits the gate annulled (nobody walked through) are counted
apart, and left out of everything else.

A report reads two ranges of the `outbox_time` index: the business day
itself, and, only when the day left questions open (an unverified
admission, an open referral), the events recorded after it (a sync's
retroactive red report, a doctor's resolution). Nothing in the result
names or masks a person: no IIN, masked id, name or subject.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from kiosk.dayend import BusinessDay
from kiosk.decision import Flag
from kiosk.events import EventType
from kiosk.policy import Outcome
from kiosk.status import Provenance
from kiosk.storage.store import Store, float_or_none

HOUR = 3600.0
RETROACTIVE = "retroactive"
"""`red_report.data.provenance` of a report the sync queued for an unverified check-in."""


@dataclass(frozen=True)
class StatusCounts:
    """Check-ins by the status behind the decision (`none`: nothing verified)."""

    green: int = 0
    blue: int = 0
    yellow: int = 0
    red: int = 0
    none: int = 0


@dataclass(frozen=True)
class DecisionCounts:
    """Check-ins by what the desk decided (`ask_staff`: nobody answered)."""

    admit: int = 0
    deny: int = 0
    ask_staff: int = 0


@dataclass(frozen=True)
class ReferralCounts:
    """The day's doctor referrals by where they stand now."""

    open: int = 0
    cleared: int = 0
    confirmed: int = 0


@dataclass(frozen=True)
class DayReport:
    """One business day of one desk, as far as `as_of` (the day may be running).

    Times are Unix seconds. `occupancy` is a step series: each point
    `(time, inside)` holds from its time until the next point's; it starts
    at `(start, 0)`, has a point at every full local hour and ends at
    `as_of`.
    """

    day: dt.date
    start: float
    end: float
    as_of: float
    timezone: dt.tzinfo | None
    opened_at: float | None
    closed_at: float | None
    occupancy: tuple[tuple[float, int], ...]
    peak: int
    peak_at: float | None
    by_status: StatusCounts = field(default_factory=StatusCounts)
    by_decision: DecisionCounts = field(default_factory=DecisionCounts)
    exits: int = 0
    automatic_exits: int = 0
    entries_annulled: int = 0
    """Check-ins the gate annulled (nobody walked through): not counted above."""
    exits_annulled: int = 0
    """Check-outs the gate annulled: not counted in `exits`; the person stays inside."""
    unverified_admitted: int = 0
    unverified_turned_red: int = 0
    unverified_not_red: int = 0
    staff_overrides: int = 0
    red_reports: int = 0
    red_reports_delivered: int = 0
    referrals: ReferralCounts = field(default_factory=ReferralCounts)

    @property
    def complete(self) -> bool:
        """The day has ended: nothing more will happen in it."""
        return self.as_of >= self.end

    @property
    def check_ins(self) -> int:
        return sum(asdict(self.by_decision).values())

    @property
    def working_hours_s(self) -> float | None:
        """First entry to last exit, or None before there are both."""
        if self.opened_at is None or self.closed_at is None or self.closed_at < self.opened_at:
            return None
        return self.closed_at - self.opened_at

    @property
    def unverified_pending(self) -> int:
        """Unverified admissions the service has not answered for yet."""
        return self.unverified_admitted - self.unverified_turned_red - self.unverified_not_red

    @property
    def red_reports_queued(self) -> int:
        return self.red_reports - self.red_reports_delivered

    def local(self, at: float) -> dt.datetime:
        """*at* on the venue's clock."""
        return dt.datetime.fromtimestamp(at, tz=self.timezone).astimezone(self.timezone)

    def to_json(self) -> dict[str, Any]:
        """The report as `ashyq-kiosk report` prints it: RFC 3339 UTC times."""
        from kiosk.wiretime import format_time, time_or_none

        return {
            "day": self.day.isoformat(),
            "complete": self.complete,
            "as_of": format_time(self.as_of),
            "opened_at": time_or_none(self.opened_at),
            "closed_at": time_or_none(self.closed_at),
            "working_hours_s": self.working_hours_s,
            "peak": self.peak,
            "peak_at": time_or_none(self.peak_at),
            "occupancy": [[format_time(at), inside] for at, inside in self.occupancy],
            "check_ins": {
                "by_status": asdict(self.by_status),
                "by_decision": asdict(self.by_decision),
            },
            "exits": self.exits,
            "automatic_exits": self.automatic_exits,
            "entries_annulled": self.entries_annulled,
            "exits_annulled": self.exits_annulled,
            "unverified_admitted": self.unverified_admitted,
            "unverified_turned_red": self.unverified_turned_red,
            "unverified_not_red": self.unverified_not_red,
            "unverified_pending": self.unverified_pending,
            "staff_overrides": self.staff_overrides,
            "red_reports": self.red_reports,
            "red_reports_delivered": self.red_reports_delivered,
            "referrals": asdict(self.referrals),
        }


@dataclass(frozen=True)
class _Event:
    id: str
    type: str
    at: float
    data: Mapping[str, Any]
    acked_at: float | None


def day_report(store: Store, day: dt.date, business_day: BusinessDay, *, now: float) -> DayReport:
    """The business day named *day* (see `BusinessDay.bounds`), up to *now*."""
    start, end = business_day.bounds(day)
    as_of = max(start, min(end, now))
    tally = _Tally(start, end, _annulled(store, start, end))
    for event in _read(store, start, as_of):
        tally.add(event)
    reports_until, referrals_until = tally.news_until(now)
    if max(reports_until, referrals_until) > end:
        for event in _read_news(store, end, reports_until, referrals_until):
            tally.learn(event)
    return tally.report(day, as_of, business_day.timezone)


_COLUMNS = "SELECT id, type, occurred_at, data, acked_at FROM outbox "


def _read(store: Store, after: float, until: float) -> list[_Event]:
    """Events in (after, until] in the order they happened; never the IIN or subject."""
    rows = store.query(
        _COLUMNS + "WHERE occurred_at > ? AND occurred_at <= ? ORDER BY occurred_at, seq",
        (after, until),
    )
    return [_event(row) for row in rows]


_ANNUL_WITHIN_S = 3600.0
"""An annulment comes within seconds of its entry (the open's 2 s, the pulse, at
most 120 s of passage time-out): one for an entry near the day's end may come
just past it, never an hour later. The bound keeps the read to the day's rows."""


def _annulled(store: Store, after: float, end: float) -> frozenset[str]:
    """The check-ins and check-outs of the day (*after*, *end*] annulled."""
    rows = store.query(
        "SELECT coalesce(json_extract(data, '$.check_in'), json_extract(data, '$.check_out')) "
        "AS annuls FROM outbox WHERE occurred_at > ? AND occurred_at <= ? AND type IN (?, ?)",
        (
            after,
            end + _ANNUL_WITHIN_S,
            EventType.ENTRY_ANNULLED.value,
            EventType.EXIT_ANNULLED.value,
        ),
    )
    return frozenset(str(row["annuls"]) for row in rows if row["annuls"] is not None)


def _read_news(store: Store, end: float, reports: float, referrals: float) -> list[_Event]:
    """Red reports in (end, reports] and referral resolutions in (end, referrals]."""
    rows = store.query(
        _COLUMNS + "WHERE occurred_at > ? AND occurred_at <= ? AND ("
        "(type = 'red_report' AND occurred_at <= ? "
        "AND json_extract(data, '$.provenance') = 'retroactive') "
        "OR (type = 'referral_resolved' AND occurred_at <= ?)) ORDER BY occurred_at, seq",
        (end, max(reports, referrals), reports, referrals),
    )
    return [_event(row) for row in rows]


def _event(row: dict[str, object]) -> _Event:
    return _Event(
        str(row["id"]),
        str(row["type"]),
        float(str(row["occurred_at"])),
        _data(row["data"]),
        float_or_none(row["acked_at"]),
    )


def _data(text: object) -> Mapping[str, Any]:
    try:
        data = json.loads(str(text))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


class _Tally:
    """Counts one day's events in time order, then learns what came after."""

    def __init__(self, start: float, end: float, annulled: frozenset[str]) -> None:
        self.start, self.end = start, end
        self.annulled = annulled  # check-ins and check-outs nobody walked through
        self.entries_annulled = self.exits_annulled = 0
        self.by_status = dict.fromkeys(vars(StatusCounts()), 0)
        self.by_decision = dict.fromkeys(vars(DecisionCounts()), 0)
        self.changes: list[tuple[float, int]] = []
        self.inside = 0
        self.admitted: set[str] = set()  # an exit names the check-in it ends
        self.unverified: dict[str, float | None] = {}  # check-in → delivered at
        self.unverified_admitted: set[str] = set()
        self.turned_red: set[str] = set()  # unverified check-ins with a retroactive report
        self.opened_at: float | None = None
        self.closed_at: float | None = None
        self.exits = self.automatic_exits = self.overrides = 0
        self.reports: dict[str, bool] = {}  # red report id → delivered
        self.referrals: dict[str, str] = {}  # referral id (or ticket) → outcome or "open"

    def add(self, event: _Event) -> None:
        """One event of the day itself."""
        if event.type == EventType.CHECK_IN:
            self._check_in(event)
        elif event.type == EventType.CHECK_OUT:
            self._check_out(event)
        elif event.type == EventType.STAFF_OVERRIDE:
            self.overrides += 1
        elif event.type == EventType.REFERRAL_OPENED:
            self.referrals.setdefault(_referral_key(event), "open")
        else:
            self.learn(event, in_day=True)

    def learn(self, event: _Event, *, in_day: bool = False) -> None:
        """A red report or a referral's resolution, of the day or recorded after it."""
        if event.type == EventType.RED_REPORT:
            self._red_report(event, in_day)
        elif event.type == EventType.REFERRAL_RESOLVED:
            key = _referral_key(event)
            outcome = _word(event.data.get("outcome"))
            if key in self.referrals and outcome in ("cleared", "confirmed"):
                self.referrals[key] = outcome

    def news_until(self, now: float) -> tuple[float, float]:
        """How far past the day to look for red reports, and for resolutions.

        The sync queues a retroactive red report in the transaction that
        marks the check-in delivered, so no report about the day comes after
        the last delivery of an unverified check-in still without one; a
        referral may be resolved any time.
        """
        waiting = [at for i, at in self.unverified.items() if at and i not in self.turned_red]
        open_referrals = "open" in self.referrals.values()
        return min(max(waiting, default=self.end), now), now if open_referrals else self.end

    # -- one handler per event type ----------------------------------------------

    def _check_in(self, event: _Event) -> None:
        if event.id in self.annulled:  # an entry that never was: counted apart
            self.entries_annulled += 1
            return
        data = event.data
        status = _word(data.get("status"))
        self.by_status[status if status in self.by_status else "none"] += 1
        decision = _word(data.get("decision"))
        if decision in self.by_decision:
            self.by_decision[decision] += 1
        if data.get("provenance") == Provenance.UNVERIFIED:
            self.unverified[event.id] = event.acked_at
        if decision != Outcome.ADMIT:
            return
        if self.opened_at is None:
            self.opened_at = event.at
        self.admitted.add(event.id)
        if event.id in self.unverified:
            self.unverified_admitted.add(event.id)
        if Flag.PASSBACK not in (data.get("flags") or ()):
            # An admitted pass-back replaced a stay: the count stays the same.
            self._step(event.at, +1)

    def _check_out(self, event: _Event) -> None:
        if event.id in self.annulled:  # nobody left: the stay goes on
            self.exits_annulled += 1
            return
        self.exits += 1
        if event.data.get("automatic"):
            self.automatic_exits += 1
        self.closed_at = event.at
        if _word(event.data.get("check_in")) in self.admitted:  # not someone from another day
            self._step(event.at, -1)

    def _red_report(self, event: _Event, in_day: bool) -> None:
        data = event.data
        delivered = event.acked_at is not None
        if data.get("provenance") != RETROACTIVE:
            if in_day:
                self.reports[event.id] = delivered
            return
        # Queued by the sync when it learned the status, maybe days later: it
        # belongs to the day of the check-in it is about.
        check_in = _word(data.get("check_in"))
        checked_in_at = float_or_none(data.get("checked_in_at"))
        if check_in in self.unverified:
            self.turned_red.add(check_in)
            self.reports[event.id] = delivered
        elif check_in is None and checked_in_at and self.start < checked_in_at <= self.end:
            self.reports[event.id] = delivered

    def _step(self, at: float, change: int) -> None:
        self.inside = max(0, self.inside + change)
        if self.changes and self.changes[-1][0] == at:
            self.changes[-1] = (at, self.inside)
        else:
            self.changes.append((at, self.inside))

    def report(self, day: dt.date, as_of: float, zone: dt.tzinfo | None) -> DayReport:
        series = _with_hours(self.start, as_of, self.changes, zone)
        peak = max(inside for _, inside in series)
        peak_at = next(at for at, inside in series if inside == peak) if peak else None
        not_red = [i for i in self.unverified_admitted - self.turned_red if self.unverified[i]]
        outcomes = list(self.referrals.values())
        return DayReport(
            day=day,
            start=self.start,
            end=self.end,
            as_of=as_of,
            timezone=zone,
            opened_at=self.opened_at,
            closed_at=self.closed_at,
            occupancy=series,
            peak=peak,
            peak_at=peak_at,
            by_status=StatusCounts(**self.by_status),
            by_decision=DecisionCounts(**self.by_decision),
            exits=self.exits,
            automatic_exits=self.automatic_exits,
            entries_annulled=self.entries_annulled,
            exits_annulled=self.exits_annulled,
            unverified_admitted=len(self.unverified_admitted),
            unverified_turned_red=len(self.turned_red & self.unverified_admitted),
            unverified_not_red=len(not_red),
            staff_overrides=self.overrides,
            red_reports=len(self.reports),
            red_reports_delivered=sum(self.reports.values()),
            referrals=ReferralCounts(
                open=outcomes.count("open"),
                cleared=outcomes.count("cleared"),
                confirmed=outcomes.count("confirmed"),
            ),
        )


def _word(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _referral_key(event: _Event) -> str:
    for name in ("referral_id", "ticket"):
        value = event.data.get(name)
        if isinstance(value, str) and value:
            return value
    return event.id


def _with_hours(
    start: float, as_of: float, changes: list[tuple[float, int]], zone: dt.tzinfo | None
) -> tuple[tuple[float, int], ...]:
    """The step series from 0 at *start* to *as_of*, with a point at each full hour."""
    local_start = dt.datetime.fromtimestamp(start, tz=zone).astimezone(zone)
    hour = local_start.replace(minute=0, second=0, microsecond=0).timestamp() + HOUR
    hours = []
    while hour < as_of:
        hours.append(hour)
        hour += HOUR
    times = sorted({start, as_of, *hours, *(at for at, _ in changes if at <= as_of)})
    points = []
    inside, done = 0, 0
    for at in times:
        while done < len(changes) and changes[done][0] <= at:
            inside = changes[done][1]
            done += 1
        points.append((at, inside))
    return tuple(points)
