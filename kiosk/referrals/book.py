"""The referrals a kiosk knows: its own, and the venue's from the service.

Opening a referral and resolving one are each one transaction with the
event that tells the service (`referral_opened`, `referral_resolved`), so
the outbox delivers them later when the service is down, and nothing is
applied twice. A pull from the service is merged in the transaction that
also moves the pull's bookmark (`as_of`): a crash loses neither.

The raw IIN of a referral from the service is used only to compute today's
subject (the keyed hash presence and the status cache use), never stored.
The pull's side is kiosk.referrals.pull; the rows' shape kiosk.referrals.rows.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from kiosk.dayend import BusinessDay
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.iin import mask_iin
from kiosk.referrals.pull import Merged, merge_pull, pull_since
from kiosk.referrals.rows import CURRENT, SELECT, provenance_of, referral_of, row_dict, window
from kiosk.referrals.values import (
    NOTE_MAX,
    RESOLUTION_LIFETIME,
    RESOLUTION_SKEW,
    Referral,
    ReferralOutcome,
    ReferralReason,
    ReferralRefused,
    ticket,
)
from kiosk.service.wire import ReferralPull
from kiosk.status import Provenance, Status, parse_status
from kiosk.storage.outbox import insert_events
from kiosk.storage.store import Store
from shared.clock import Clock


class ReferralError(Exception):
    """A referral input that changes nothing; `why` says which."""

    def __init__(self, why: ReferralRefused, referral: Referral | None = None) -> None:
        super().__init__(why.value)
        self.why = why
        self.referral = referral


@dataclass(frozen=True)
class OpenedReferral:
    """The referral for the person; `new` False: one was open already (nothing recorded)."""

    referral: Referral
    new: bool


@dataclass(frozen=True)
class Shown:
    """What the desk showed the person last: the check-in behind a referral."""

    check_in: str | None
    status: Status | None
    provenance: Provenance
    name: str | None = None


class ReferralBook:
    """One data folder's referrals (used from the thread that owns *store*)."""

    def __init__(
        self,
        store: Store,
        desk: DeskIdentity,
        clock: Clock,
        *,
        prefix: str,
        day: BusinessDay,
        skew: float = RESOLUTION_SKEW,
    ) -> None:
        self._store = store
        self._desk = desk
        self._clock = clock
        self._prefix = prefix
        self._day = day
        self._skew = skew  # how far ahead of our clock a pulled resolution's time may be

    # -- reading ------------------------------------------------------------

    def get(self, referral_id: str) -> Referral | None:
        rows = self._store.query(f"{SELECT} WHERE r.id = ?", (referral_id.lower(),))
        return referral_of(rows[0]) if rows else None

    def current(self, *, open_only: bool = False) -> tuple[Referral, ...]:
        """Today's referrals of the venue as this kiosk knows them, by opening time."""
        where = CURRENT + (" AND r.outcome IS NULL" if open_only else "")
        rows = self._store.query(
            f"{SELECT} WHERE {where} ORDER BY r.opened_at, r.ticket", {**self._window()}
        )
        return tuple(referral_of(row) for row in rows)

    def every(self, *, open_only: bool = False) -> tuple[Referral, ...]:
        """Every referral kept (older ones without the person: for reports)."""
        where = " WHERE r.outcome IS NULL" if open_only else ""
        rows = self._store.query(f"{SELECT}{where} ORDER BY r.opened_at, r.ticket")
        return tuple(referral_of(row) for row in rows)

    def by_ticket(self, text: str) -> tuple[Referral, ...]:
        """Today's referrals with this ticket (any case), newest first."""
        wanted = text.strip().upper()
        return tuple(r for r in reversed(self.current()) if r.ticket.upper() == wanted)

    def clearance(self, subject: str, now: float) -> Referral | None:
        """The person's latest resolved referral whose outcome holds at *now*."""
        rows = self._store.query(
            f"{SELECT} WHERE r.subject = ? AND r.outcome IS NOT NULL "
            "AND (r.valid_until IS NULL OR r.valid_until >= ?) "
            "ORDER BY r.resolved_at DESC LIMIT 1",
            (subject, now),
        )
        return referral_of(rows[0]) if rows else None

    def refusal(self, referral_id: str) -> str | None:
        """Why the service refused this kiosk's latest resolution of the referral (the
        dead letter's reason: `already_resolved`, `unknown_referral`), if it did."""
        rows = self._store.query(
            "SELECT dead_reason FROM outbox WHERE type = 'referral_resolved' "
            "AND json_extract(data, '$.referral_id') = ? ORDER BY seq DESC LIMIT 1",
            (referral_id.lower(),),
        )
        reason = rows[0]["dead_reason"] if rows else None
        return str(reason) if reason else None

    def last_shown(self, iin: str) -> Shown | None:
        """The person's latest check-in of today in this data folder."""
        subject = self._store.keys.subject(iin, self._clock.now())
        rows = self._store.query(
            "SELECT id, data FROM outbox WHERE subject = ? AND type = 'check_in' "
            "AND occurred_at >= ? ORDER BY occurred_at DESC, seq DESC LIMIT 1",
            (subject, self._window()["day_start"]),
        )
        if not rows:
            return None
        data: dict[str, Any] = json.loads(str(rows[0]["data"]))
        return Shown(
            str(rows[0]["id"]),
            parse_status(data.get("status")),
            provenance_of(data.get("provenance")),
        )

    # -- writing ------------------------------------------------------------

    def open(
        self,
        iin: str,
        reason: ReferralReason,
        note: str | None,
        shown: Shown | None,
    ) -> OpenedReferral:
        """Open a referral for *iin* with the day's next ticket and queue `referral_opened`.

        A person with an open referral today keeps it: the same one comes back
        (`new` False), so a double tap prints no second ticket.
        """
        if note is not None and len(note) > NOTE_MAX:
            raise ReferralError(ReferralRefused.NOTE_TOO_LONG)
        shown = shown or Shown(None, None, Provenance.NONE)
        now = self._clock.now()
        keys = self._store.keys
        window = self._window(now)
        with self._store.transaction() as conn:
            subject = keys.subject(iin, now)  # under the write lock: never a replaced key's
            found = conn.execute(
                f"{SELECT} WHERE r.subject = :subject AND r.outcome IS NULL AND {CURRENT} "
                "ORDER BY r.opened_at DESC LIMIT 1",
                {**window, "subject": subject},
            ).fetchone()
            if found is not None:
                return OpenedReferral(referral_of(row_dict(found)), new=False)
            referral_id = str(uuid.uuid4())
            data = {
                "referral_id": referral_id,
                "ticket": self._next_ticket(conn, window["day_start"]),
                "status_shown": shown.status.value if shown.status else None,
                "provenance": shown.provenance.value,
                "reason": reason.value,
                "note": note,
                "masked_id": mask_iin(iin),
                "name": shown.name,
                "check_in": shown.check_in,
            }
            event = NewEvent(EventType.REFERRAL_OPENED, now, data, iin)
            insert_events(conn, [event], desk=self._desk, subject_of=lambda _: subject, now=now)
            conn.execute(
                "INSERT INTO referrals (id, ticket, subject, masked_id, name, status_shown, "
                "provenance, reason, note, entrance, desk, opened_at, check_in, mine, "
                "opened_event, changed_at) VALUES (:referral_id, :ticket, :subject, :masked_id, "
                ":name, :status_shown, :provenance, :reason, :note, :entrance, :desk, :now, "
                ":check_in, 1, :event, :now)",
                {
                    **data,
                    "subject": subject,
                    "entrance": self._desk.entrance,
                    "desk": self._desk.desk,
                    "now": now,
                    "event": event.id,
                },
            )
        opened = self.get(referral_id)
        assert opened is not None
        return OpenedReferral(opened, new=True)

    def resolve(
        self, referral_id: str, outcome: ReferralOutcome, note: str, operator: str | None
    ) -> Referral:
        """Record the doctor's decision and queue `referral_resolved` (the first one wins)."""
        if len(note) > NOTE_MAX:
            raise ReferralError(ReferralRefused.NOTE_TOO_LONG)
        now = self._clock.now()
        known = self.get(referral_id)
        if known is None:
            raise ReferralError(ReferralRefused.UNKNOWN_REFERRAL)
        if known.outcome is not None:
            raise ReferralError(ReferralRefused.ALREADY_RESOLVED, known)
        data = {
            "referral_id": known.id,
            "outcome": outcome.value,
            "note": note,
            "ticket": known.ticket,
            "operator": operator,
        }
        event = NewEvent(EventType.REFERRAL_RESOLVED, now, data)
        with self._store.transaction() as conn:
            changed = conn.execute(
                "UPDATE referrals SET outcome = ?, resolution_note = ?, resolved_at = ?, "
                "resolved_by = ?, resolution_event = ?, valid_until = ?, changed_at = ? "
                "WHERE id = ? AND outcome IS NULL",
                (
                    outcome.value,
                    note,
                    now,
                    f"{self._desk.entrance}/{self._desk.desk}",
                    event.id,
                    now + RESOLUTION_LIFETIME,
                    now,
                    known.id,
                ),
            ).rowcount
            if not changed:  # another process of this data folder came first
                raise ReferralError(ReferralRefused.ALREADY_RESOLVED)
            insert_events(conn, [event], desk=self._desk, subject_of=_no_subject, now=now)
        resolved = self.get(known.id)
        assert resolved is not None
        return resolved

    # -- steps --------------------------------------------------------------

    def _window(self, now: float | None = None) -> dict[str, float]:
        return window(self._day, self._clock.now() if now is None else now)

    def merge(self, pull: ReferralPull) -> Merged:
        """Take in what the service said (see kiosk.referrals.pull)."""
        return merge_pull(self._store, self._desk, self._clock, self._day, pull, skew=self._skew)

    def pull_since(self) -> float:
        """The `since` of the next pull: the last answer's `as_of`, else a day back."""
        return pull_since(self._store, self._clock)

    def _next_ticket(self, conn: sqlite3.Connection, day_start: float) -> str:
        """One more than the highest number of this prefix today (any desk's, as known here)."""
        head = self._prefix + "-"
        numbers = [0]
        for (text,) in conn.execute(
            "SELECT ticket FROM referrals WHERE opened_at >= ? AND substr(ticket, 1, ?) = ?",
            (day_start, len(head), head),
        ):
            tail = str(text)[len(head) :]
            if tail.isdigit():
                numbers.append(int(tail))
        return ticket(self._prefix, max(numbers) + 1)


def _no_subject(iin: str) -> str:
    raise AssertionError("a resolution carries no IIN")
