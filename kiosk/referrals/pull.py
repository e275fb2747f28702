"""The venue's referrals from the service, merged into a kiosk's own.

A pull is merged in the transaction that also moves its bookmark (`as_of`),
so a crash loses neither. The service's outcome wins (the first resolution
there is the one that holds); a resolution of this kiosk's own that the
service has not had yet stands until the service says otherwise. The raw
IIN of a pulled referral is used only to compute today's subject.

An outcome lets a passenger board, so it is believed only when it is
believable: a referral of this kiosk's venue, resolved by a doctor room of
this venue, at a time not ahead of this kiosk's clock (past the skew
allowance) nor before the referral was opened; and it holds no longer than
RESOLUTION_LIFETIME from that time, whatever `valid_until` the answer says.
An outcome that fails this is left out (the referral stays as this kiosk
knew it); a referral of another venue is left out altogether.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from kiosk.dayend import BusinessDay
from kiosk.events import DeskIdentity, EventType, StoredEvent
from kiosk.referrals.rows import SELECT, WINDOW, is_current, referral_of, row_dict, window
from kiosk.referrals.values import RESOLUTION_LIFETIME, RESOLUTION_SKEW, Referral, ReferralRefused
from kiosk.service.wire import ReferralPull, RemoteReferral
from kiosk.storage.alerts import Alert, ReferralResolved, ResolutionRefused, raise_alert
from kiosk.storage.store import Store, set_meta_in
from shared.clock import Clock

_log = logging.getLogger(__name__)

PULLED_AS_OF_KEY = "referrals_as_of"
"""The service's time of the last pull merged: the next pull's `since`."""


@dataclass(frozen=True)
class Merged:
    """What a pull changed: anything at all, and the referrals it resolved (or
    re-resolved); `disbelieved`: the ids of referrals whose outcome (or, of
    another venue, the whole referral) was left out."""

    changed: bool
    resolved: tuple[Referral, ...] = ()
    disbelieved: tuple[str, ...] = ()


def pull_since(store: Store, clock: Clock) -> float:
    """The `since` of the next pull: the last answer's `as_of`, else a day back."""
    text = store.get_meta(PULLED_AS_OF_KEY)
    if text:
        try:
            return float(text)
        except ValueError:
            pass
    return clock.now() - WINDOW


def merge_pull(
    store: Store,
    desk: DeskIdentity,
    clock: Clock,
    day: BusinessDay,
    pull: ReferralPull,
    *,
    skew: float = RESOLUTION_SKEW,
) -> Merged:
    """Merge *pull* into *store* (the referrals of *desk*'s data folder); *skew*:
    how far ahead of this kiosk's clock a resolution's time may be."""
    return _Merge(store, desk, clock, day, skew).merge(pull)


def believable(
    remote: RemoteReferral, venue_bin: str, now: float, skew: float
) -> RemoteReferral | None:
    """*remote* as this kiosk may believe it: None for another venue's referral;
    without its outcome when that is not believable; `valid_until` capped at
    `resolved_at` + RESOLUTION_LIFETIME."""
    if remote.venue is not None and remote.venue != venue_bin:
        return None
    if remote.outcome is None:
        return remote
    resolved_at = remote.resolved_at
    if (
        remote.resolved_by_venue != venue_bin
        or resolved_at is None
        or resolved_at > now + skew
        or resolved_at < remote.opened_at - skew
    ):
        return replace(
            remote,
            state="open",
            outcome=None,
            resolution_note=None,
            resolved_at=None,
            resolved_by_entrance=None,
            resolved_by_desk=None,
            resolved_by_venue=None,
            valid_until=None,
        )
    cap = resolved_at + RESOLUTION_LIFETIME
    valid_until = cap if remote.valid_until is None else min(remote.valid_until, cap)
    return replace(remote, valid_until=valid_until)


class _Merge:
    """One pull merged into one data folder (inside one transaction)."""

    def __init__(
        self, store: Store, desk: DeskIdentity, clock: Clock, day: BusinessDay, skew: float
    ) -> None:
        self._store = store
        self._desk = desk
        self._clock = clock
        self._day = day
        self._skew = skew

    def merge(self, pull: ReferralPull) -> Merged:
        """Take in what the service said: new referrals, and outcomes. A referral
        of this desk that the doctor resolved raises a `referral_resolved` alert."""
        now = self._clock.now()
        today = window(self._day, now)
        changed, resolved, disbelieved = False, [], []
        keys = self._store.keys
        latest: dict[str, RemoteReferral] = {}
        for told in pull.referrals:
            remote = believable(told, self._desk.venue_bin, now, self._skew)
            if remote is None or (remote.outcome, remote.valid_until) != (
                told.outcome,
                told.valid_until if told.valid_until is not None else remote.valid_until,
            ):
                disbelieved.append(told.id.lower())
            if remote is not None:
                latest[told.id.lower()] = remote
        if disbelieved:
            _log.warning("referral outcomes not believed (venue or time): %s", disbelieved)
        with self._store.transaction() as conn:
            for referral_id, remote in latest.items():
                current = is_current(today, remote.opened_at, remote.outcome, remote.valid_until)
                # The raw IIN goes no further than this line: today's subject only.
                subject = keys.subject(remote.iin, now) if current else None
                row = conn.execute(f"{SELECT} WHERE r.id = ?", (referral_id,)).fetchone()
                if row is None:
                    if current:
                        self._insert(conn, referral_id, remote, subject, now)
                        changed = True
                        if remote.outcome is not None:
                            resolved.append(referral_id)
                    continue
                before = row_dict(row)
                if self._update(conn, before, remote, subject, now):
                    changed = True
                    if remote.outcome is not None and remote.outcome != before["outcome"]:
                        resolved.append(referral_id)
            previous = conn.execute(
                "SELECT value FROM meta WHERE key = ?", (PULLED_AS_OF_KEY,)
            ).fetchone()
            as_of = max(pull.as_of, float(previous[0])) if previous else pull.as_of
            set_meta_in(conn, PULLED_AS_OF_KEY, repr(as_of))
            now_resolved = [self._get_in(conn, i) for i in resolved]
            for referral in now_resolved:
                if referral.mine and referral.outcome is not None:
                    payload = ReferralResolved(
                        referral.id, referral.ticket, referral.outcome.value, referral.masked_id
                    )
                    raise_alert(conn, Alert(payload, now))
        return Merged(changed, tuple(now_resolved), tuple(disbelieved))

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
        row = conn.execute(f"{SELECT} WHERE r.id = ?", (referral_id,)).fetchone()
        return referral_of(row_dict(row))


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
    A refusal of who or when (`not_a_doctor_room`, `wrong_venue`,
    `resolved_in_future`, `resolved_before_opened`) reopens it too, and is
    left to the dead-letter alert: the device or its clock needs fixing.
    """
    by_id = {event.id: event for event in events}
    handled: set[str] = set()
    for event_id, reason in dead:
        event = by_id.get(event_id)
        if event is None or event.type is not EventType.REFERRAL_RESOLVED:
            continue
        if reason in _NOT_BELIEVED:
            _reopen(conn, event_id, now)
            continue
        refused = reason in (ReferralRefused.UNKNOWN_REFERRAL, ReferralRefused.ALREADY_RESOLVED)
        if not refused:
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
            _reopen(conn, event_id, now)
        handled.add(event_id)
    return handled


_NOT_BELIEVED = frozenset(
    {"not_a_doctor_room", "wrong_venue", "resolved_in_future", "resolved_before_opened"}
)
"""The service's refusals of a resolution's sender or time (docs/api.yaml)."""


def _reopen(conn: sqlite3.Connection, resolution_event: str, now: float) -> None:
    """Undo this kiosk's resolution that the service refused."""
    conn.execute(
        "UPDATE referrals SET outcome = NULL, resolution_note = NULL, resolved_at = NULL, "
        "resolved_by = NULL, resolution_event = NULL, valid_until = NULL, changed_at = ? "
        "WHERE resolution_event = ?",
        (now, resolution_event),
    )


def _resolution(remote: RemoteReferral) -> tuple[Any, ...]:
    by = None
    if remote.resolved_by_entrance is not None or remote.resolved_by_desk is not None:
        by = f"{remote.resolved_by_entrance or ''}/{remote.resolved_by_desk or ''}"
    return (remote.outcome, remote.resolution_note, remote.resolved_at, by, remote.valid_until)
