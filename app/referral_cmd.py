"""`ashyq-kiosk referral open|list|resolve`: the doctor-referral flow from a terminal.

A boarding desk opens a referral for a passenger (a ticket such as G7-001);
the doctor room lists the venue's referrals and resolves one as cleared or
confirmed. Each is recorded on disk with its event before anything is
printed; `open` and `resolve` then try one sync with the service (offline,
the event stays queued: it is recorded, exit 0). JSON words:

- open: ticket, id, state, masked_id, desk, opened_at, doctor_room, new,
  delivered (and the list's words);
- list: one line per referral: ticket, id, state, outcome, masked_id, desk,
  opened, reason, note, status_shown, provenance, resolved, resolved_by,
  resolution_note, valid_until, mine, delivered;
- resolve: the list's words, plus refused when the service refused it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from app.common import (
    EXIT_NEGATIVE,
    EXIT_OK,
    CliError,
    add_command,
    check_iin,
    login_name,
    print_json,
)
from kiosk.status import Status

if TYPE_CHECKING:
    from app.context import App
    from kiosk.reception import Reception
    from kiosk.referrals.desk import ReferralDesk
    from kiosk.referrals.values import Referral, ReferralRefused
    from kiosk.service.api import ApiClient

# The words of kiosk.referrals.values.ReferralReason and ReferralOutcome, written out:
# importing that module costs every command's start-up ~20 ms (a test keeps
# them equal). Status is cheap to import and is used as it is.
REASONS = "status_wrong, yellow, red, unverified, other"
OUTCOMES = ("cleared", "confirmed")
STATUSES = tuple(status.value for status in Status)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub, "referral", "Doctor referrals: open one at a desk, list them, resolve one."
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    opening = add_command(actions, "open", "Send a passenger to the doctor room (a new ticket).")
    opening.add_argument("--iin", required=True, metavar="IIN", help="the passenger's IIN")
    opening.add_argument(
        "--reason",
        required=True,
        metavar="TEXT",
        help=f"one of {REASONS}; any other text is reason 'other' with the text as the note",
    )
    opening.add_argument("--note", metavar="TEXT", help="a note for the doctor (500 at most)")
    opening.add_argument(
        "--status",
        choices=STATUSES,
        help="the status shown to the passenger (default: this desk's last check of them today)",
    )
    opening.set_defaults(func=run_open)

    listing = add_command(
        actions, "list", "Print today's referrals of the venue as this kiosk knows them."
    )
    listing.add_argument("--open", action="store_true", help="only those not resolved yet")
    listing.add_argument("--all", action="store_true", help="every referral kept, not just today's")
    listing.set_defaults(func=run_list)

    resolving = add_command(actions, "resolve", "The doctor's decision on a referral.")
    resolving.add_argument("ticket", metavar="TICKET", help="the ticket (e.g. G7-001) or the id")
    resolving.add_argument("--outcome", required=True, choices=OUTCOMES)
    resolving.add_argument("--note", required=True, metavar="TEXT", help="500 characters at most")
    resolving.add_argument("--pin", metavar="PIN", help="the doctor PIN, when [pins] doctor is set")
    resolving.add_argument("--operator", help="who decided (default: the login name)")
    resolving.set_defaults(func=run_resolve)


# --- open ------------------------------------------------------------------------------


def run_open(args: argparse.Namespace) -> int:
    from app.context import open_app
    from app.online import api_client
    from kiosk.referrals.values import NOTE_MAX, reason_from_text

    check_iin(args.iin)
    if not args.reason.strip():
        raise CliError(f"--reason is one of {REASONS}, or a text saying why")
    reason, text = reason_from_text(args.reason)
    note = "; ".join(part for part in (text, args.note) if part) or None
    if note is not None and len(note) > NOTE_MAX:
        raise CliError(f"the note is {len(note)} characters; the service takes {NOTE_MAX}")
    status = Status(args.status) if args.status else None
    app = open_app(args)
    client = api_client(app.settings)
    try:
        reception = app.reception()
        reception.tick()  # the day's end first: tickets and subjects are today's
        told = _Told()
        new = _referral_desk(reception, told).open_for_iin(args.iin, reason, note, status)
        referral = told.referral()
        delivered = _deliver(app, client, reception, pull=False) if new else None
        referral = reception.referrals.get(referral.id) or referral
    finally:
        client.close()
        app.close()
    out = {**_line(referral), "opened_at": _line(referral)["opened"], "new": new}
    out["doctor_room"] = app.settings.boarding.doctor_room or None
    print_json(out)
    if delivered is False:
        _say("not sent now (service unreachable or busy): recorded, queued for the next sync")
    return EXIT_OK


# --- list ------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    from app.context import open_app

    app = open_app(args)
    try:
        book = app.reception().referrals
        kept = book.every if args.all else book.current
        for referral in kept(open_only=args.open):
            print_json(_line(referral))
    finally:
        app.close()
    return EXIT_OK


# --- resolve ------------------------------------------------------------------------------


def run_resolve(args: argparse.Namespace) -> int:
    from app.context import open_app
    from app.online import api_client
    from kiosk.referrals.values import NOTE_MAX, ReferralOutcome

    if len(args.note) > NOTE_MAX:
        raise CliError(f"the note is {len(args.note)} characters; the service takes {NOTE_MAX}")
    app = open_app(args)
    client = api_client(app.settings)
    try:
        if not _pin_accepted(app, args.pin):
            return EXIT_NEGATIVE
        reception = app.reception()
        reception.tick()
        known = _find(reception, args.ticket)
        told = _Told()
        outcome = ReferralOutcome(args.outcome)
        operator = args.operator or login_name()
        _referral_desk(reception, told).resolve(known.id, outcome, args.note, operator)
        refused = told.refused()
        if refused is not None:
            print_json({**_line(known), "refused": refused})
            _say(f"referral {known.ticket}: not resolved here ({refused})")
            return EXIT_NEGATIVE
        delivered = _deliver(app, client, reception, pull=True)
        refusal = reception.referrals.refusal(known.id)
        referral = reception.referrals.get(known.id) or known
    finally:
        client.close()
        app.close()
    out = _line(referral)
    if refusal is not None:
        print_json({**out, "refused": refusal})
        _say(f"the service refused this resolution of {referral.ticket} ({refusal})")
        return EXIT_NEGATIVE
    print_json(out)
    if not delivered:
        _say("not sent now (service unreachable or busy): recorded, queued for the next sync")
    return EXIT_OK


def _pin_accepted(app: App, pin: str | None) -> bool:
    """The doctor PIN rule: needed only when [pins] doctor is set; missing is bad
    input (exit 2), wrong or locked out is a refusal (exit 1). The wrong tries
    count with the doctor room's screen's, in the data folder."""
    import math

    from kiosk.pins import PinOutcome

    guard = app.pin_guard("doctor")
    if not guard.is_set:
        return True
    if pin is None:
        raise CliError("this kiosk has a doctor PIN ([pins] doctor): give it with --pin")
    result = guard.check(pin)
    if result.outcome is PinOutcome.OK:
        return True
    if result.outcome is PinOutcome.LOCKED:
        wait = math.ceil(guard.lock_remaining()) or 1
        _say(f"the doctor PIN is locked after too many wrong tries: try again in {wait} s")
    else:
        _say(f"the doctor PIN is wrong ({result.attempts_left} tries left before a lock)")
    return False


def _find(reception: Reception, text: str) -> Referral:
    book = reception.referrals
    by_id = book.get(text) if len(text) == 36 else None
    if by_id is not None:
        return by_id
    found = book.by_ticket(text)
    if not found:
        raise CliError(
            f"no referral {text!r} today on this kiosk (`ashyq-kiosk sync --once` fetches "
            "the venue's)",
            EXIT_NEGATIVE,
        )
    if len(found) > 1:
        ids = ", ".join(r.id for r in found)
        raise CliError(f"two desks gave out ticket {text!r}: name the referral by id ({ids})")
    return found[0]


# --- shared -------------------------------------------------------------------------------


class _Told:
    """What the referral desk told, for a command (it has no screen): a
    :class:`kiosk.referrals.desk.ReferralListener`."""

    def __init__(self) -> None:
        self.opened: Referral | None = None
        self.why_refused: str | None = None

    def referral_opened(self, referral: Referral) -> None:
        self.opened = referral

    def referral_resolved(self, referral: Referral) -> None:
        pass

    def referrals_changed(self, referrals: tuple[Referral, ...]) -> None:
        pass

    def referral_refused(self, decision_id: str, why: ReferralRefused) -> None:
        self.why_refused = str(why)

    def referral(self) -> Referral:
        """The referral opened (or found open), or the refusal as a command error."""
        if self.why_refused is not None:
            raise CliError(f"the referral was not opened ({self.why_refused})")
        if self.opened is None:
            raise CliError("the referral was not opened")
        return self.opened

    def refused(self) -> str | None:
        return self.why_refused


def _referral_desk(reception: Reception, told: _Told) -> ReferralDesk:
    from kiosk.referrals.desk import ReferralDesk

    return ReferralDesk(reception.referrals, told)


def _deliver(app: App, client: ApiClient, reception: Reception, *, pull: bool) -> bool:
    """One sync pass now (and a pull of the venue's referrals); whether it got through."""
    from app.online import pull_into, syncer

    sync = syncer(app, app.store, client, lock_wait=app.settings.service.read_timeout + 1)
    sync.send_now()  # a person is waiting: whatever backoff an earlier pass left
    report = sync.run_once()
    pull_error = pull_into(app, client, reception)[1] if pull else None
    return report.error is None and not report.busy and pull_error is None


def _line(referral: Referral) -> dict[str, Any]:
    from kiosk.jsonlines import referral_line

    return referral_line(referral)


def _say(text: str) -> None:
    print(f"ashyq-kiosk: {text}", file=sys.stderr)
