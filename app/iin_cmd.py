"""`ashyq-kiosk iin IIN...`: validate IINs and say what they tell."""

from __future__ import annotations

import argparse

from app.common import EXIT_NEGATIVE, EXIT_OK, add_command, print_json
from kiosk.iin import InvalidIin, parse_iin


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(sub, "iin", "Validate IINs; print birth date and sex, or why not.")
    parser.add_argument("iins", nargs="+", metavar="IIN")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    all_valid = True
    for text in args.iins:
        try:
            info = parse_iin(text)
        except InvalidIin as exc:
            all_valid = False
            print_json(
                {
                    "iin": text,
                    "valid": False,
                    "reason": exc.problem.value,
                    "birth_date": None,
                    "sex": None,
                }
            )
            continue
        print_json(
            {
                "iin": text,
                "valid": True,
                "reason": None,
                "birth_date": info.birth_date.isoformat(),
                "sex": info.sex.value,
            }
        )
    return EXIT_OK if all_valid else EXIT_NEGATIVE
