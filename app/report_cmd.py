"""`ashyq-kiosk status`, `export` and `close-out`: the desk's health and its records."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from app.common import EXIT_OK, CliError, add_command, iso_date, print_json, write_output
from kiosk.wiretime import format_time

if TYPE_CHECKING:
    from kiosk.events import StoredEvent

EXPORT_COLUMNS = (
    "time",
    "type",
    "decision",
    "status",
    "provenance",
    "method",
    "masked_id",
    "entrance",
    "desk",
    "flags",
    "automatic",
    "operator",
    "override",
    "synced",
    "event_id",
    "annuls",  # an entry_annulled / exit_annulled: the check-in (check-out) it annuls
    "annulled",  # a check-in (check-out) nobody walked through: "yes"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    status = add_command(sub, "status", "Print the outbox and the desk's health as JSON.")
    status.set_defaults(func=run_status)

    export = add_command(sub, "export", "Export events between two dates (no raw IINs).")
    export.add_argument("--from", dest="start", required=True, metavar="DATE", type=iso_date)
    export.add_argument("--to", dest="end", required=True, metavar="DATE", type=iso_date)
    export.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    export.set_defaults(func=run_export)

    close = add_command(
        sub, "close-out", "End of day: check out everyone still inside (automatic exits)."
    )
    close.set_defaults(func=run_close_out)


def run_status(args: argparse.Namespace) -> int:
    from app.context import open_app
    from app.online import Deadlined, api_client
    from kiosk.service.occupancy import VenueOccupancy
    from kiosk.storage.alerts import Alerts, payload_to_json
    from kiosk.storage.outbox import Outbox
    from kiosk.sync import LAST_SYNC_KEY

    app = open_app(args)
    client = api_client(app.settings)
    try:
        stats = Outbox(app.store).stats()
        reception = app.reception()
        capped = Deadlined(client, app.settings.service.status_deadline)
        venue_count = VenueOccupancy(
            capped, app.settings.venue.bin, reception.occupancy, app.clock
        ).read()
        last_sync = app.store.get_meta(LAST_SYNC_KEY)  # written by the sync
        venue = app.settings.venue
        print_json(
            {
                "pending": stats.pending,
                "dead_letter": stats.dead,
                "oldest_unsent": _time_or_none(stats.oldest_pending_at),
                "occupancy": reception.occupancy(),
                "venue_occupancy": venue_count.inside,
                "venue_occupancy_source": venue_count.source.value,
                "capacity": venue.capacity,
                "last_sync": _time_or_none(float(last_sync)) if last_sync else None,
                "last_acknowledged": _time_or_none(stats.last_acked_at),
                "venue": venue.bin,
                "entrance": venue.entrance,
                "desk": venue.desk,
                "service": app.settings.service.url,
                "trusted_keys": len(app.trust()),
                "trust_stale": app.keeper.is_stale(),
                "alerts": [
                    {
                        "kind": a.kind.value,
                        "id": a.id,
                        "at": format_time(a.created_at),
                        **payload_to_json(a.payload),
                    }
                    for a in Alerts(app.store).unseen()
                ],
                "schema_version": app.store.schema_version,
                "data_dir": str(app.data_dir),
            }
        )
    finally:
        client.close()
        app.close()
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    if args.end < args.start:
        raise CliError("--to is before --from")
    start = dt.datetime.combine(args.start, dt.time()).astimezone().timestamp()
    end = dt.datetime.combine(args.end + dt.timedelta(days=1), dt.time()).astimezone().timestamp()
    from app.context import open_app
    from kiosk.storage.outbox import Outbox

    app = open_app(args)
    try:
        events = Outbox(app.store).between(start, end)
    finally:
        app.close()
    annulled = frozenset(filter(None, (_annuls(event) for event in events)))
    rows = [export_row(event, annulled) for event in events]
    text = _csv(rows) if args.format == "csv" else _jsonl(rows)
    write_output(text, args.output)
    return EXIT_OK


def run_close_out(args: argparse.Namespace) -> int:
    from app.context import open_app

    app = open_app(args)
    try:
        reception = app.reception()
        count = reception.close_out(app.clock.now())
    finally:
        app.close()
    print_json({"checked_out": count, "rewritten": reception.day_end.rewritten})
    if not reception.day_end.rewritten:
        print(
            "ashyq-kiosk: the day is closed (everyone checked out, the day's key replaced), "
            "but the database file could not be rewritten now (no room on the disk, or another "
            "program kept it busy): until the next close-out rewrites it, erased values may "
            "remain in its spare space; free some space if the disk is full",
            file=sys.stderr,
        )
    return EXIT_OK


def export_row(event: StoredEvent, annulled: frozenset[str] = frozenset()) -> dict[str, str]:
    """One export line: masked, no raw IIN, times in local ISO format. *annulled*:
    the ids of the check-ins and check-outs an annulment of the export names."""
    data = event.data
    raw_staff = data.get("staff")
    staff: dict[str, object] = raw_staff if isinstance(raw_staff, dict) else {}
    moment = dt.datetime.fromtimestamp(event.occurred_at).astimezone()
    return {
        "time": moment.isoformat(timespec="seconds"),
        "type": event.type.value,
        "decision": str(data.get("decision") or ""),
        "status": str(data.get("status") or ""),
        "provenance": str(data.get("provenance") or ""),
        "method": str(data.get("method") or ""),
        "masked_id": str(data.get("masked_id") or ""),
        "entrance": event.desk.entrance,
        "desk": event.desk.desk,
        "flags": " ".join(data.get("flags") or []),
        "automatic": "yes" if data.get("automatic") else "",
        "operator": str(staff.get("operator") or data.get("operator") or ""),
        "override": "yes" if staff.get("override") or event.type.value == "staff_override" else "",
        "synced": "yes" if event.acked_at else "no",
        "event_id": event.id,
        "annuls": _annuls(event) or "",
        "annulled": "yes" if event.id in annulled else "",
    }


def _annuls(event: StoredEvent) -> str | None:
    """The check-in (check-out) an `entry_annulled` (`exit_annulled`) names."""
    name = {"entry_annulled": "check_in", "exit_annulled": "check_out"}.get(event.type.value)
    value = event.data.get(name) if name is not None else None
    return value if isinstance(value, str) else None


def _csv(rows: list[dict[str, str]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _jsonl(rows: list[dict[str, str]]) -> str:
    import json

    from kiosk.controls import json_escape_controls

    # each line escaped on its own: the newline that ends it is not part of the JSON
    return "".join(json_escape_controls(json.dumps(row, ensure_ascii=False)) + "\n" for row in rows)


def _time_or_none(value: float | None) -> str | None:
    return format_time(value) if value is not None else None
