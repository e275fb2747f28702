"""Shared test set-up: Qt blocking for the domain run, isolation, thread hygiene."""

from __future__ import annotations

import importlib.abc
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from hardware.gate.standin import StandInModule

_BLOCKED = ("PySide6", "shiboken6")


class _BlockQt(importlib.abc.MetaPathFinder):
    """Makes Qt unimportable: the domain must run and test without it."""

    def find_spec(self, fullname, path, target=None):  # type: ignore[no-untyped-def]
        if fullname.split(".")[0] in _BLOCKED:
            raise ImportError(f"{fullname} is blocked in the headless domain test run")
        return None


if os.environ.get("ASHYQ_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _BlockQt())

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never read or write the user's real settings or data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log file
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("ASHYQ_KIOSK_CONFIG", raising=False)


@pytest.fixture(autouse=True)
def _no_thread_left_running() -> Iterator[None]:
    """Fail a test that leaves a thread of its own running (workers must stop)."""
    before = set(threading.enumerate())
    yield
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    for thread in leftover:
        thread.join(timeout=2.0)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"threads still running after the test: {still}"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "kiosk-data"
    folder.mkdir()
    return folder


@pytest.fixture
def module() -> Iterator[StandInModule]:
    """A Modbus I/O module for a gate (pymodbus's own server, unit 1), not yet
    serving: a test starts it on TCP or a serial line, and it is stopped after."""
    from hardware.gate.standin import StandInModule

    module = StandInModule()
    yield module
    module.stop()
