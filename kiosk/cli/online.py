"""The national service as the command line and the kiosk use it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.api import ApiClient, ApiError
from kiosk.live import LiveStatus

if TYPE_CHECKING:
    from config.settings import Settings
    from kiosk.cli.context import App


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
        return str(exc)
    return None


def live_status(app: App, client: ApiClient) -> LiveStatus:
    return LiveStatus(client, deadline=app.settings.service.status_deadline)
