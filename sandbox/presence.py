"""Who is inside a venue: its check-ins and check-outs paired per person.

One replay serves both the venue's occupancy and the question whether one
person is inside, so the two answers cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PresenceRow:
    """One check-in or check-out of a venue, as the pairing needs it.

    `person` is the event's IIN, or for a check-out without one (the kiosk's
    automatic close-out keeps none) the IIN of the check-in it names in
    `data.check_in`. `named_entry_at` is when that named check-in happened.
    """

    id: str
    person: str
    type: str
    decision: object
    entrance: str
    desk: str
    occurred_at: float
    seq: int
    named_entry_at: float | None = None


@dataclass(frozen=True)
class Admission:
    """A person inside: the admitted check-in that let them in."""

    iin: str
    check_in: str
    entered_at: float
    entrance: str
    desk: str


def stays(rows: Iterable[PresenceRow]) -> dict[str, Admission]:
    """The people inside after *rows*, by IIN, replaying the events in the order they happened.

    A check-in with the decision `admit` enters (again, if the person was
    inside: the latest entry is the stay); a check-out leaves, whichever desk
    sent it; an exit without an entry changes nothing.
    """
    inside: dict[str, Admission] = {}
    for row in sorted(rows, key=_replay_order):
        if row.type == "check_in" and row.decision == "admit":
            inside[row.person] = Admission(
                row.person, row.id, row.occurred_at, row.entrance, row.desk
            )
        elif row.type == "check_out":
            inside.pop(row.person, None)
    return inside


def _replay_order(row: PresenceRow) -> tuple[float, int, int]:
    # A check-out that names its check-in never comes before it. Each desk
    # stamps events with its own clock: an exit at desk B, whose clock is a
    # minute behind desk A's, would otherwise replay before the entry at A
    # and leave the person inside for good.
    if row.named_entry_at is not None and row.named_entry_at >= row.occurred_at:
        return (row.named_entry_at, 1, row.seq)
    return (row.occurred_at, 0, row.seq)
