"""`ashyq-kiosk sync [--once]`: deliver the outbox to the national service."""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType
from typing import TYPE_CHECKING

from app.common import EXIT_NEGATIVE, EXIT_OK, add_command, print_json
from kiosk.wiretime import format_time

if TYPE_CHECKING:
    from app.context import App
    from kiosk.service.api import ApiClient
    from kiosk.sync import Syncer, SyncReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub,
        "sync",
        "Send queued events to the national service; at a boarding desk or doctor room, "
        "also fetch the venue's referrals and outcomes.",
    )
    parser.add_argument(
        "--once", action="store_true", help="one pass, then exit (0: queue empty, 1: not)"
    )
    parser.add_argument(
        "--retry-dead", action="store_true", help="put dead-lettered events back in the queue"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.context import open_app
    from app.online import api_client, syncer
    from kiosk.storage.outbox import Outbox

    app = open_app(args)
    client = api_client(app.settings)
    try:
        outbox = Outbox(app.store)
        if args.retry_dead:
            print_json({"requeued": outbox.retry_dead()})
        service = app.settings.service
        sync = syncer(app, app.store, client, lock_wait=2 * service.read_timeout + 5)
        sync.send_now()  # whatever backoff an earlier run left: a person asked for it
        if args.once:
            report, problem = _pass(app, sync, client)
            done = outbox.stats().pending == 0 and not problem and not report.busy
            return EXIT_OK if done else EXIT_NEGATIVE
        return _loop(app, sync, client)
    finally:
        client.close()
        app.close()


def _pass(app: App, syncer: Syncer, client: ApiClient) -> tuple[SyncReport, str | None]:
    """One pass, printed as a JSON line; the report and the error printed, if any."""
    from app.online import pull_into, refresh_trust
    from kiosk.storage.outbox import Outbox
    from kiosk.storage.retention import purge_if_due

    key_error = refresh_trust(app, client)
    report = syncer.run_once()
    pulled, pull_error = pull_into(app, client, app.reception())
    purge_if_due(app.store, now=app.clock.now(), retention_days=app.settings.data.retention_days)
    stats = Outbox(app.store).stats()
    out: dict[str, object] = {
        "sent": report.sent,
        "acknowledged": report.acknowledged,
        "duplicates": report.duplicates,
        "rejected": report.rejected,
        "retroactive_red": report.retroactive_red,
        "retroactive_reports": report.retroactive_reports,
        "pending": stats.pending,
        "dead_letter": stats.dead,
        "error": report.error or key_error or pull_error,
    }
    if pulled is not None:
        out["referrals_pulled"] = pulled
    if report.busy:
        out["error"] = "another sync of this data folder is running; try again later"
    if report.retry_in is not None:
        out["retry_in_s"] = round(report.retry_in, 1)
    skew = client.clock_skew
    if skew is not None:
        out["clock_skew_s"] = round(skew, 1)
        allowance = app.settings.policy.pass_clock_skew
        if abs(skew) > allowance:
            out["clock_warning"] = "this PC's clock differs from the service's: fix it"
    out["at"] = format_time(app.clock.now())
    print_json(out)
    error = out["error"]
    return report, str(error) if error else None


def _loop(app: App, syncer: Syncer, client: ApiClient) -> int:
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, on_signal)
    interval = app.settings.service.sync_interval
    while not stop.is_set():
        report, _ = _pass(app, syncer, client)
        wait = report.retry_in if report.retry_in is not None else interval
        stop.wait(wait)
    return EXIT_OK
