"""The kiosk's runs, kept in the data folder: which ended cleanly, which did not,
and whether the last ones were a crash loop that the service manager (systemd's
StartLimitBurst, the Windows task, `ashyq-kiosk supervise`) gave up on.

A run writes its start to `runs.json` and holds `kiosk-running.lock` while it
runs; a clean end (exit 0) is written at the end. A run with no end whose lock
is free crashed (or was killed, or the PC lost power). Only this module reads
or writes those files.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.health.values import Check, CheckResult, Reason, failed, ok, warning
from kiosk.storage.files import replace_whole

if TYPE_CHECKING:
    from filelock import BaseFileLock

RUNS_FILE = "runs.json"
LOCK_FILE = "kiosk-running.lock"
KEEP = 20

RESTART_BURST = 3
"""Starts allowed within :data:`RESTART_INTERVAL_S`: a kiosk that crashes this
many times within it stays down (no restart storm). The systemd unit's
StartLimitBurst, the Windows task's restart count and the supervisor's rule."""
RESTART_INTERVAL_S = 60
RESTART_DELAY_S = 5
"""Seconds between a crash and the next start."""
RECENT_S = 24 * 3600
"""Crashes older than this are history, not news."""


@dataclass(frozen=True)
class Run:
    """One start of the kiosk: `ended` None while it runs, or when it crashed."""

    started: float
    ended: float | None = None
    exit_code: int | None = None

    @property
    def clean(self) -> bool:
        return self.ended is not None and self.exit_code == 0


def crash_loop(starts: Sequence[float]) -> bool:
    """Whether the last :data:`RESTART_BURST` starts fell within
    :data:`RESTART_INTERVAL_S` (the rule systemd applies to StartLimitBurst)."""
    if len(starts) < RESTART_BURST:
        return False
    last = sorted(starts)[-RESTART_BURST:]
    return last[-1] - last[0] <= RESTART_INTERVAL_S


def judge(runs: Sequence[Run], *, running: bool, now: float) -> CheckResult:
    """The `restarts` check: ok with no recent crash; a crash loop that left the
    kiosk stopped fails; crashes it came back from are a warning.

    *runs* oldest first; *running*: a kiosk holds the lock now (its own run is
    then the last one, not a crash)."""
    past = list(runs[:-1]) if running and runs else list(runs)
    crashes = [r for r in past if not r.clean and now - r.started <= RECENT_S]
    if not crashes:
        return ok(Check.RESTARTS, Reason.NO_CRASH, running=running)
    facts = {"crashes": len(crashes), "last_crash_at": crashes[-1].started, "running": running}
    tail = past[-RESTART_BURST:]
    looped = len(tail) == RESTART_BURST and not any(r.clean for r in tail)
    if looped and crash_loop([r.started for r in tail]):
        if running or _after(runs, tail[-1]):
            return warning(Check.RESTARTS, Reason.CRASH_LOOP, **facts)
        return failed(Check.RESTARTS, Reason.CRASH_LOOP, **facts)
    return warning(Check.RESTARTS, Reason.CRASHED, **facts)


def _after(runs: Sequence[Run], run: Run) -> bool:
    return any(r.started > run.started for r in runs)


class RunLog:
    """`runs.json` and the running lock in *folder*."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.path = self.folder / RUNS_FILE
        self._lock_path = self.folder / LOCK_FILE
        self._lock: BaseFileLock | None = None
        self._started: float | None = None
        self._mutex = threading.Lock()
        self.shared = False
        """Another kiosk held the folder's lock when this run began."""

    def runs(self) -> list[Run]:
        """The runs on record, oldest first (a damaged file: none)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(data, list):
            return []
        found = []
        for item in data:
            if isinstance(item, dict) and isinstance(item.get("started"), int | float):
                ended, code = item.get("ended"), item.get("exit_code")
                found.append(
                    Run(
                        float(item["started"]),
                        float(ended) if isinstance(ended, int | float) else None,
                        code if isinstance(code, int) else None,
                    )
                )
        return sorted(found, key=lambda r: r.started)

    def running(self) -> bool:
        """Whether a kiosk of this folder (another process, or this one) runs now."""
        if self._lock is not None:
            return True
        if not self.folder.is_dir():
            return False  # no kiosk has run here yet (and asking makes no folder)
        from filelock import FileLock, Timeout

        probe = FileLock(str(self._lock_path))
        try:
            probe.acquire(timeout=0)
        except Timeout:
            return True
        except OSError:
            return False
        probe.release()
        return False

    def begin(self, now: float) -> list[Run]:
        """This process starts a run: put the start on record and hold the lock
        (unless another kiosk of the folder holds it: the folder is shared by
        design, its processes take turns where they must). Returns the runs
        before this one (to judge what happened before it)."""
        from filelock import FileLock, Timeout

        with self._mutex:
            lock = FileLock(str(self._lock_path))
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                lock.acquire(timeout=0)
            except Timeout:
                self.shared = True
            except OSError:
                return []  # no folder to keep a record in: the kiosk says why as it opens it
            else:
                self._lock = lock
            before = self.runs()
            self._started = now
            self._save([*before, Run(now)])
            return before

    def end(self, now: float, exit_code: int) -> None:
        """The run ends with *exit_code* (0: cleanly); the lock is let go."""
        with self._mutex:
            if self._started is None:
                return
            runs = [
                Run(r.started, now, exit_code) if r.started == self._started else r
                for r in self.runs()
            ]
            self._save(runs)
            self._started = None
            lock, self._lock = self._lock, None
            if lock is not None:
                lock.release()

    def _save(self, runs: list[Run]) -> None:
        text = json.dumps([asdict(r) for r in runs[-KEEP:]])
        # A record of runs is worth less than the run: the database check says why.
        with contextlib.suppress(OSError):
            replace_whole(self.path, text.encode("utf-8"))
