"""`ashyq-kiosk recover`: save what a damaged database still holds into a fresh one."""

from __future__ import annotations

import argparse

from app.common import EXIT_NEGATIVE, EXIT_OK, add_command, print_json

LOCK_WAIT = 30.0
"""Seconds to wait for a sync of the same folder to finish before giving up."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub,
        "recover",
        "Copy every readable event of a damaged database into a fresh one (stop the kiosk "
        "first); exit 0: every waiting event saved, 1: some could not be read, 3: cannot write.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import time

    from filelock import FileLock, Timeout

    from app.common import EXIT_CANNOT_RECORD, CliError
    from app.context import data_dir
    from kiosk.storage.errors import from_os_error
    from kiosk.storage.recovery import recover
    from kiosk.storage.store import DB_FILENAME
    from kiosk.sync import LOCK_FILENAME

    folder = data_dir(args)
    if not (folder / DB_FILENAME).is_file():
        raise CliError(f"{folder}: there is no kiosk database here (--data-dir?)")
    lock = FileLock(folder / LOCK_FILENAME)
    try:
        lock.acquire(timeout=LOCK_WAIT)
    except Timeout:
        raise CliError(
            f"{folder}: a sync of this folder is running: stop the kiosk, then try again",
            EXIT_CANNOT_RECORD,
        ) from None
    except OSError as exc:
        raise from_os_error(exc, str(folder / LOCK_FILENAME)) from None
    try:
        salvage = recover(folder, now=time.time())
    finally:
        lock.release()
    if salvage.healthy:
        print_json({"healthy": True, "database": str(salvage.database)})
        return EXIT_OK
    print_json(
        {
            "recovered": {
                "pending": salvage.pending,
                "acknowledged": salvage.acknowledged,
                "alerts": salvage.alerts,
            },
            "pending_lost": salvage.pending_lost,
            "lost_pages": salvage.lost_pages,
            "unreadable_rows": {t: [list(r) for r in rs] for t, rs in salvage.unreadable.items()},
            "damaged_file": str(salvage.damaged_file),
            "database": str(salvage.database),
        }
    )
    return EXIT_OK if salvage.every_pending_event_saved else EXIT_NEGATIVE
