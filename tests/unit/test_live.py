"""Live lookups never hold the desk past their deadline; the trust list
refreshes, survives restarts and drops keys removed upstream."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.passes import TrustList, public_jwk
from kiosk.service.errors import (
    DeviceNotRegistered,
    PermanentError,
    ServiceProblem,
    TimedOut,
    TransientError,
)
from kiosk.service.live import LiveStatus
from kiosk.service.lookup import LookupFailed
from kiosk.service.occupancy import OccupancySource, VenueOccupancy
from kiosk.service.wire import Occupancy, StatusAnswer
from kiosk.status import Status
from kiosk.storage.store import Store
from kiosk.trust import TrustKeeper
from tests.fakes import GREEN_IIN, FakeClock, PassIssuer


class SlowApi:
    """Answers only when released (a server that hangs)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.error: Exception | None = None

    def get_status(self, iin: str, *, deadline: float | None = None) -> StatusAnswer:
        if self.error is not None:
            raise self.error
        self.release.wait(10)
        return StatusAnswer(iin, Status.GREEN, None, 0.0)


def test_a_hanging_service_is_abandoned_at_the_deadline() -> None:
    api = SlowApi()
    live = LiveStatus(api, deadline=0.2, workers=1)
    try:
        began = time.monotonic()
        with pytest.raises(LookupFailed) as first:
            live.lookup(GREEN_IIN)
        assert first.value.reason is ServiceProblem.SLOW and live.last_error == "deadline"
        assert time.monotonic() - began < 1.0
        with pytest.raises(LookupFailed) as second:
            live.lookup(GREEN_IIN)  # the only worker is still stuck: fail at once
        assert second.value.reason is ServiceProblem.SLOW
    finally:
        api.release.set()
        live.close()


def test_a_call_timed_out_at_the_deadline_is_the_deadline_too() -> None:
    """The client's time-outs are cut to the deadline: when its own time-out fires
    a moment before the desk stops waiting, the lookup still ran out of time."""
    api = SlowApi()
    api.error = TimedOut("the service did not answer in time")
    live = LiveStatus(api, deadline=0.2, workers=1)
    try:
        with pytest.raises(LookupFailed) as failed:
            live.lookup(GREEN_IIN)
        assert failed.value.reason is ServiceProblem.SLOW and live.last_error == "deadline"
    finally:
        live.close()


def test_answers_and_errors_map_to_lookup_results() -> None:
    api = SlowApi()
    api.release.set()
    live = LiveStatus(api, deadline=1.0)
    try:
        assert live.lookup(GREEN_IIN).status is Status.GREEN
        api.error = DeviceNotRegistered()
        with pytest.raises(LookupFailed, match="device_not_registered"):
            live.lookup(GREEN_IIN)
        api.error = TransientError("503")
        with pytest.raises(LookupFailed, match="offline"):
            live.lookup(GREEN_IIN)
        api.error = PermanentError("HTTP 404", status=404)
        with pytest.raises(LookupFailed, match="refused"):
            live.lookup(GREEN_IIN)
    finally:
        live.close()


class KeysApi:
    def __init__(self, *issuers: PassIssuer) -> None:
        self.issuers = list(issuers)

    def get_keys(self) -> dict[str, Any]:
        return {"keys": [public_jwk(i.key.public_key(), i.kid) for i in self.issuers]}


def test_trust_list_is_fetched_kept_on_disk_and_follows_upstream(tmp_path: Path) -> None:
    clock = FakeClock()
    old, new = PassIssuer("k-old"), PassIssuer("k-new")
    api = KeysApi(old, new)
    store = Store(tmp_path / "kiosk.sqlite3")
    keeper = TrustKeeper(store, clock, TrustList(), max_age=3600)
    assert keeper.is_stale() and len(keeper.current()) == 0

    keeper.refresh(api.get_keys)
    store.close()
    reopened = Store(tmp_path / "kiosk.sqlite3")  # a restart, offline
    after_restart = TrustKeeper(reopened, clock, TrustList(), max_age=3600)

    assert after_restart.current().kids == ("k-new", "k-old")
    assert not after_restart.is_stale()
    clock.advance(3601)
    assert after_restart.is_stale()

    api.issuers = [new]  # the old key was withdrawn upstream
    after_restart.refresh(api.get_keys)
    assert after_restart.current().kids == ("k-new",)
    reopened.close()


def test_pinned_keys_stay_trusted_whatever_the_service_says(tmp_path: Path) -> None:
    pinned = PassIssuer("k-pinned")
    store = Store(tmp_path / "kiosk.sqlite3")
    keeper = TrustKeeper(store, FakeClock(), pinned.trust)
    keeper.refresh(KeysApi(PassIssuer("k-service")).get_keys)
    assert keeper.current().kids == ("k-pinned", "k-service")
    store.close()


class OccupancyApi:
    def __init__(self, inside: int | None) -> None:
        self.inside = inside

    def get_occupancy(self, venue_bin: str) -> Occupancy:
        if self.inside is None:
            raise TransientError("no answer")
        return Occupancy(inside=self.inside, as_of=1.0, venue=venue_bin)


def test_occupancy_comes_from_the_venue_when_online_and_says_so() -> None:
    clock = FakeClock()
    online = VenueOccupancy(OccupancyApi(17), "150340012345", lambda: 3, clock).read()
    offline = VenueOccupancy(OccupancyApi(None), "150340012345", lambda: 3, clock).read()
    assert (online.inside, online.source) == (17, OccupancySource.VENUE)
    assert (offline.inside, offline.source) == (3, OccupancySource.LOCAL)
