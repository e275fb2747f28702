"""`ashyq-kiosk check`: the desk flow without a screen, recorded like a real check-in."""

from __future__ import annotations

import argparse

from app.common import (
    EXIT_NEGATIVE,
    EXIT_OK,
    add_command,
    check_iin,
    login_name,
    print_json,
)
from kiosk.vocabulary import Method, StaffAnswer


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub, "check", "Run a code or IIN through the desk flow; print the decision as JSON."
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("text", nargs="?", metavar="TEXT", help="decoded code text (pass or IIN)")
    what.add_argument("--iin", metavar="IIN", help="a typed IIN (staff entry)")
    parser.add_argument(
        "--method",
        choices=[m.value for m in Method],
        help="how the code arrived (default: manual for --iin, scanner for TEXT)",
    )
    parser.add_argument(
        "--staff",
        choices=[a.value for a in StaffAnswer],
        help="staff answer: for an unverified visitor, or to override the table",
    )
    parser.add_argument("--operator", help="who answered (default: the login name)")
    parser.add_argument("--reason", help="why staff overrode the table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.context import open_app
    from app.online import api_client, live_status, refresh_trust_within
    from kiosk.decision import StaffInput
    from kiosk.jsonlines import decision_line

    if args.iin is not None:
        check_iin(args.iin)
        text, default_method = args.iin, Method.MANUAL
    else:
        text, default_method = args.text, Method.SCANNER
    method = Method(args.method) if args.method else default_method
    staff = None
    if args.staff:
        staff = StaffInput(StaffAnswer(args.staff), args.operator or login_name(), args.reason)
    app = open_app(args)
    client = api_client(app.settings)
    source = live_status(app, client)
    try:
        refresh_trust_within(app, client)
        reception = app.reception(source)
        decision = reception.check(text, method, staff)
        if decision.awaiting_staff:
            # Nobody at the terminal to answer: keep the visit on record, not admitted.
            decision = reception.record(decision, None)
    finally:
        source.close()
        client.close()
        app.close()
    print_json(decision_line(decision))
    return EXIT_OK if decision.admitted else EXIT_NEGATIVE
