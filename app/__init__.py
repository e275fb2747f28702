"""The `ashyq-kiosk` command: the composition root of the application.

This package is the only place allowed to reach across the layers
(docs/architecture.md, section 3). Each subcommand lives in its own module with a
`register(subparsers, common)` function; heavy imports (Qt, OpenCV, the
sandbox server) stay inside the functions that need them, so `ashyq-kiosk
iin` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app import commands, common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ashyq-kiosk",
        description="Reception terminal for an Ashyq-style health-status check-in scheme.",
    )
    common.add_global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in commands.MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 negative, 2 bad input)."""
    # OpenCV's own warnings (a camera that is not there yet) are not for the desk.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    if sys.platform == "win32":  # Media Foundation then opens a webcam in seconds, not 20
        os.environ.setdefault("OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS", "0")
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        args = parser.parse_args([*args_list, "run"])
    try:
        code: int = args.func(args)
    except common.CliError as exc:
        print(f"ashyq-kiosk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # Every command: a database that cannot be used is exit 3, with why.
        why = _database_failure(exc)
        if why is None:
            raise
        print(f"ashyq-kiosk: {why}", file=sys.stderr)
        return common.EXIT_CANNOT_RECORD
    return code


def _database_failure(exc: Exception) -> str | None:
    """Why the database cannot be used, when *exc* says so. Only a command that
    loaded sqlite3 (or the store's errors) can raise these, so they are looked up
    among the loaded modules, not imported: a command that needs no database
    starts without them."""
    errors = sys.modules.get("kiosk.storage.errors")
    if errors is not None and isinstance(exc, errors.StoreError):
        return str(exc)
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(exc, sqlite3.Error):
        from kiosk.storage.errors import classify

        return str(classify(exc))
    return None
