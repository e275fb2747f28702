"""The desk's checks, measured: the composition root reaches the disk, the
database, the service, the camera, the ports and the gate, and hands the
measurements to :mod:`kiosk.health.rules` to judge.

`measure` is what `ashyq-kiosk doctor`, the staff panel's Desk health view
and the kiosk's start-up check run. Nothing here changes the desk: the gate
is asked whether it is there (never pulsed), the service for its key list
(nothing stored), the database only read.

Every check is bounded in time: the service by its (connect, read) time-outs,
the camera by `camera_within_s` (a camera still opening then is reported as
slow to open), and the whole run by `within_s`.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import health_devices as devices
from kiosk.health import rules
from kiosk.health.runs import RunLog, judge
from kiosk.health.values import (
    Check,
    CheckResult,
    HealthReport,
    Reason,
    failed,
    ok,
    warning,
)
from shared.clock import Clock, SystemClock

if TYPE_CHECKING:
    from config.settings import Settings
    from kiosk.news import DeviceReport

CAMERA_WITHIN_S = 8.0
WITHIN_S = 20.0
"""The longest a whole run of the checks takes: a check still busy then is
reported as `timed_out`."""


@dataclass(frozen=True)
class QtFindings:
    """What Qt found on the UI thread (sound outputs, printers), or None where
    it was not asked."""

    audio_outputs: tuple[str, ...] | None = None
    printers: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Scope:
    """Which checks a run makes, and how.

    `camera`: open the configured camera (the doctor) — or None to judge the
    running desk's own report (`camera_state`); `log_file` where the log goes."""

    log_file: Path | None = None
    config_file: Path | None = None
    open_camera: bool = True
    camera_state: DeviceReport | None = None
    camera_known: bool = False
    """`camera_state` is the running desk's report (else the camera is not checked)."""
    qt: QtFindings = QtFindings()
    camera_within_s: float = CAMERA_WITHIN_S
    within_s: float = WITHIN_S


def measure(
    settings: Settings,
    folder: Path,
    scope: Scope,
    *,
    clock: Clock | None = None,
) -> HealthReport:
    """Every check of *scope* for the desk of *settings* with its data in *folder*."""
    clock = clock or SystemClock()
    slow: dict[Check, Callable[[], list[CheckResult]]] = {
        Check.SERVICE: lambda: _service(settings),
    }
    if scope.open_camera:
        slow[Check.CAMERA] = lambda: [devices.camera(settings, scope.camera_within_s)]
    running = _Parallel(slow)
    results = [_settings(settings, scope.config_file)]
    results += _folder(folder)
    results.append(_pass_keys(settings, folder, clock))
    if not scope.open_camera:
        results.append(devices.camera_state(settings, scope.camera_state, scope.camera_known))
    results.append(devices.scanner(settings))
    results.append(devices.sound(settings, scope.qt.audio_outputs))
    results.append(devices.printer(settings, folder, scope.qt.printers))
    results.append(devices.gate(settings))
    results.append(_restarts(folder, clock.now()))
    results.append(_log(scope.log_file))
    results += running.results(scope.within_s)
    return HealthReport.of(results, clock.now())


class _Parallel:
    """The slow checks, each on a thread of its own, waited for together."""

    def __init__(self, checks: dict[Check, Callable[[], list[CheckResult]]]) -> None:
        self._found: dict[Check, list[CheckResult]] = {}
        self._threads: dict[Check, threading.Thread] = {}
        self._started = time.monotonic()
        for check, run in checks.items():
            thread = threading.Thread(
                target=self._run, args=(check, run), name=f"doctor-{check.value}", daemon=True
            )
            self._threads[check] = thread
            thread.start()

    def _run(self, check: Check, run: Callable[[], list[CheckResult]]) -> None:
        try:
            self._found[check] = run()
        except Exception as exc:  # a check's own failure is a result, never a traceback
            self._found[check] = [failed(check, Reason.CHECK_FAILED, detail=_why(exc))]

    def results(self, within_s: float) -> list[CheckResult]:
        out: list[CheckResult] = []
        for check, thread in self._threads.items():
            thread.join(max(0.0, within_s - (time.monotonic() - self._started)))
            found = self._found.get(check)
            if found is None:
                out.append(failed(check, Reason.TIMED_OUT, seconds=within_s))
                if check is Check.SERVICE:
                    out.append(rules.clock(None, 0.0))
            else:
                out += found
        return out


def _why(exc: BaseException) -> str:
    return str(exc).strip() or type(exc).__name__


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")]+)")


def _short(exc: BaseException) -> str:
    """The operating system's own words when a connection failed ("Connection
    refused", "Name or service not known"), not the HTTP library's whole chain."""
    text = _why(exc)
    found = _ERRNO.search(text)
    if found:
        return found.group(1).strip()
    for words in ("timed out", "Read timed out", "certificate verify failed"):
        if words in text:
            return words
    return text if len(text) <= 160 else text[:157] + "..."


# -- settings, folder, disk, database ---------------------------------------------------


def _settings(settings: Settings, path: Path | None) -> CheckResult:
    from config.settings import settings_warnings

    facts = {"file": str(path) if path is not None else None}
    if any(settings_warnings(settings)):
        return warning(Check.SETTINGS, Reason.SHORT_PIN, **facts)
    if not settings.pins.admin:
        return warning(Check.SETTINGS, Reason.NO_ADMIN_PIN, **facts)
    return ok(Check.SETTINGS, Reason.VALID, **facts)


def invalid_settings(path: Path | None, keys: tuple[str, ...], detail: str) -> CheckResult:
    """The settings check of a file the schema refused."""
    return failed(
        Check.SETTINGS,
        Reason.INVALID,
        file=str(path) if path is not None else None,
        keys=",".join(keys) or None,
        detail=detail,
    )


def _folder(folder: Path) -> list[CheckResult]:
    facts = {"path": str(folder)}
    problem = _try_write(folder)
    if problem is not None:
        found = [failed(Check.DATA_FOLDER, Reason.NOT_WRITABLE, **facts, detail=problem)]
    else:
        found = [ok(Check.DATA_FOLDER, Reason.WRITABLE, **facts)]
    database = folder / "kiosk.sqlite3"
    size = database.stat().st_size if database.is_file() else 0
    try:
        usage = shutil.disk_usage(_existing(folder))
    except OSError as exc:
        found.append(failed(Check.DISK_SPACE, Reason.CHECK_FAILED, detail=_why(exc)))
    else:
        found.append(rules.disk_space(usage.free, usage.total, size))
    found.append(_database(folder) if problem is None else _database_unusable(problem))
    return found


def _try_write(folder: Path) -> str | None:
    probe = folder / f".doctor-{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(probe, "wb") as out:
            out.write(b"ashyq-kiosk doctor\n")
            out.flush()
            os.fsync(out.fileno())
        probe.unlink()
    except OSError as exc:
        return exc.strerror or _why(exc)
    return None


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _database(folder: Path) -> CheckResult:
    from kiosk.storage.errors import StoreError, StoreProblem
    from kiosk.storage.outbox import Outbox
    from kiosk.storage.store import Store

    try:
        store = Store.in_dir(folder)
    except StoreError as exc:
        return failed(
            Check.DATABASE, Reason.CANNOT_OPEN, problem=exc.problem.value, detail=str(exc)
        )
    try:
        store.check_integrity()
        stats = Outbox(store).stats()
        return ok(
            Check.DATABASE,
            Reason.INTACT,
            schema_version=store.schema_version,
            pending=stats.pending,
            dead_letter=stats.dead,
        )
    except StoreError as exc:
        reason = Reason.DAMAGED if exc.problem is StoreProblem.UNREADABLE else Reason.CANNOT_OPEN
        return failed(Check.DATABASE, reason, problem=exc.problem.value, detail=str(exc))
    finally:
        store.close()


def _database_unusable(why: str) -> CheckResult:
    return failed(Check.DATABASE, Reason.CANNOT_OPEN, detail=why)


# -- the service, its clock, the key list ----------------------------------------------------


def _service(settings: Settings) -> list[CheckResult]:
    from app.online import api_client
    from kiosk.service.errors import ApiError, DeviceNotRegistered

    service = settings.service
    client = api_client(settings)
    started = time.monotonic()
    try:
        client.get_keys()
        probe = rules.ServiceProbe(service.url, answered=True)
    except DeviceNotRegistered:
        probe = rules.ServiceProbe(service.url, answered=True, registered=False)
    except ApiError as exc:
        probe = rules.ServiceProbe(service.url, answered=exc.status is not None, error=_short(exc))
    finally:
        client.close()
    rtt = time.monotonic() - started
    probe = rules.ServiceProbe(
        probe.url, probe.answered, probe.registered, probe.error, rtt, client.clock_skew
    )
    return [
        rules.service(probe, service.status_deadline),
        rules.clock(probe.skew_s, settings.policy.pass_clock_skew),
    ]


def _pass_keys(settings: Settings, folder: Path, clock: Clock) -> CheckResult:
    from config.build import pinned_trust
    from kiosk.storage.errors import StoreError
    from kiosk.storage.store import Store
    from kiosk.trust import TrustKeeper

    trust = settings.trust
    try:
        store = Store.in_dir(folder)
    except StoreError as exc:
        return failed(Check.PASS_KEYS, Reason.CHECK_FAILED, detail=str(exc))
    try:
        keeper = TrustKeeper(
            store,
            clock,
            pinned_trust(settings),
            max_age=trust.max_age_h * 3600,
            alert_after=trust.alert_after_days * 86_400,
        )
        state = keeper.state()
    except StoreError as exc:
        return failed(Check.PASS_KEYS, Reason.CHECK_FAILED, detail=str(exc))
    finally:
        store.close()
    return rules.pass_keys(
        state.age,
        state.keys,
        max_age_s=trust.max_age_h * 3600,
        alert_after_s=trust.alert_after_days * 86_400,
    )


def _restarts(folder: Path, now: float) -> CheckResult:
    runs = RunLog(folder)
    return judge(runs.runs(), running=runs.running(), now=now)


def _log(path: Path | None) -> CheckResult:
    from app.logs import log_file, writable

    path = path or log_file()
    problem = writable(path)
    if problem is not None:
        return warning(Check.LOG, Reason.NOT_WRITABLE, path=str(path), detail=problem)
    return ok(Check.LOG, Reason.WRITABLE, path=str(path))
