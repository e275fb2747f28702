"""`ashyq-kiosk hash-pin`: make the PIN hash that settings store (never the PIN)."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.common import EXIT_OK, CliError, add_command


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub, "hash-pin", "Read a PIN (prompt or stdin) and print its hash for [pins]."
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.pins import hash_pin

    if sys.stdin.isatty():
        pin = getpass.getpass("PIN: ")
        if getpass.getpass("Again: ") != pin:
            raise CliError("the two PINs differ")
    else:
        pin = sys.stdin.readline().rstrip("\r\n")
    if not (4 <= len(pin) <= 12 and pin.isascii() and pin.isdigit()):
        raise CliError("a PIN is 4 to 12 digits")
    print(hash_pin(pin))
    return EXIT_OK
