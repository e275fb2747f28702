"""Today's latest events for the staff panel: masked, without raw IINs."""

from __future__ import annotations

import json
from typing import Any

from kiosk.news import RecentEvent, RedReport
from kiosk.policy import Outcome
from kiosk.storage.store import Store


class RecentEvents:
    """Today's check-ins and check-outs, newest first, asked again after each
    change: rows already read are not parsed again."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: dict[tuple[str, bool], RecentEvent] = {}

    def since(self, since: float, *, limit: int = 20) -> tuple[RecentEvent, ...]:
        rows = self._store.query(
            "SELECT id, type, occurred_at, data, acked_at FROM outbox "
            "WHERE occurred_at >= ? AND type IN ('check_in', 'check_out') "
            "ORDER BY occurred_at DESC, seq DESC LIMIT ?",
            (since, limit),
        )
        known: dict[tuple[str, bool], RecentEvent] = {}
        for row in rows:
            key = (str(row["id"]), row["acked_at"] is not None)
            known[key] = self._known.get(key) or _recent(row)
        self._known = known
        return tuple(known.values())


def _recent(row: dict[str, Any]) -> RecentEvent:
    data: dict[str, Any] = json.loads(str(row["data"]))
    staff = data.get("staff")
    return RecentEvent(
        id=str(row["id"]),
        type=str(row["type"]),
        occurred_at=float(row["occurred_at"]),
        decision=_text(data.get("decision")),
        status=_text(data.get("status")),
        masked_id=_text(data.get("masked_id")),
        method=_text(data.get("method")),
        automatic=bool(data.get("automatic")),
        operator=_text(staff.get("operator")) if isinstance(staff, dict) else None,
        synced=row["acked_at"] is not None,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


class RedReports:
    """The sanitary-service reports since a moment, newest first, with where
    they are; rows already read (and not changed since) are not parsed again."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: dict[tuple[object, ...], RedReport] = {}

    def since(self, since: float, *, limit: int = 200) -> tuple[RedReport, ...]:
        rows = self._store.query(
            "SELECT r.id, r.occurred_at, r.acked_at, r.dead_reason, r.data AS data, "
            "c.data AS visit FROM outbox r LEFT JOIN outbox c "
            "ON c.id = json_extract(r.data, '$.check_in') "
            "WHERE r.type = 'red_report' AND r.occurred_at >= ? "
            "ORDER BY r.occurred_at DESC LIMIT ?",
            (since, limit),
        )
        known: dict[tuple[object, ...], RedReport] = {}
        for row in rows:
            key = (row["id"], row["acked_at"], row["dead_reason"], row["data"])
            known[key] = self._known.get(key) or _red_report(row)
        self._known = known
        return tuple(known.values())


def _red_report(row: dict[str, Any]) -> RedReport:
    data: dict[str, Any] = json.loads(str(row["data"]))
    visit: dict[str, Any] = json.loads(str(row["visit"])) if row["visit"] else {}
    received = data.get("received_at")
    return RedReport(
        id=str(row["id"]),
        occurred_at=float(str(row["occurred_at"])),
        masked_id=_text(visit.get("masked_id")),
        retroactive=data.get("provenance") == "retroactive",
        admitted=visit.get("decision") == Outcome.ADMIT.value,
        delivered_at=float(str(row["acked_at"])) if row["acked_at"] is not None else None,
        received_at=float(received) if isinstance(received, int | float) else None,
        refused=_text(row["dead_reason"]),
    )
