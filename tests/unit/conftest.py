"""Fixtures shared by the domain tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.storage.store import Store
from tests.fakes import FakeClock


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh kiosk database on disk (WAL, full sync), closed after the test."""
    s = Store(tmp_path / "kiosk.sqlite3")
    yield s
    s.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
