"""The day report as one CSV table a spreadsheet opens as it is."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict

from kiosk.reports.dashboard import DayReport

COLUMNS = ("section", "item", "value")


def report_csv(report: DayReport) -> str:
    """The report as one flat table of three columns: section, item, value.

    One table rather than several, so a spreadsheet opens it without
    splitting, a filter on `section` shows one part, and a pivot or a
    chart works on it directly. The summary comes first, one row a number
    (sections `day`, `hours`, `inside`, `status`, `decision`, `exits`,
    `annulled` (entries and exits the gate annulled, nobody having walked
    through: left out of the other counts), `unverified`, `staff`,
    `red_reports`, `referrals`); then the people inside through the day,
    one `occupancy` row a point of the step series: item = from when,
    value = how many. Times are the venue's local time as
    `YYYY-MM-DD HH:MM:SS`, which spreadsheets read as date-times; the
    zone's offset is the `day,utc_offset` row; the working hours are a
    duration `H:MM:SS`. Empty value: not known (no entry yet, no exit
    yet). UTF-8, CRLF line ends (RFC 4180); no personal data.
    """
    rows: list[tuple[str, str, object]] = [
        ("day", "date", report.day.isoformat()),
        ("day", "utc_offset", _offset(report)),
        ("day", "complete", "yes" if report.complete else "no"),
        ("day", "as_of", _time(report, report.as_of)),
        ("hours", "opened_at", _time(report, report.opened_at)),
        ("hours", "closed_at", _time(report, report.closed_at)),
        ("hours", "working_hours", _duration(report.working_hours_s)),
        ("inside", "peak", report.peak),
        ("inside", "peak_at", _time(report, report.peak_at)),
        *(("status", name, count) for name, count in asdict(report.by_status).items()),
        ("status", "all", report.check_ins),
        *(("decision", name, count) for name, count in asdict(report.by_decision).items()),
        ("exits", "all", report.exits),
        ("exits", "automatic", report.automatic_exits),
        ("annulled", "entries", report.entries_annulled),
        ("annulled", "exits", report.exits_annulled),
        ("unverified", "admitted", report.unverified_admitted),
        ("unverified", "turned_red", report.unverified_turned_red),
        ("unverified", "not_red", report.unverified_not_red),
        ("unverified", "pending", report.unverified_pending),
        ("staff", "overrides", report.staff_overrides),
        ("red_reports", "all", report.red_reports),
        ("red_reports", "delivered", report.red_reports_delivered),
        ("red_reports", "queued", report.red_reports_queued),
        *(("referrals", name, count) for name, count in asdict(report.referrals).items()),
        *(("occupancy", _time(report, at), inside) for at, inside in report.occupancy),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


def _time(report: DayReport, at: float | None) -> str:
    return report.local(at).strftime("%Y-%m-%d %H:%M:%S") if at is not None else ""


def _offset(report: DayReport) -> str:
    text = report.local(report.start).strftime("%z")  # +0500
    return f"{text[:3]}:{text[3:]}"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
