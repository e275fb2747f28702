"""The words of a health report: checks, outcomes and reasons (stable JSON words)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    """How a check came out; ordered by how bad it is."""

    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Verdict.OK: 0, Verdict.WARNING: 1, Verdict.FAILED: 2}


class Check(StrEnum):
    """What is checked, in the order a report lists it."""

    SETTINGS = "settings"
    DATA_FOLDER = "data_folder"
    DISK_SPACE = "disk_space"
    DATABASE = "database"
    SERVICE = "service"
    CLOCK = "clock"
    PASS_KEYS = "pass_keys"
    CAMERA = "camera"
    SCANNER = "scanner"
    SOUND = "sound"
    PRINTER = "printer"
    GATE = "gate"
    RESTARTS = "restarts"
    LOG = "log"


class Reason(StrEnum):
    """Why a check came out as it did; each belongs to one or a few checks."""

    # shared
    NOT_CONFIGURED = "not_configured"  # the desk has none (camera "none", no gate…)
    NOT_CHECKED = "not_checked"  # not looked at in this run (the kiosk's start-up check)
    WORKING = "working"
    TIMED_OUT = "timed_out"  # the check itself did not finish in its time
    CHECK_FAILED = "check_failed"  # the check could not be made (see detail)
    # settings
    VALID = "valid"
    INVALID = "invalid"
    SHORT_PIN = "short_pin"
    NO_ADMIN_PIN = "no_admin_pin"
    # data folder, disk, database, log
    WRITABLE = "writable"
    NOT_WRITABLE = "not_writable"
    ENOUGH_SPACE = "enough_space"
    LOW_SPACE = "low_space"
    NO_SPACE = "no_space"
    INTACT = "intact"
    DAMAGED = "damaged"
    CANNOT_OPEN = "cannot_open"
    # service and clock
    REACHABLE = "reachable"
    SLOW = "slow"
    UNREACHABLE = "unreachable"
    DEVICE_NOT_REGISTERED = "device_not_registered"
    SERVICE_ERROR = "service_error"
    IN_STEP = "in_step"
    CLOCK_OFF = "clock_off"
    CLOCK_FAR_OFF = "clock_far_off"
    NOT_MEASURED = "not_measured"
    # pass keys
    FRESH = "fresh"
    STALE = "stale"
    TOO_OLD = "too_old"
    NEVER_FETCHED = "never_fetched"
    # camera
    NOT_OPENED = "not_opened"
    SLOW_TO_OPEN = "slow_to_open"
    NO_FRAME = "no_frame"
    DECODER_UNAVAILABLE = "decoder_unavailable"
    # scanner, sound, printer, gate
    PRESENT = "present"
    PORT_MISSING = "port_missing"
    MUTED = "muted"
    NO_OUTPUT = "no_output"
    FILES_MISSING = "files_missing"
    PDF_SLIPS = "pdf_slips"
    PRINTER_MISSING = "printer_missing"
    BAD_SETTINGS = "bad_settings"
    # restarts
    NO_CRASH = "no_crash"
    CRASHED = "crashed"
    CRASH_LOOP = "crash_loop"


Fact = str | int | float | bool | None
"""A measured value a result carries: a path, a number of seconds, a size."""


@dataclass(frozen=True)
class CheckResult:
    """One check: its outcome, the reason, and what was measured (`facts`,
    JSON-ready values under stable names such as `free_mb`, `rtt_ms`, `skew_s`)."""

    check: Check
    outcome: Verdict
    reason: Reason
    facts: Mapping[str, Fact] = field(default_factory=dict, hash=False)

    def to_json(self) -> dict[str, Fact]:
        return {
            "check": self.check.value,
            "result": self.outcome.value,
            "reason": self.reason.value,
            **self.facts,
        }


def ok(check: Check, reason: Reason, **facts: Fact) -> CheckResult:
    return CheckResult(check, Verdict.OK, reason, facts)


def warning(check: Check, reason: Reason, **facts: Fact) -> CheckResult:
    return CheckResult(check, Verdict.WARNING, reason, facts)


def failed(check: Check, reason: Reason, **facts: Fact) -> CheckResult:
    return CheckResult(check, Verdict.FAILED, reason, facts)


@dataclass(frozen=True)
class HealthReport:
    """The results of one run of the checks, in the order of :class:`Check`."""

    results: tuple[CheckResult, ...]
    at: float

    @classmethod
    def of(cls, results: Iterable[CheckResult], at: float) -> HealthReport:
        order = list(Check)
        return cls(tuple(sorted(results, key=lambda r: order.index(r.check))), at)

    @property
    def outcome(self) -> Verdict:
        """The worst outcome (ok for an empty report)."""
        return max((r.outcome for r in self.results), key=lambda o: o.rank, default=Verdict.OK)

    def with_outcome(self, outcome: Verdict) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if r.outcome is outcome)

    def get(self, check: Check) -> CheckResult | None:
        return next((r for r in self.results if r.check is check), None)

    def counts(self) -> dict[Verdict, int]:
        return {o: len(self.with_outcome(o)) for o in Verdict}

    def summary_json(self) -> dict[str, object]:
        counts = self.counts()
        return {
            "summary": self.outcome.value,
            "ok": counts[Verdict.OK],
            "warning": counts[Verdict.WARNING],
            "failed": counts[Verdict.FAILED],
            "failed_checks": [r.check.value for r in self.with_outcome(Verdict.FAILED)],
            "warning_checks": [r.check.value for r in self.with_outcome(Verdict.WARNING)],
        }
