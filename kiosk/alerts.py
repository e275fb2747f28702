"""Alerts for staff: a retroactive red status, sync trouble, a wrong clock…"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.store import Store


class AlertKind(StrEnum):
    RETROACTIVE_RED = "retroactive_red"
    CLOCK_SKEW = "clock_skew"
    DEVICE_NOT_REGISTERED = "device_not_registered"
    DEAD_LETTER = "dead_letter"
    TRUST_STALE = "trust_stale"


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    created_at: float
    data: Mapping[str, Any]
    id: int = 0


def raise_alert(conn: sqlite3.Connection, alert: Alert) -> None:
    """Store an alert inside the caller's transaction (data must hold no raw IIN)."""
    conn.execute(
        "INSERT INTO alerts (kind, created_at, data) VALUES (?, ?, ?)",
        (alert.kind.value, alert.created_at, json.dumps(dict(alert.data), ensure_ascii=False)),
    )


class Alerts:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, alert: Alert) -> None:
        with self._store.transaction() as conn:
            raise_alert(conn, alert)

    def add_once(self, alert: Alert) -> bool:
        """Add unless an unseen alert of the same kind is already waiting."""
        with self._store.transaction() as conn:
            waiting = conn.execute(
                "SELECT 1 FROM alerts WHERE kind = ? AND seen_at IS NULL", (alert.kind.value,)
            ).fetchone()
            if waiting:
                return False
            raise_alert(conn, alert)
            return True

    def unseen(self) -> list[Alert]:
        rows = self._store.query(
            "SELECT id, kind, created_at, data FROM alerts WHERE seen_at IS NULL ORDER BY id"
        )
        return [
            Alert(
                AlertKind(str(r["kind"])),
                _float(r["created_at"]),
                json.loads(str(r["data"])),
                int(str(r["id"])),
            )
            for r in rows
        ]

    def mark_seen(self, ids: list[int], *, now: float) -> None:
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE alerts SET seen_at = ? WHERE id = ?", [(now, alert_id) for alert_id in ids]
            )


def _float(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def note_clock_skew(alerts: Alerts, skew: float | None, allowance: float, now: float) -> bool:
    """Alert staff when this PC's clock is off by more than passes allow."""
    if skew is None or abs(skew) <= allowance:
        return False
    return alerts.add_once(
        Alert(AlertKind.CLOCK_SKEW, now, {"skew_s": round(skew, 1), "allowance_s": allowance})
    )
