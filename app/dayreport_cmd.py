"""`ashyq-kiosk report`: one business day of this desk, as JSON or CSV, no personal data."""

from __future__ import annotations

import argparse
import datetime as dt

from app.common import EXIT_OK, CliError, add_command, iso_date, write_output


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = add_command(
        sub,
        "report",
        "The day in numbers: people inside hour by hour, working hours, check-ins by "
        "status and decision, unverified admissions, red reports, referrals.",
    )
    report.add_argument(
        "--day",
        metavar="DATE",
        help="the business day, YYYY-MM-DD (it ends at [hours] close); default: today's",
    )
    report.add_argument(
        "--format",
        choices=["json", "csv"],
        default="json",
        help="one JSON object, or one CSV table",
    )
    report.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    report.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    day = _day(args.day) if args.day is not None else None
    from app.context import open_app
    from config.build import business_day as venue_day
    from kiosk.reports.dashboard import day_report

    app = open_app(args)
    try:
        business_day = venue_day(app.settings)
        now = app.clock.now()
        report = day_report(app.store, day or business_day.date_of(now), business_day, now=now)
    finally:
        app.close()
    if args.format == "csv":
        from kiosk.reports.daysheet import report_csv

        text = report_csv(report)
    else:
        import json

        text = json.dumps(report.to_json(), ensure_ascii=False) + "\n"
    write_output(text, args.output)
    return EXIT_OK


def _day(text: str) -> dt.date:
    # Checked here, not by argparse: a bad day is exit 2 returned, like other bad input.
    try:
        return iso_date(text)
    except argparse.ArgumentTypeError as exc:
        raise CliError(f"--day: {exc}") from None
