"""Builds the kiosk's objects from settings: the composition root's wiring."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from kiosk.cli.common import CliError
from kiosk.clock import Clock, SystemClock
from kiosk.lookup import StatusSource
from kiosk.passes import TrustList
from kiosk.reception import Reception
from kiosk.store import Store, StoreError

APP_NAME = "ashyq-kiosk"
EXIT_CANNOT_RECORD = 3
TRUST_CACHE_KEY = "trust_jwks"


@dataclass
class App:
    """The objects one command works with."""

    settings: object
    data_dir: Path
    store: Store
    clock: Clock

    def trust(self) -> TrustList:
        """Pinned keys plus the list last fetched from the service (cached on disk)."""
        from config.build import pinned_trust
        from config.settings import Settings

        assert isinstance(self.settings, Settings)
        pinned = pinned_trust(self.settings).to_jwks()["keys"]
        cached_text = self.store.get_meta(TRUST_CACHE_KEY)
        cached = json.loads(cached_text).get("keys", []) if cached_text else []
        return TrustList.from_jwks({"keys": [*cached, *pinned]})

    def reception(self, source: StatusSource | None = None) -> Reception:
        from config.build import desk_settings
        from config.settings import Settings

        assert isinstance(self.settings, Settings)
        return Reception(desk_settings(self.settings), self.store, self.clock, self.trust, source)

    def close(self) -> None:
        self.store.close()


def load_settings(args: argparse.Namespace) -> object:
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
