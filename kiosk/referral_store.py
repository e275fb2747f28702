"""The referrals a kiosk knows: its own, and the venue's from the service.

Opening a referral and resolving one are each one transaction with the
event that tells the service (`referral_opened`, `referral_resolved`), so
the outbox delivers them later when the service is down, and nothing is
applied twice. A pull from the service is merged in the transaction that
also moves the pull's bookmark (`as_of`): a crash loses neither.

The raw IIN of a referral from the service is used only to compute today's
subject (the keyed hash presence and the status cache use), never stored.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.alerts import Alert, ReferralResolved, ResolutionRefused, raise_alert
from kiosk.apiwire import ReferralPull, RemoteReferral
from kiosk.clock import Clock
from kiosk.dayend import BusinessDay
from kiosk.events import DeskIdentity, EventType, NewEvent, StoredEvent
from kiosk.iin import mask_iin
from kiosk.outbox import insert_events
from kiosk.referrals import (
    NOTE_MAX,
    RESOLUTION_LIFETIME,
    Referral,
    ReferralOutcome,
    ReferralReason,
    ReferralRefused,
    ReferralState,
    ticket,
)
from kiosk.status import Provenance, Status, parse_status
from kiosk.store import Store

PULLED_AS_OF_KEY = "referrals_as_of"
"""The service's time of the last pull merged: the next pull's `since`."""

WINDOW = 26 * 3600.0
"""How far back a first pull reaches, and how old an open (or still valid)
referral may be to count as current: a business day, with room for a
daylight-saving day and a referral opened just before the day's end."""

_FIELDS = (
    "id, ticket, subject, masked_id, name, status_shown, provenance, reason, note, entrance, "
    "desk, opened_at, check_in, mine, opened_event, outcome, resolution_note, resolved_at, "
    "resolved_by, resolution_event, valid_until"
)
_SELECT = (
    f"SELECT {_FIELDS}, NOT EXISTS (SELECT 1 FROM outbox o WHERE o.acked_at IS NULL "
    "AND o.id IN (r.opened_event, r.resolution_event)) AS delivered FROM referrals r"
)
# Today's: opened since the day began, or open (or its outcome in force) and recent.
_CURRENT = (
    "(r.opened_at >= :day_start OR (r.opened_at >= :window AND "
    "(r.outcome IS NULL OR r.valid_until IS NULL OR r.valid_until >= :now)))"
)


class ReferralError(Exception):
    """A referral input that changes nothing; `why` says which."""

    def __init__(self, why: ReferralRefused, referral: Referral | None = None) -> None:
        super().__init__(why.value)
        self.why = why
        self.referral = referral


@dataclass(frozen=True)
class Opened:
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


@dataclass(frozen=True)
class Merged:
    """What a pull changed: anything at all, and the referrals it resolved (or re-resolved)."""

    changed: bool
    resolved: tuple[Referral, ...] = ()


class ReferralBook:
    """One data folder's referrals (used from the thread that owns *store*)."""

    def __init__(
        self, store: Store, desk: DeskIdentity, clock: Clock, *, prefix: str, day: BusinessDay
    ) -> None:
        self._store = store
        self._desk = desk
        self._clock = clock
        self._prefix = prefix
        self._day = day

    # -- reading ------------------------------------------------------------

    def get(self, referral_id: str) -> Referral | None:
        rows = self._store.query(f"{_SELECT} WHERE r.id = ?", (referral_id.lower(),))
        return _referral(rows[0], self._desk) if rows else None

    def current(self, *, open_only: bool = False) -> tuple[Referral, ...]:
        """Today's referrals of the venue as this kiosk knows them, by opening time."""
        where = _CURRENT + (" AND r.outcome IS NULL" if open_only else "")
        rows = self._store.query(
            f"{_SELECT} WHERE {where} ORDER BY r.opened_at, r.ticket", {**self._window()}
        )
        return tuple(_referral(row, self._desk) for row in rows)

    def every(self) -> tuple[Referral, ...]:
        """Every referral kept (older ones without the person: for reports)."""
        rows = self._store.query(f"{_SELECT} ORDER BY r.opened_at, r.ticket")
        return tuple(_referral(row, self._desk) for row in rows)

    def by_ticket(self, text: str) -> tuple[Referral, ...]:
        """Today's referrals with this ticket (any case), newest first."""
        wanted = text.strip().upper()
        return tuple(r for r in reversed(self.current()) if r.ticket.upper() == wanted)

    def clearance(self, subject: str, now: float) -> Referral | None:
        """The person's latest resolved referral whose outcome holds at *now*."""
        rows = self._store.query(
            f"{_SELECT} WHERE r.subject = ? AND r.outcome IS NOT NULL "
            "AND (r.valid_until IS NULL OR r.valid_until >= ?) "
            "ORDER BY r.resolved_at DESC LIMIT 1",
            (subject, now),
        )
        return _referral(rows[0], self._desk) if rows else None

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
            _provenance(data.get("provenance")),
        )

    # -- writing ------------------------------------------------------------

    def open(
        self,
        iin: str,
        reason: ReferralReason,
        note: str | None,
        shown: Shown | None,
    ) -> Opened:
        """Open a referral for *iin* with the day's next ticket and queue `referral_opened`.

        A person with an open referral today keeps it: the same one comes back
        (`new` False), so a double tap prints no second ticket.
        """
        if note is not None and len(note) > NOTE_MAX:
            raise ReferralError(ReferralRefused.NOTE_TOO_LONG)
        shown = shown or Shown(None, None, Provenance.NONE)
        now = self._clock.now()
        keys = self._store.keys
        subject = keys.subject(iin, now)
        window = self._window(now)
        with self._store.transaction() as conn:
            found = conn.execute(
                f"{_SELECT} WHERE r.subject = :subject AND r.outcome IS NULL AND {_CURRENT} "
                "ORDER BY r.opened_at DESC LIMIT 1",
                {**window, "subject": subject},
            ).fetchone()
            if found is not None:
                return Opened(_referral(_row(found), self._desk), new=False)
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
        return Opened(opened, new=True)

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

    def merge(self, pull: ReferralPull) -> Merged:
        """Take in what the service said: new referrals, and outcomes (the service's win).

        A resolution of this kiosk's own that the service has not had yet
        stands until the service says otherwise. A referral of this desk that
        the doctor resolved raises a `referral_resolved` alert.
        """
        now = self._clock.now()
        window = self._window(now)
        changed, resolved = False, []
        keys = self._store.keys
        latest = {remote.id.lower(): remote for remote in pull.referrals}
        with self._store.transaction() as conn:
            for referral_id, remote in latest.items():
                current = _is_current(remote, window)
                # The raw IIN goes no further than this line: today's subject only.
                subject = keys.subject(remote.iin, now) if current else None
                row = conn.execute(f"{_SELECT} WHERE r.id = ?", (referral_id,)).fetchone()
                if row is None:
                    if current:
                        self._insert(conn, referral_id, remote, subject, now)
                        changed = True
                        if remote.outcome is not None:
                            resolved.append(referral_id)
                    continue
                before = _row(row)
                if self._update(conn, before, remote, subject, now):
                    changed = True
                    if remote.outcome is not None and remote.outcome != before["outcome"]:
                        resolved.append(referral_id)
            previous = conn.execute(
                "SELECT value FROM meta WHERE key = ?", (PULLED_AS_OF_KEY,)
            ).fetchone()
            as_of = max(pull.as_of, float(previous[0])) if previous else pull.as_of
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (PULLED_AS_OF_KEY, repr(as_of)),
            )
            now_resolved = [self._get_in(conn, i) for i in resolved]
            for referral in now_resolved:
                if referral.mine and referral.outcome is not None:
                    payload = ReferralResolved(
                        referral.id, referral.ticket, referral.outcome.value, referral.masked_id
                    )
                    raise_alert(conn, Alert(payload, now))
        return Merged(changed, tuple(now_resolved))

    def pull_since(self) -> float:
        """The `since` of the next pull: the last answer's `as_of`, else a day back."""
        text = self._store.get_meta(PULLED_AS_OF_KEY)
        if text:
            try:
                return float(text)
            except ValueError:
                pass
        return self._clock.now() - WINDOW

    # -- steps --------------------------------------------------------------

    def _window(self, now: float | None = None) -> dict[str, float]:
        now = self._clock.now() if now is None else now
        return {"day_start": self._day.last_end(now), "window": now - WINDOW, "now": now}

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

    def _insert(
        self,
        conn: sqlite3.Connection,
        referral_id: str,
        remote: RemoteReferral,
        subject: str | None,
        now: float,
    ) -> None:
        mine = (remote.entrance, remote.desk) == (self._desk.entrance, self._desk.desk)
        conn.execute(
            "INSERT INTO referrals (id, ticket, subject, masked_id, name, status_shown, "
            "provenance, reason, note, entrance, desk, opened_at, check_in, mine, outcome, "
            "resolution_note, resolved_at, resolved_by, valid_until, changed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                referral_id,
                remote.ticket,
                subject,
                remote.masked_id,
                remote.name,
                remote.status_shown.value if remote.status_shown else None,
                remote.provenance,
                remote.reason,
                remote.note,
                remote.entrance,
                remote.desk,
                remote.opened_at,
                remote.check_in,
                int(mine),
                *_resolution(remote),
                now,
            ),
        )

    def _update(
        self,
        conn: sqlite3.Connection,
        before: dict[str, Any],
        remote: RemoteReferral,
        subject: str | None,
        now: float,
    ) -> bool:
        changes: dict[str, Any] = {}
        if subject is not None and subject != before["subject"]:
            changes |= {"subject": subject, "masked_id": remote.masked_id, "name": remote.name}
        if remote.outcome is not None:
            names = ("outcome", "resolution_note", "resolved_at", "resolved_by", "valid_until")
            theirs = dict(zip(names, _resolution(remote), strict=True))
            if any(before[name] != value for name, value in theirs.items()):
                changes |= theirs
        if not changes:
            return False
        assignments = ", ".join(f"{name} = :{name}" for name in changes)
        conn.execute(
            f"UPDATE referrals SET {assignments}, changed_at = :changed_at WHERE id = :id",
            {**changes, "changed_at": now, "id": before["id"]},
        )
        return True

    def _get_in(self, conn: sqlite3.Connection, referral_id: str) -> Referral:
        row = conn.execute(f"{_SELECT} WHERE r.id = ?", (referral_id,)).fetchone()
        return _referral(_row(row), self._desk)


def note_refused_resolutions(
    conn: sqlite3.Connection,
    events: Sequence[StoredEvent],
    dead: Sequence[tuple[str, str]],
    now: float,
) -> set[str]:
    """Alert the doctor room about its resolutions the service refused; their ids.

    `unknown_referral`: the referral reopens here (its opening never reached
    the service; the doctor may resolve it again once it does).
    `already_resolved`: the winner's outcome arrives with the next pull.
    """
    by_id = {event.id: event for event in events}
    handled: set[str] = set()
    for event_id, reason in dead:
        event = by_id.get(event_id)
        refused = reason in (ReferralRefused.UNKNOWN_REFERRAL, ReferralRefused.ALREADY_RESOLVED)
        if event is None or event.type is not EventType.REFERRAL_RESOLVED or not refused:
            continue
        data = event.data
        payload = ResolutionRefused(
            str(data.get("referral_id", "")),
            str(data.get("ticket") or ""),
            str(data.get("outcome", "")),
            reason,
            event_id,
        )
        raise_alert(conn, Alert(payload, now))
        if reason == ReferralRefused.UNKNOWN_REFERRAL:
            conn.execute(
                "UPDATE referrals SET outcome = NULL, resolution_note = NULL, resolved_at = NULL, "
                "resolved_by = NULL, resolution_event = NULL, valid_until = NULL, changed_at = ? "
                "WHERE resolution_event = ?",
                (now, event_id),
            )
        handled.add(event_id)
    return handled


def _is_current(remote: RemoteReferral, window: dict[str, float]) -> bool:
    if remote.opened_at >= window["day_start"]:
        return True
    holds = remote.outcome is None or remote.valid_until is None
    holds = holds or (remote.valid_until or 0.0) >= window["now"]
    return remote.opened_at >= window["window"] and holds


def _resolution(remote: RemoteReferral) -> tuple[Any, ...]:
    by = None
    if remote.resolved_by_entrance is not None or remote.resolved_by_desk is not None:
        by = f"{remote.resolved_by_entrance or ''}/{remote.resolved_by_desk or ''}"
    return (remote.outcome, remote.resolution_note, remote.resolved_at, by, remote.valid_until)


_NAMES = (*(name.strip() for name in _FIELDS.split(",")), "delivered")


def _row(row: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip(_NAMES, row, strict=True))


def _referral(row: dict[str, Any], desk: DeskIdentity) -> Referral:
    outcome = row["outcome"]
    return Referral(
        id=str(row["id"]),
        ticket=str(row["ticket"]),
        state=ReferralState.OPEN if outcome is None else ReferralState.RESOLVED,
        masked_id=row["masked_id"],
        name=row["name"],
        status_shown=parse_status(row["status_shown"]),
        provenance=_provenance(row["provenance"]),
        reason=_reason(row["reason"]),
        note=row["note"],
        entrance=str(row["entrance"]),
        desk=str(row["desk"]),
        opened_at=float(row["opened_at"]),
        outcome=ReferralOutcome(outcome) if outcome in _OUTCOMES else None,
        resolution_note=row["resolution_note"],
        resolved_at=_float(row["resolved_at"]),
        resolved_by=row["resolved_by"],
        valid_until=_float(row["valid_until"]),
        mine=bool(row["mine"]),
        delivered=bool(row["delivered"]),
        check_in=row["check_in"],
    )


_OUTCOMES = frozenset(o.value for o in ReferralOutcome)


def _provenance(value: object) -> Provenance:
    try:
        return Provenance(str(value))
    except ValueError:
        return Provenance.NONE


def _reason(value: object) -> ReferralReason:
    try:
        return ReferralReason(str(value))
    except ValueError:
        return ReferralReason.OTHER


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _no_subject(iin: str) -> str:
    raise AssertionError("a resolution carries no IIN")
