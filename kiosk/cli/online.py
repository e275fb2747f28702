"""The online status source for the command line (none until a service is wired)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.lookup import StatusSource

if TYPE_CHECKING:
    from kiosk.cli.context import App


def status_source(app: App) -> StatusSource | None:
    return None
