"""Alerts for staff: a red report queued, a retroactive red status, a lost camera…

Each kind has a typed payload (a frozen dataclass); the database keeps the
payload as JSON, and :func:`payload_to_json` / :func:`payload_from_json`
are the only translation between the two. Payloads never hold a raw IIN.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.storage.store import Store
from shared.clock import Clock


class AlertKind(StrEnum):
    RETROACTIVE_RED = "retroactive_red"
    RED_REPORT_QUEUED = "red_report_queued"
    PASSBACK = "passback"
    CAPACITY_REACHED = "capacity_reached"
    DEVICE_LOST = "device_lost"
    SYNC_TROUBLE = "sync_trouble"
    CLOCK_SKEW = "clock_skew"
    DEVICE_NOT_REGISTERED = "device_not_registered"
    DEAD_LETTER = "dead_letter"
    TRUST_STALE = "trust_stale"
    DATABASE_RESCUED = "database_rescued"
    REFERRAL_RESOLVED = "referral_resolved"
    RESOLUTION_REFUSED = "resolution_refused"
    DESK_HEALTH = "desk_health"
    GATE_UNREACHABLE = "gate_unreachable"


@dataclass(frozen=True)
class RetroactiveRed:
    """An unverified visitor let in while offline turned out to be red."""

    check_in: str = ""
    masked_id: str | None = None
    checked_in_at: float | None = None
    decision: str | None = None
    red_report: str | None = None


@dataclass(frozen=True)
class RedReportQueued:
    """A red-status visitor was reported to the sanitary service (staff should call)."""

    check_in: str = ""
    red_report: str = ""
    masked_id: str | None = None


@dataclass(frozen=True)
class Passback:
    """Someone already inside tried to enter again."""

    masked_id: str | None = None
    entered_at: float | None = None


@dataclass(frozen=True)
class CapacityReached:
    inside: int = 0
    capacity: int = 0


@dataclass(frozen=True)
class DeviceLost:
    """A code reader stopped delivering (unplugged, driver hung)."""

    device: str = "camera"


@dataclass(frozen=True)
class SyncTrouble:
    """Events have been waiting for the service for a long time."""

    error: str | None = None
    pending: int = 0
    since: float | None = None


@dataclass(frozen=True)
class ClockSkew:
    skew_s: float = 0.0
    allowance_s: float = 0.0


@dataclass(frozen=True)
class TokenRefused:
    """The service refused this device's token (401): the device is not registered."""

    error: str = ""


@dataclass(frozen=True)
class DeadLetter:
    """Events the service refused as invalid: kept, not retried."""

    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrustStale:
    fetched_at: float | None = None
    error: str | None = None


@dataclass(frozen=True)
class DatabaseRescued:
    """The database files were removed or replaced under the running desk, a
    damaged one was recovered, or events it had confirmed are gone
    (`events_lost`: its log was cut short)."""

    what: str = ""
    rescue_file: str | None = None
    events_lost: int = 0


@dataclass(frozen=True)
class ReferralResolved:
    """The doctor room resolved a referral this desk opened."""

    referral_id: str = ""
    ticket: str = ""
    outcome: str = ""
    masked_id: str | None = None


@dataclass(frozen=True)
class ResolutionRefused:
    """The service refused this doctor room's resolution of a referral: another
    resolution came first (`already_resolved`: its outcome holds), or the
    service holds no such referral (`unknown_referral`)."""

    referral_id: str = ""
    ticket: str = ""
    outcome: str = ""
    reason: str = ""
    event_id: str = ""


@dataclass(frozen=True)
class DeskHealth:
    """The kiosk's check at start found something wrong: the checks that failed
    (kiosk.health.Check values) and, after a crash loop, how many crashes."""

    failed: tuple[str, ...] = ()
    crashes: int = 0


@dataclass(frozen=True)
class GateLost:
    """The gate (turnstile, door) stopped answering: check-ins go on, the gate
    does not open. Cleared when it answers again."""

    detail: str | None = None


AlertPayload = (
    RetroactiveRed
    | RedReportQueued
    | Passback
    | CapacityReached
    | DeviceLost
    | SyncTrouble
    | ClockSkew
    | TokenRefused
    | DeadLetter
    | TrustStale
    | DatabaseRescued
    | ReferralResolved
    | ResolutionRefused
    | DeskHealth
    | GateLost
)

PAYLOADS: dict[AlertKind, type[AlertPayload]] = {
    AlertKind.RETROACTIVE_RED: RetroactiveRed,
    AlertKind.RED_REPORT_QUEUED: RedReportQueued,
    AlertKind.PASSBACK: Passback,
    AlertKind.CAPACITY_REACHED: CapacityReached,
    AlertKind.DEVICE_LOST: DeviceLost,
    AlertKind.SYNC_TROUBLE: SyncTrouble,
    AlertKind.CLOCK_SKEW: ClockSkew,
    AlertKind.DEVICE_NOT_REGISTERED: TokenRefused,
    AlertKind.DEAD_LETTER: DeadLetter,
    AlertKind.TRUST_STALE: TrustStale,
    AlertKind.DATABASE_RESCUED: DatabaseRescued,
    AlertKind.REFERRAL_RESOLVED: ReferralResolved,
    AlertKind.RESOLUTION_REFUSED: ResolutionRefused,
    AlertKind.DESK_HEALTH: DeskHealth,
    AlertKind.GATE_UNREACHABLE: GateLost,
}
_KINDS = {cls: kind for kind, cls in PAYLOADS.items()}


@dataclass(frozen=True)
class Alert:
    """One alert; its kind follows from the payload's type."""

    payload: AlertPayload
    created_at: float
    id: int = 0
    seen_at: float | None = None

    @property
    def kind(self) -> AlertKind:
        return _KINDS[type(self.payload)]


def payload_to_json(payload: AlertPayload) -> dict[str, Any]:
    out = dataclasses.asdict(payload)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in out.items()}


def payload_from_json(kind: AlertKind, data: dict[str, Any]) -> AlertPayload:
    """The typed payload; unknown keys are dropped, missing ones take defaults."""
    cls: Any = PAYLOADS[kind]
    names = {f.name for f in dataclasses.fields(cls)}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names}
    try:
        payload: AlertPayload = cls(**values)
    except TypeError:
        payload = cls()
    return payload


def raise_alert(conn: sqlite3.Connection, alert: Alert) -> int:
    """Store an alert inside the caller's transaction; its new id."""
    cursor = conn.execute(
        "INSERT INTO alerts (kind, created_at, data) VALUES (?, ?, ?)",
        (
            alert.kind.value,
            alert.created_at,
            json.dumps(payload_to_json(alert.payload), ensure_ascii=False),
        ),
    )
    return int(cursor.lastrowid or 0)


def raise_once(conn: sqlite3.Connection, alert: Alert) -> int | None:
    """Store unless an unseen alert of the same kind is waiting; the new id, or None."""
    waiting = conn.execute(
        "SELECT 1 FROM alerts WHERE kind = ? AND seen_at IS NULL", (alert.kind.value,)
    ).fetchone()
    return None if waiting else raise_alert(conn, alert)


class Alerts:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, payload: AlertPayload, *, now: float) -> Alert:
        with self._store.transaction() as conn:
            new_id = raise_alert(conn, Alert(payload, now))
        return Alert(payload, now, new_id)

    def add_once(self, payload: AlertPayload, *, now: float) -> Alert | None:
        """Add unless an unseen alert of the same kind is already waiting."""
        with self._store.transaction() as conn:
            new_id = raise_once(conn, Alert(payload, now))
        return None if new_id is None else Alert(payload, now, new_id)

    def clear(self, kind: AlertKind, *, now: float) -> list[int]:
        """The condition behind every unseen alert of *kind* is over (a gate answers
        again): they are put away as acknowledged. Their ids."""
        with self._store.transaction() as conn:
            ids = [
                int(row[0])
                for row in conn.execute(
                    "SELECT id FROM alerts WHERE kind = ? AND seen_at IS NULL", (kind.value,)
                )
            ]
            conn.executemany("UPDATE alerts SET seen_at = ? WHERE id = ?", [(now, i) for i in ids])
        return ids

    def unseen(self) -> list[Alert]:
        return self._select("WHERE seen_at IS NULL")

    def since(self, alert_id: int) -> list[Alert]:
        """Alerts newer than *alert_id* (raised by another thread or process)."""
        return self._select("WHERE id > ?", (alert_id,))

    def last_id(self) -> int:
        rows = self._store.query("SELECT coalesce(max(id), 0) AS n FROM alerts")
        return int(str(rows[0]["n"]))

    def mark_seen(self, ids: list[int], *, now: float) -> list[int]:
        """Acknowledge alerts; the ids that were still unseen (a second call is a no-op)."""
        with self._store.transaction() as conn:
            marks = ",".join("?" * len(ids))
            fresh = [
                int(row[0])
                for row in conn.execute(
                    f"SELECT id FROM alerts WHERE seen_at IS NULL AND id IN ({marks})", ids
                )
            ]
            conn.executemany(
                "UPDATE alerts SET seen_at = ? WHERE id = ?", [(now, i) for i in fresh]
            )
        return fresh

    def _select(self, where: str, params: tuple[object, ...] = ()) -> list[Alert]:
        rows = self._store.query(
            f"SELECT id, kind, created_at, data, seen_at FROM alerts {where} ORDER BY id", params
        )
        alerts = []
        for r in rows:
            try:
                kind = AlertKind(str(r["kind"]))
            except ValueError:
                continue  # written by a newer version: not this one's to show
            alerts.append(
                Alert(
                    payload_from_json(kind, json.loads(str(r["data"]))),
                    _float(r["created_at"]),
                    int(str(r["id"])),
                    _float(r["seen_at"]) if r["seen_at"] is not None else None,
                )
            )
        return alerts


class AlertFeed:
    """The alerts a desk tells its listeners: each new unseen one once, in order,
    whoever raised it (this desk, its network thread, another process)."""

    def __init__(self, alerts: Alerts, clock: Clock, tell: Callable[[Alert], None]) -> None:
        self.alerts = alerts
        self._clock = clock
        self._tell = tell
        self._last = 0

    def start(self) -> None:
        """Tell every unseen alert (the desk has just started)."""
        for alert in self.alerts.unseen():
            self._tell(alert)
        self._last = self.alerts.last_id()

    def add(self, payload: AlertPayload) -> None:
        self.alerts.add(payload, now=self._clock.now())
        self.tell_new()

    def add_once(self, payload: AlertPayload) -> None:
        if self.alerts.add_once(payload, now=self._clock.now()) is not None:
            self.tell_new()

    def tell_new(self) -> None:
        for alert in self.alerts.since(self._last):
            self._last = max(self._last, alert.id)
            if alert.seen_at is None:
                self._tell(alert)


def _float(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def note_clock_skew(alerts: Alerts, skew: float | None, allowance: float, now: float) -> bool:
    """Alert staff when this PC's clock is off by more than passes allow."""
    if skew is None or abs(skew) <= allowance:
        return False
    payload = ClockSkew(round(skew, 1), allowance)
    return alerts.add_once(payload, now=now) is not None


def note_lost_events(store: Store, now: float) -> Alert | None:
    """Put on record a loss the store found as it opened: confirmed events the
    database no longer holds (its log was emptied or cut short while the kiosk
    was off). A `database_rescued` alert (`events_lost`) says how many; the
    store's mark then starts again from what the database holds."""
    lost = store.lost_events
    if lost is None:
        return None
    alert = Alerts(store).add(DatabaseRescued("events_lost", events_lost=lost.count), now=now)
    store.lost_events_reported()
    return alert
