"""Retention: events and other records older than `retention_days` are deleted."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.storage.store import Store, set_meta_in

DAY = 86_400.0
LAST_PURGE_KEY = "last_purge"


@dataclass(frozen=True)
class Purged:
    events: int
    alerts: int
    cached_statuses: int


def purge(store: Store, *, now: float, retention_days: int) -> Purged:
    """Delete what is older than the retention period.

    Events still waiting for the service are kept whatever their age: an
    event is never dropped before it is delivered.
    """
    before = now - retention_days * DAY
    with store.transaction() as conn:
        events = conn.execute(
            "DELETE FROM outbox WHERE acked_at IS NOT NULL AND occurred_at < ?", (before,)
        ).rowcount
        alerts = conn.execute("DELETE FROM alerts WHERE created_at < ?", (before,)).rowcount
        cached = conn.execute("DELETE FROM status_cache WHERE checked_at < ?", (before,)).rowcount
        conn.execute("DELETE FROM referrals WHERE coalesce(resolved_at, opened_at) < ?", (before,))
        set_meta_in(conn, LAST_PURGE_KEY, repr(now))
    store.checkpoint()
    return Purged(events, alerts, cached)


def purge_if_due(store: Store, *, now: float, retention_days: int) -> Purged | None:
    """Purge at most once a day."""
    last = store.get_meta(LAST_PURGE_KEY)
    if last is not None and now - float(last) < DAY:
        return None
    return purge(store, now=now, retention_days=retention_days)
