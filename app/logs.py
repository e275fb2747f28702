"""The kiosk's log file: one line per decision and per fault, in the user log
folder (platformdirs), rotated by size, never an IIN or a pass.

`start_file_log` is called once by the commands that run a desk (the
composition root); every line goes through :func:`kiosk.redact.redact`, so
even an exception's text that quotes a scanned code or a URL is safe to keep.
`DeskLog` is the desk listener that writes the decisions, alerts, device and
service changes.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from kiosk.decision import Decision
from kiosk.listeners import DeskListener
from kiosk.news import DeskFailure, DeviceReport, QuestionEnd, ServiceState
from kiosk.redact import redact
from kiosk.storage.alerts import Alert, payload_to_json

APP_NAME = "ashyq-kiosk"
LOG_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
"""Five older files of 1 MB each: weeks of a busy desk, a few MB of disk."""
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_log = logging.getLogger("ashyq.desk")


def log_dir() -> Path:
    """The user log folder (~/.local/state/ashyq-kiosk/log on Linux,
    %LOCALAPPDATA%\\ashyq-kiosk\\Logs on Windows)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


class RedactingFormatter(logging.Formatter):
    """Formats a record as usual, then takes IINs and passes out of the whole
    text (its traceback too)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def start_file_log(path: Path | None = None, *, level: int = logging.INFO) -> Path | None:
    """Log to *path* (default: :func:`log_file`) from now on; the file's path, or
    None when its folder cannot be made (the kiosk runs on, without a log)."""
    path = path or log_file()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return path  # already logging there
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def stop_file_log(path: Path) -> None:
    """Close the handler of *path* (tests, and a command that is done)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            root.removeHandler(handler)
            handler.close()


def writable(path: Path) -> str | None:
    """None when the log file can be appended to (made, if need be), else why not."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


class DeskLog(DeskListener):
    """Writes what the desk decided and what went wrong, one line each."""

    def __init__(self, logger: logging.Logger = _log) -> None:
        self._log = logger
        self._online: bool | None = None

    def decision_shown(self, decision: Decision) -> None:
        if decision.repeat or decision.awaiting_staff:
            return  # shown again / waiting for staff: logged when recorded
        self._log.info("decision %s", _decision_line(decision))

    def question_closed(
        self, question_id: str, end: QuestionEnd, decision: Decision | None
    ) -> None:
        if decision is not None:
            self._log.info("question %s: decision %s", end.value, _decision_line(decision))

    def alert_raised(self, alert: Alert) -> None:
        fields = " ".join(f"{k}={v}" for k, v in payload_to_json(alert.payload).items() if v)
        self._log.warning("alert %s %s", alert.kind.value, fields)

    def service_changed(self, state: ServiceState) -> None:
        if state.online is None or state.online == self._online:
            return
        self._online = state.online
        if state.online:
            self._log.info("service online, %d event(s) waiting", state.pending)
        else:
            problem = state.problem.value if state.problem is not None else "unknown"
            self._log.warning("service offline (%s), %d event(s) waiting", problem, state.pending)

    def device_changed(self, report: DeviceReport) -> None:
        state = report.state.value if report.state is not None else "absent"
        level = logging.WARNING if state in ("lost", "stopped") else logging.INFO
        detail = f" ({report.detail})" if report.detail else ""
        self._log.log(level, "%s %s%s", report.kind.value, state, detail)

    def desk_failed(self, failure: DeskFailure) -> None:
        self._log.error("desk failed (%s): %s", failure.problem.value, failure.message)


def _decision_line(decision: Decision) -> str:
    data = decision.to_json()
    data.pop("name", None)  # masked, but a name all the same: not for a file
    parts = []
    for key, value in data.items():
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            value = ",".join(str(v) for v in value)
        parts.append(f"{key}={value}")
    return " ".join(parts)


def log_level_from_env() -> int:
    """ASHYQ_KIOSK_LOG_LEVEL (DEBUG, INFO, WARNING) for a support session; INFO."""
    name = os.environ.get("ASHYQ_KIOSK_LOG_LEVEL", "INFO").upper()
    level = logging.getLevelName(name)
    return level if isinstance(level, int) else logging.INFO
