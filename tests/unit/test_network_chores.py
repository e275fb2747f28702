"""The desk's network chores: when the occupancy chore asks the service for the
venue's count."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.context import App, app_for
from app.online import network_chores
from config.settings import parse_settings
from kiosk.service.occupancy import OccupancyReading
from kiosk.service.wire import Occupancy
from kiosk.storage.store import Store
from kiosk.sync import SyncState
from tests.fakes import FakeClock


class CountingService:
    """Answers the venue's count, and counts the questions."""

    def __init__(self) -> None:
        self.asked = 0

    def get_occupancy(self, venue_bin: str, **_: object) -> Occupancy:
        self.asked += 1
        return Occupancy(inside=7, as_of=0.0, venue=venue_bin)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = parse_settings({"venue": {"bin": "150340012345"}, "camera": {"device": "none"}})
    made = app_for(settings, tmp_path, FakeClock())
    yield made
    made.close()


def occupancy_chore(
    app: App,
    service: CountingService,
    state: Callable[[], SyncState],
    heard: list[OccupancyReading] | None,
) -> Callable[[Store], None]:
    listener = heard.append if heard is not None else None
    chores = network_chores(app, service, state, listener)  # type: ignore[arg-type]
    return next(chore for chore in chores if chore.__name__ == "occupancy")


def test_the_venue_count_is_asked_every_30_s_and_at_once_after_an_acknowledgement(
    app: App,
) -> None:
    service, state = CountingService(), [SyncState()]
    heard: list[OccupancyReading] = []
    occupancy = occupancy_chore(app, service, lambda: state[0], heard)
    clock = app.clock
    assert isinstance(clock, FakeClock)
    store: Store = app.store

    occupancy(store)
    occupancy(store)
    assert service.asked == 1, "once, then not again within 30 s"

    state[0] = SyncState(last_acked_at=clock.now())
    occupancy(store)
    occupancy(store)
    assert service.asked == 2, "at once after the service acknowledged events"

    clock.advance(30)
    occupancy(store)
    assert service.asked == 3
    assert [r.inside for r in heard] == [7, 7, 7]


def test_without_a_listener_the_chore_asks_nothing(app: App) -> None:
    service = CountingService()

    def no_state() -> SyncState:
        raise AssertionError("the sync state is not read when nobody listens")

    occupancy_chore(app, service, no_state, None)(app.store)

    assert service.asked == 0
