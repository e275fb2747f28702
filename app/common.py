"""Helpers shared by the subcommands: global options, errors, JSON output."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
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
        default=default,
        help="settings file (TOML); default: $ASHYQ_KIOSK_CONFIG, the user config "
        "directory, then the shipped defaults",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where the kiosk keeps its database; default: the user data directory",
    )


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


def iso_date(text: str) -> dt.date:
    """A YYYY-MM-DD date; as an argparse `type=`, a bad one is exit 2 naming the option."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def print_json(obj: dict[str, Any]) -> None:
    """One JSON object per line, UTF-8, flushed (other programs read it)."""
    import json

    sys.stdout.write(json.dumps(obj, ensure_ascii=False, sort_keys=False) + "\n")
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


def login_name() -> str:
    """The operator's login name, for staff answers given at this terminal."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "staff"
