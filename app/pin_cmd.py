"""`ashyq-kiosk hash-pin`: make the PIN hash that settings store (never the PIN)."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.common import EXIT_OK, CliError, add_command, warn


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub,
        "hash-pin",
        "Read a PIN (prompt or stdin) and print its hash for [pins]; 6 digits or more "
        "are recommended (a shorter PIN is hashed, with a warning).",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.pins import MAX_DIGITS, MIN_DIGITS, RECOMMENDED_DIGITS, hash_pin

    if sys.stdin.isatty():
        pin = getpass.getpass("PIN: ")
        if getpass.getpass("Again: ") != pin:
            raise CliError("the two PINs differ")
    else:
        # a line at most a little longer than a PIN: a stream without line ends
        # (/dev/zero, a binary file) is read no further
        pin = sys.stdin.readline(MAX_DIGITS + 3).rstrip("\r\n")
    if not (MIN_DIGITS <= len(pin) <= MAX_DIGITS and pin.isascii() and pin.isdigit()):
        raise CliError(f"a PIN is {MIN_DIGITS} to {MAX_DIGITS} digits")
    if len(pin) < RECOMMENDED_DIGITS:
        warn(
            f"a {len(pin)}-digit PIN: whoever reads the settings file can find it from "
            "its hash in minutes (4 digits) to an hour (5), on one PC core; "
            f"{RECOMMENDED_DIGITS} digits or more are recommended (docs/operator.md)"
        )
    print(hash_pin(pin))
    return EXIT_OK
