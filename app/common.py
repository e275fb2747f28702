"""Helpers shared by the subcommands: global options, errors, JSON output."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK = 0
EXIT_NEGATIVE = 1
EXIT_BAD_INPUT = 2
EXIT_CANNOT_RECORD = 3


class CliError(Exception):
    """A failure the command line reports in one line, without a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_global_options(parser: argparse.ArgumentParser, *, suppress: bool = True) -> None:
    """--config and --data-dir, accepted before and after the subcommand name."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--config",
        metavar="FILE",
        type=_named("a settings file"),
        default=default,
        help="settings file (TOML); default: $ASHYQ_KIOSK_CONFIG, the user config "
        "directory, then the shipped defaults",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_named("a folder"),
        default=default,
        help="where the kiosk keeps its database; default: the user data directory",
    )


def _named(what: str) -> Callable[[str], str]:
    """An argparse `type=` that refuses an empty path: `--data-dir ''` (an unset
    shell variable) must not quietly mean the default folder."""

    def check(text: str) -> str:
        if not text.strip() or "\0" in text:
            raise argparse.ArgumentTypeError(f"{text!r} names no file: give {what}")
        return text

    return check


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    add_global_options(parser)
    return parser


def check_iin(text: str) -> None:
    """Bad input (exit 2) unless *text* is a valid IIN, saying what is wrong with it."""
    from kiosk.iin import InvalidIin, parse_iin

    try:
        parse_iin(text)
    except InvalidIin as exc:
        raise CliError(f"not a valid IIN ({exc.problem.value}): {text!r}") from None


FIRST_DATE, LAST_DATE = dt.date(2000, 1, 1), dt.date(2999, 12, 31)
"""The days a report can name: a day and its neighbours have Unix times on
every platform (Windows has none before 1970 or after 3000)."""


def iso_date(text: str) -> dt.date:
    """A YYYY-MM-DD date; as an argparse `type=`, a bad one is exit 2 naming the option."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise argparse.ArgumentTypeError(f"a date from {FIRST_DATE} to {LAST_DATE}, not {text}")
    return day


def print_json(obj: dict[str, Any]) -> None:
    """One JSON object per line, UTF-8, flushed (other programs read it). Control
    and format characters in its texts (a note's bidi override, a C1 CSI) are
    JSON escapes: the same values to a program, inert on a terminal."""
    import json

    from kiosk.controls import json_escape_controls

    text = json.dumps(obj, ensure_ascii=False, sort_keys=False)
    sys.stdout.write(json_escape_controls(text) + "\n")
    sys.stdout.flush()


def write_output(text: str, path: str | None) -> None:
    """*text* into the file at *path* (as it is: UTF-8, its own line ends), or to stdout."""
    if path:
        from pathlib import Path

        try:
            Path(path).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise CliError(f"{path}: cannot write it ({exc.strerror})") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def warn(text: str) -> None:
    """A warning on stderr (the command still does its job)."""
    print(f"ashyq-kiosk: warning: {text}", file=sys.stderr)


def login_name() -> str:
    """The operator's login name, for staff answers given at this terminal."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "staff"
