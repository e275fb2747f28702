"""Builds the kiosk's objects from settings: the composition root's wiring."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from app.common import EXIT_CANNOT_RECORD, CliError, warn

if TYPE_CHECKING:
    from config.settings import Settings
    from kiosk.passes import TrustList
    from kiosk.pins import PinGuard
    from kiosk.reception import Reception
    from kiosk.service.lookup import StatusSource
    from kiosk.storage.store import Store
    from kiosk.trust import TrustKeeper
    from shared.clock import Clock

APP_NAME = "ashyq-kiosk"


@dataclass
class App:
    """The objects one command works with."""

    settings: Settings
    data_dir: Path
    store: Store
    clock: Clock

    def __post_init__(self) -> None:
        from config.build import pinned_trust
        from kiosk.trust import TrustKeeper

        self.keeper: TrustKeeper = TrustKeeper(
            self.store,
            self.clock,
            pinned_trust(self.settings),
            max_age=self.settings.trust.max_age_h * 3600,
            alert_after=self.settings.trust.alert_after_days * 86_400,
        )

    def trust(self) -> TrustList:
        """Pinned keys plus the list last fetched from the service (cached on disk)."""
        return self.keeper.current()

    def reception(
        self, source: StatusSource | None = None, store: Store | None = None
    ) -> Reception:
        """The desk flow on *store* (default: this command's own connection)."""
        from config.build import desk_settings
        from kiosk.reception import Reception

        return Reception(
            desk_settings(self.settings),
            store or self.store,
            self.clock,
            self.keeper.current,
            source,
            keys=self.keeper,
        )

    def pin_guard(self, key: Literal["admin", "doctor"]) -> PinGuard:
        """The `[pins]` *key* PIN with the data folder's lock-out, which every
        screen and command of this folder shares and a restart keeps."""
        from kiosk.pins import PinGuard
        from kiosk.storage.lockout import FileLockouts

        stored = self.settings.pins.admin if key == "admin" else self.settings.pins.doctor
        return PinGuard(stored, self.clock, lockouts=FileLockouts(self.data_dir), key=key)

    def close(self) -> None:
        self.store.close()


def load_settings(args: argparse.Namespace) -> Settings:
    """The command's settings; a bad one is exit 2 naming the key, an unwise one a
    warning on stderr."""
    from config.settings import SettingsError, settings_warnings
    from config.settings import load_settings as load

    try:
        settings = load(getattr(args, "config", None))
    except SettingsError as exc:
        raise CliError(f"settings: {exc}") from None
    for text in settings_warnings(settings):
        warn(f"settings: {text}")
    return settings


def data_dir(args: argparse.Namespace) -> Path:
    explicit = getattr(args, "data_dir", None)
    if explicit is not None:
        return Path(explicit)  # not empty: the option's type refuses that
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def open_store(folder: Path, *, check: bool = True) -> Store:
    """The data folder's database; a damaged one is refused before anything is written."""
    from kiosk.storage.errors import StoreError
    from kiosk.storage.store import Store

    try:
        store = Store.in_dir(folder)
    except StoreError as exc:
        raise CliError(f"{folder}: {exc}", EXIT_CANNOT_RECORD) from None
    if check:
        try:
            store.check_integrity()
        except StoreError as exc:
            store.close()
            raise CliError(f"{folder}: {exc}", EXIT_CANNOT_RECORD) from None
    return store


def app_for(
    settings: Settings, folder: Path, clock: Clock | None = None, *, check: bool = True
) -> App:
    """The objects of a kiosk on *settings* with its database in *folder*. `check=False`:
    the database's integrity is left to the caller (a desk checks it as it starts)."""
    from kiosk.storage.alerts import note_lost_events
    from kiosk.storage.errors import StoreError
    from shared.clock import SystemClock

    app = App(settings, folder, open_store(folder, check=check), clock or SystemClock())
    if check:  # events lost with a cut log: on record, so `status` lists them too
        try:
            note_lost_events(app.store, app.clock.now())
        except StoreError as exc:
            app.close()
            raise CliError(f"{folder}: {exc}", EXIT_CANNOT_RECORD) from None
    return app


def open_app(args: argparse.Namespace, clock: Clock | None = None, *, check: bool = True) -> App:
    """The command's settings, data folder and database (see :func:`app_for`)."""
    return app_for(load_settings(args), data_dir(args), clock, check=check)
