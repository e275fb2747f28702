"""Around a kiosk's run: the log file, the record of runs (a crash loop is found
at the next start), and the desk's checks, run at start on a thread of their
own so that they never hold the kiosk up.

    start = KioskStart.begin(settings, folder, config_file)   # before the desk
    ...the kiosk runs; start.check() once it has started...
    start.end(exit_code)                                     # 0: a clean end

What the check finds goes to the log, one line per check that is not ok,
and, when a check failed or the kiosk came back from a crash loop, to an
alert for staff (`desk_health`); its report to whoever subscribed (the staff
panel's Desk health view).
"""

from __future__ import annotations

import argparse
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from shared.clock import Clock, SystemClock

if TYPE_CHECKING:
    from config.settings import Settings
    from kiosk.health.runs import Run
    from kiosk.health.values import HealthReport

_log = logging.getLogger("ashyq.kiosk")

CHECK_WITHIN_S = 30.0


def begin_kiosk(args: argparse.Namespace) -> KioskStart | None:
    """The run of `ashyq-kiosk run`, begun; None when its settings cannot be read
    (the command then stops, saying why, before anything runs)."""
    from app.context import data_dir
    from config.settings import SettingsError, find_config, load_file

    config = find_config(getattr(args, "config", None))
    try:
        settings = load_file(config)
    except SettingsError:
        return None
    return KioskStart.begin(settings, data_dir(args), config)


class KioskStart:
    """One run of the kiosk on a data folder (see the module's doc)."""

    def __init__(
        self,
        settings: Settings,
        folder: Path,
        config_file: Path | None,
        *,
        log_file: Path | None,
        clock: Clock | None = None,
    ) -> None:
        from kiosk.health.runs import RunLog

        self.settings = settings
        self.folder = folder
        self.config_file = config_file
        self.log_file = log_file
        self.clock = clock or SystemClock()
        self.runs = RunLog(folder)
        self.before: list[Run] = []
        self.report: HealthReport | None = None
        self._listeners: list[Callable[[HealthReport], None]] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @classmethod
    def begin(
        cls,
        settings: Settings,
        folder: Path,
        config_file: Path | None,
        *,
        clock: Clock | None = None,
    ) -> KioskStart:
        """Start the log and put this run on record."""
        from app.logs import log_level_from_env, start_file_log

        log_file = start_file_log(level=log_level_from_env())
        start = cls(settings, folder, config_file, log_file=log_file, clock=clock)
        start.before = start.runs.begin(start.clock.now())
        if start.runs.shared:
            _log.warning("another kiosk runs on data folder %s", folder)
        venue = settings.venue
        _log.info(
            "kiosk started: venue %s, desk %s, data folder %s, settings %s",
            venue.bin,
            venue.desk,
            folder,
            config_file,
        )
        return start

    def subscribe(self, listener: Callable[[HealthReport], None]) -> None:
        """*listener* gets the report of each check (on the checking thread);
        at once, when one is already done."""
        with self._lock:
            self._listeners.append(listener)
            report = self.report
        if report is not None:
            listener(report)

    def check(self) -> None:
        """Run the desk's checks on a thread of their own (the camera, sound and
        printer are the running kiosk's: not opened again)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._check, name="startup-check", daemon=True)
        self._thread.start()

    def _check(self) -> None:
        from app.health import Scope, measure

        try:
            scope = Scope(log_file=self.log_file, config_file=self.config_file, open_camera=False)
            report = measure(self.settings, self.folder, scope, clock=self.clock)
            report = self._with_past_runs(report)
            self._tell(report)
        except Exception:
            _log.exception("the check at start failed")
            return
        with self._lock:
            self.report = report
            listeners = list(self._listeners)
        for listener in listeners:
            listener(report)

    def _with_past_runs(self, report: HealthReport) -> HealthReport:
        """The restarts as they were before this start (this run is no crash)."""
        from kiosk.health.runs import judge
        from kiosk.health.values import Check, HealthReport

        restarts = judge(self.before, running=False, now=self.clock.now())
        results = [r for r in report.results if r.check is not Check.RESTARTS]
        return HealthReport.of([*results, restarts], report.at)

    def _tell(self, report: HealthReport) -> None:
        """Log lines, and an alert for what staff must see."""
        from kiosk.health.values import Check, Reason, Verdict
        from kiosk.storage.alerts import Alerts, DeskHealth
        from kiosk.storage.store import Store

        for result in report.results:
            if result.outcome is not Verdict.OK:
                facts = " ".join(f"{k}={v}" for k, v in result.facts.items() if v is not None)
                level = logging.ERROR if result.outcome is Verdict.FAILED else logging.WARNING
                _log.log(
                    level,
                    "check %s %s: %s %s",
                    result.check.value,
                    result.outcome.value,
                    result.reason.value,
                    facts,
                )
        failed = report.with_outcome(Verdict.FAILED)
        if not failed:
            _log.info("check at start: nothing failed")
            return
        restarts = report.get(Check.RESTARTS)
        looped = restarts is not None and restarts.reason is Reason.CRASH_LOOP
        crashes = restarts.facts.get("crashes") if looped and restarts is not None else 0
        payload = DeskHealth(
            failed=tuple(r.check.value for r in failed if r.check is not Check.RESTARTS),
            crashes=crashes if isinstance(crashes, int) else 0,
        )
        store = Store.in_dir(self.folder)
        try:
            Alerts(store).add_once(payload, now=self.clock.now())
        finally:
            store.close()

    def end(self, exit_code: int) -> None:
        """The run is over: wait for the check, put the end on record (0: clean)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(CHECK_WITHIN_S)
        self.runs.end(self.clock.now(), exit_code)
        _log.info("kiosk stopped (exit %d)", exit_code)
