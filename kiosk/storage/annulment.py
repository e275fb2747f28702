"""An entry or an exit nobody walked through, annulled on disk.

The gate keeper (:mod:`kiosk.gate.keeper`) tells that an open went unused;
this records it: an `entry_annulled` event naming the check-in (or
`exit_annulled` naming the check-out), queued for the service like any
event, and in the same transaction the person taken back out of presence
(the count, the pass-back memory) or, for an exit, the stay put back.

An annulment keeps no IIN: the service knows the person from the event it
names. It is stored under that event's subject, so this desk's own look-ups
by person (a scan shown again, a move the venue has not heard of yet) see
it: someone whose entry was annulled and who scans again is a new visit.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from kiosk.decision import Direction, Flag
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.policy import Outcome
from kiosk.storage.outbox import insert_events
from kiosk.storage.presence import Stay, enter, undo_entry
from kiosk.storage.store import Store

_ANNULS = {
    Direction.ENTRY: (EventType.ENTRY_ANNULLED, EventType.CHECK_IN),
    Direction.EXIT: (EventType.EXIT_ANNULLED, EventType.CHECK_OUT),
}


@dataclass(frozen=True)
class Annulled:
    """An annulment on disk: its own event, the event it annuls, and whose
    (masked), as the staff panel shows it."""

    event_id: str
    annuls: str
    direction: Direction
    masked_id: str | None
    at: float


def annul(
    store: Store, desk: DeskIdentity, direction: Direction, event_id: str, now: float
) -> Annulled | None:
    """Annul the check-in (an entry) or check-out (an exit) *event_id* as of *now*;
    None when this desk holds no such event, or it is annulled already."""
    kind, annulled_type = _ANNULS[direction]
    name = annulled_type.value  # `check_in` or `check_out`: the data field naming it
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT subject, data FROM outbox WHERE id = ? AND type = ?",
            (event_id, annulled_type.value),
        ).fetchone()
        if row is None:
            return None
        subject: str | None = row[0]
        data = json.loads(row[1])
        if _annulled_before(conn, kind, name, event_id, subject):
            return None
        event = NewEvent(kind, now, {name: event_id}, subject=subject)
        insert_events(conn, [event], desk=desk, subject_of=_no_iin, now=now)
        if direction is Direction.ENTRY:
            if Flag.PASSBACK.value not in data.get("flags", ()):
                undo_entry(conn, event_id)  # (a pass-back's person was inside before it)
        elif subject is not None:
            _stay_again(conn, subject, data.get("check_in"))
    masked = data.get("masked_id")
    return Annulled(event.id, event_id, direction, masked if isinstance(masked, str) else None, now)


def _annulled_before(
    conn: sqlite3.Connection, kind: EventType, name: str, event_id: str, subject: str | None
) -> bool:
    # An annulment is stored under the subject of what it annuls: found by its index.
    found = conn.execute(
        "SELECT 1 FROM outbox WHERE subject IS ? AND type = ? "
        f"AND json_extract(data, '$.{name}') = ? LIMIT 1",
        (subject, kind.value, event_id),
    ).fetchone()
    return found is not None


def _stay_again(conn: sqlite3.Connection, subject: str, check_in: object) -> None:
    """The person of an annulled exit is inside again, as they were: their stay is
    put back when it began at this desk (one begun at another desk of the venue
    is the venue's to know; the service leaves the annulled exit out)."""
    if not isinstance(check_in, str):
        return  # the check-out found nobody inside: there is no stay to put back
    row = conn.execute(
        "SELECT occurred_at, entrance, desk, data FROM outbox "
        "WHERE id = ? AND type = 'check_in' AND subject = ?",
        (check_in, subject),
    ).fetchone()
    if row is None or json.loads(row[3]).get("decision") != Outcome.ADMIT.value:
        return
    enter(conn, Stay(subject, float(row[0]), str(row[1]), str(row[2]), check_in))


def _no_iin(iin: str) -> str:
    raise AssertionError("an annulment keeps no IIN")
