"""The national service as the command line and the kiosk use it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.alerts import Alert, AlertKind, Alerts
from kiosk.api import ApiClient, ApiError
from kiosk.live import LiveStatus, translate
from kiosk.store import Store
from kiosk.sync import Syncer, SyncWorker

if TYPE_CHECKING:
    from app.context import App
    from config.settings import Settings


def api_client(settings: Settings) -> ApiClient:
    service = settings.service
    return ApiClient(
        service.url,
        service.token,
        connect_timeout=service.connect_timeout,
        read_timeout=service.read_timeout,
        ca_bundle=service.ca_bundle or None,
    )


def refresh_trust_if_stale(app: App, client: ApiClient) -> str | None:
    """Fetch the signing keys when the cached list is old; the error, if any."""
    if not app.keeper.is_stale():
        return None
    try:
        app.keeper.refresh(client)
    except ApiError as exc:
        fetched = app.keeper.fetched_at()
        Alerts(app.store).add_once(
            Alert(
                AlertKind.TRUST_STALE, app.clock.now(), {"fetched_at": fetched, "error": str(exc)}
            )
        )
        return str(exc)
    return None


def live_status(app: App, client: ApiClient) -> LiveStatus:
    return LiveStatus(client, deadline=app.settings.service.status_deadline)


def sync_worker(app: App, client: ApiClient) -> SyncWorker:
    """The background outbox sync, with its own database connection."""
    path = app.store.path

    def make_syncer(store: Store) -> Syncer:
        return syncer(app, store, client)

    return SyncWorker(
        lambda: Store(path),
        make_syncer,
        app.clock,
        interval=app.settings.service.sync_interval,
    )


def syncer(app: App, store: Store, client: ApiClient) -> Syncer:
    return Syncer(
        store,
        client,
        app.clock,
        translate=translate,
        clock_skew=lambda: client.clock_skew,
        skew_allowance=app.settings.policy.pass_clock_skew,
    )
