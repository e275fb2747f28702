"""Today's latest events for the staff panel: masked, without raw IINs."""

from __future__ import annotations

import json
from typing import Any

from kiosk.events import EventType
from kiosk.news import RecentEvent, RedReport
from kiosk.policy import Outcome
from kiosk.storage.store import Store


class RecentEvents:
    """Today's check-ins and check-outs, annulments and staff's gate opens, newest
    first, asked again after each change: rows already read are not parsed again."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: dict[tuple[str, bool, bool], RecentEvent] = {}

    def since(self, since: float, *, limit: int = 20) -> tuple[RecentEvent, ...]:
        rows = self._store.query(
            "SELECT id, type, occurred_at, data, acked_at FROM outbox "
            f"WHERE occurred_at >= ? AND type IN ({_LISTED}) "
            "ORDER BY occurred_at DESC, seq DESC LIMIT ?",
            (since, limit),
        )
        annulled = self._annulled(rows)
        known: dict[tuple[str, bool, bool], RecentEvent] = {}
        for row in rows:
            event_id = str(row["id"])
            key = (event_id, row["acked_at"] is not None, event_id in annulled)
            known[key] = self._known.get(key) or _recent(row, annulled)
        self._known = known
        return tuple(known.values())

    def _annulled(self, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The events the listed annulments name, with their data (read here when
        they are too old to be listed themselves)."""
        named: dict[str, dict[str, Any]] = {
            target: {}
            for row in rows
            if row["type"] in _ANNULMENTS and isinstance(target := _annulment_target(row), str)
        }
        listed = {str(row["id"]): row for row in rows}
        for target in named:
            row = listed.get(target) or next(
                iter(self._store.query("SELECT data FROM outbox WHERE id = ?", (target,))), None
            )
            if row is not None:
                named[target] = json.loads(str(row["data"]))
        return named


_ANNULMENTS = (EventType.ENTRY_ANNULLED.value, EventType.EXIT_ANNULLED.value)
_LISTED = "'check_in', 'check_out', 'gate_opened', 'entry_annulled', 'exit_annulled'"


def _annulment_target(row: dict[str, Any]) -> object:
    data: dict[str, Any] = json.loads(str(row["data"]))
    return data.get("check_in", data.get("check_out"))


def _recent(row: dict[str, Any], annulled: dict[str, dict[str, Any]]) -> RecentEvent:
    data: dict[str, Any] = json.loads(str(row["data"]))
    staff = data.get("staff")
    operator = staff.get("operator") if isinstance(staff, dict) else data.get("operator")
    target = _annulment_target(row) if row["type"] in _ANNULMENTS else None
    about = annulled.get(target, {}) if isinstance(target, str) else data
    return RecentEvent(
        id=str(row["id"]),
        type=str(row["type"]),
        occurred_at=float(row["occurred_at"]),
        decision=_text(data.get("decision")),
        status=_text(data.get("status")),
        masked_id=_text(about.get("masked_id")),
        method=_text(data.get("method")),
        automatic=bool(data.get("automatic")),
        operator=_text(operator),
        synced=row["acked_at"] is not None,
        annulled=str(row["id"]) in annulled,
        direction=_text(data.get("direction")),
        reason=_text(data.get("reason")) if row["type"] == EventType.GATE_OPENED else None,
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
