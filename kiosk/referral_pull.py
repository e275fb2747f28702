"""The venue's referrals from the service, merged into a kiosk's own.

A pull is merged in the transaction that also moves its bookmark (`as_of`),
so a crash loses neither. The service's outcome wins (the first resolution
there is the one that holds); a resolution of this kiosk's own that the
service has not had yet stands until the service says otherwise. The raw
IIN of a pulled referral is used only to compute today's subject.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.alerts import Alert, ReferralResolved, ResolutionRefused, raise_alert
from kiosk.apiwire import ReferralPull, RemoteReferral
from kiosk.clock import Clock
from kiosk.dayend import BusinessDay
from kiosk.events import DeskIdentity, EventType, StoredEvent
from kiosk.referral_rows import SELECT, WINDOW, is_current, referral_of, row_dict, window
from kiosk.referrals import Referral, ReferralRefused
from kiosk.store import Store, set_meta_in

PULLED_AS_OF_KEY = "referrals_as_of"
"""The service's time of the last pull merged: the next pull's `since`."""


@dataclass(frozen=True)
class Merged:
    """What a pull changed: anything at all, and the referrals it resolved (or re-resolved)."""

    changed: bool
    resolved: tuple[Referral, ...] = ()


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
    store: Store, desk: DeskIdentity, clock: Clock, day: BusinessDay, pull: ReferralPull
) -> Merged:
    """Merge *pull* into *store* (the referrals of *desk*'s data folder)."""
    return _Merge(store, desk, clock, day).merge(pull)


class _Merge:
    """One pull merged into one data folder (inside one transaction)."""

    def __init__(self, store: Store, desk: DeskIdentity, clock: Clock, day: BusinessDay) -> None:
        self._store = store
        self._desk = desk
        self._clock = clock
        self._day = day

    def merge(self, pull: ReferralPull) -> Merged:
        """Take in what the service said: new referrals, and outcomes. A referral
        of this desk that the doctor resolved raises a `referral_resolved` alert."""
        now = self._clock.now()
        today = window(self._day, now)
        changed, resolved = False, []
        keys = self._store.keys
        latest = {remote.id.lower(): remote for remote in pull.referrals}
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
        return Merged(changed, tuple(now_resolved))

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


def _resolution(remote: RemoteReferral) -> tuple[Any, ...]:
    by = None
    if remote.resolved_by_entrance is not None or remote.resolved_by_desk is not None:
        by = f"{remote.resolved_by_entrance or ''}/{remote.resolved_by_desk or ''}"
    return (remote.outcome, remote.resolution_note, remote.resolved_at, by, remote.valid_until)
