"""Builds the kiosk's objects from settings: the composition root's wiring."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from app.common import CliError
from kiosk.clock import Clock, SystemClock
from kiosk.lookup import StatusSource
from kiosk.passes import TrustList
from kiosk.reception import Reception
from kiosk.store import Store, StoreError
from kiosk.trust import TrustKeeper

if TYPE_CHECKING:
    from config.settings import Settings

APP_NAME = "ashyq-kiosk"
EXIT_CANNOT_RECORD = 3


@dataclass
class App:
    """The objects one command works with."""

    settings: Settings
    data_dir: Path
    store: Store
    clock: Clock

    def __post_init__(self) -> None:
        from config.build import pinned_trust

        self.keeper = TrustKeeper(
            self.store,
            self.clock,
            pinned_trust(self.settings),
            max_age=self.settings.trust.max_age_h * 3600,
        )

    def trust(self) -> TrustList:
        """Pinned keys plus the list last fetched from the service (cached on disk)."""
        return self.keeper.current()

    def reception(self, source: StatusSource | None = None) -> Reception:
        from config.build import desk_settings

        return Reception(
            desk_settings(self.settings), self.store, self.clock, self.keeper.current, source
        )

    def close(self) -> None:
        self.store.close()


def load_settings(args: argparse.Namespace) -> Settings:
    from config.settings import SettingsError
    from config.settings import load_settings as load

    try:
        return load(getattr(args, "config", None))
    except SettingsError as exc:
        raise CliError(f"settings: {exc}") from None


def data_dir(args: argparse.Namespace) -> Path:
    explicit = getattr(args, "data_dir", None)
    return Path(explicit) if explicit else Path(user_data_dir(APP_NAME, appauthor=False))


def open_app(args: argparse.Namespace, clock: Clock | None = None) -> App:
    settings = load_settings(args)
    folder = data_dir(args)
    try:
        store = Store.in_dir(folder)
    except StoreError as exc:
        raise CliError(f"{folder}: {exc}", EXIT_CANNOT_RECORD) from None
    return App(settings, folder, store, clock or SystemClock())
