"""Fixtures for the hardware layer: a fake clock, and a guard that fails any
test leaving a thread running."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.unit.hardware.hw_support import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def no_stray_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    count = threading.active_count()
    yield
    stray = [t for t in threading.enumerate() if t not in before]
    for thread in stray:
        thread.join(timeout=3.0)
    alive = [t.name for t in stray if t.is_alive()]
    assert not alive, f"threads still running after the test: {alive}"
    assert threading.active_count() == count
