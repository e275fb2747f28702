"""What ok, warning and failed mean for each of the desk's checks (kiosk.health)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kiosk.health import rules
from kiosk.health.rules import MB, ServiceProbe
from kiosk.health.values import Check, HealthReport, Reason, Verdict, failed, ok, warning

GB = 1024 * MB


@pytest.mark.parametrize(
    ("free", "database", "outcome", "reason"),
    [
        (50 * GB, 10 * MB, Verdict.OK, Reason.ENOUGH_SPACE),
        (900 * MB, 10 * MB, Verdict.WARNING, Reason.LOW_SPACE),
        (150 * MB, 10 * MB, Verdict.FAILED, Reason.NO_SPACE),
        # the close-out rewrites the database into a copy: twice its size must fit
        (5 * GB, 3 * GB, Verdict.FAILED, Reason.NO_SPACE),
        (5 * GB, 1 * GB, Verdict.WARNING, Reason.LOW_SPACE),
    ],
)
def test_disk_space_against_the_floor_and_the_database(
    free: int, database: int, outcome: Verdict, reason: Reason
) -> None:
    result = rules.disk_space(free, 100 * GB, database)
    assert (result.check, result.outcome, result.reason) == (Check.DISK_SPACE, outcome, reason)
    assert result.facts["free_mb"] == free // MB


def test_the_service_unreachable_refusing_the_token_slow_or_well() -> None:
    url = "https://status.example.kz"
    down = rules.service(ServiceProbe(url, answered=False, error="Connection refused"), 1.5)
    assert (down.outcome, down.reason, down.facts["detail"]) == (
        Verdict.FAILED,
        Reason.UNREACHABLE,
        "Connection refused",
    )
    refused = rules.service(ServiceProbe(url, answered=True, registered=False, rtt_s=0.05), 1.5)
    assert (refused.outcome, refused.reason) == (Verdict.FAILED, Reason.DEVICE_NOT_REGISTERED)
    broken = rules.service(ServiceProbe(url, answered=True, error="HTTP 500: boom"), 1.5)
    assert broken.reason is Reason.SERVICE_ERROR
    slow = rules.service(ServiceProbe(url, answered=True, rtt_s=2.0), 1.5)
    assert (slow.outcome, slow.reason, slow.facts["rtt_ms"]) == (Verdict.WARNING, Reason.SLOW, 2000)
    well = rules.service(ServiceProbe(url, answered=True, rtt_s=0.012), 1.5)
    assert (well.outcome, well.facts["rtt_ms"], well.facts["url"]) == (Verdict.OK, 12, url)


@pytest.mark.parametrize(
    ("skew", "outcome", "reason"),
    [
        (None, Verdict.WARNING, Reason.NOT_MEASURED),
        (3.0, Verdict.OK, Reason.IN_STEP),
        (-45.0, Verdict.WARNING, Reason.CLOCK_OFF),
        (121.0, Verdict.FAILED, Reason.CLOCK_FAR_OFF),
        (-600.0, Verdict.FAILED, Reason.CLOCK_FAR_OFF),
    ],
)
def test_the_clock_against_the_pass_allowance(
    skew: float | None, outcome: Verdict, reason: Reason
) -> None:
    result = rules.clock(skew, 120.0)
    assert (result.outcome, result.reason) == (outcome, reason)


def test_the_key_list_fresh_stale_too_old_or_never_fetched() -> None:
    day = 86_400.0

    def judge(age: float | None) -> tuple[Verdict, Reason]:
        result = rules.pass_keys(age, 2, max_age_s=day, alert_after_s=7 * day)
        return result.outcome, result.reason

    assert judge(3600) == (Verdict.OK, Reason.FRESH)
    assert judge(2 * day) == (Verdict.WARNING, Reason.STALE)
    assert judge(8 * day) == (Verdict.FAILED, Reason.TOO_OLD)
    assert judge(None) == (Verdict.WARNING, Reason.NEVER_FETCHED)


@dataclass(frozen=True)
class Probe:
    device: str = "0"
    backend: str = "msmf"
    opened: bool = True
    still_opening: bool = False
    open_s: float | None = 0.4
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    frame: bool = True
    codes: int = 0
    error: str | None = None
    decoder_error: str | None = None


def test_a_camera_that_opens_slowly_or_never_is_said_so() -> None:
    assert rules.camera(Probe()).outcome is Verdict.OK
    slow = rules.camera(Probe(open_s=19.5))
    assert (slow.outcome, slow.reason, slow.facts["open_s"]) == (
        Verdict.WARNING,
        Reason.SLOW_TO_OPEN,
        19.5,
    )
    waiting = rules.camera(Probe(opened=False, still_opening=True, open_s=8.0))
    assert (waiting.outcome, waiting.reason, waiting.facts["still_opening"]) == (
        Verdict.WARNING,
        Reason.SLOW_TO_OPEN,
        True,
    )
    gone = rules.camera(Probe(opened=False, error="did not open"))
    assert (gone.outcome, gone.reason) == (Verdict.FAILED, Reason.NOT_OPENED)
    dark = rules.camera(Probe(frame=False))
    assert (dark.outcome, dark.reason) == (Verdict.FAILED, Reason.NO_FRAME)
    no_decoder = rules.camera(Probe(decoder_error="zxing-cpp missing"))
    assert no_decoder.reason is Reason.DECODER_UNAVAILABLE


def test_a_report_is_in_check_order_and_its_worst_outcome_counts() -> None:
    report = HealthReport.of(
        [
            warning(Check.CLOCK, Reason.CLOCK_OFF),
            failed(Check.SERVICE, Reason.UNREACHABLE),
            ok(Check.SETTINGS, Reason.VALID),
        ],
        at=0.0,
    )
    assert [r.check for r in report.results] == [Check.SETTINGS, Check.SERVICE, Check.CLOCK]
    assert report.outcome is Verdict.FAILED
    summary = report.summary_json()
    assert summary == {
        "summary": "failed",
        "ok": 1,
        "warning": 1,
        "failed": 1,
        "failed_checks": ["service"],
        "warning_checks": ["clock"],
    }
    assert report.results[1].to_json() == {
        "check": "service",
        "result": "failed",
        "reason": "unreachable",
    }
    assert HealthReport.of([], 0.0).outcome is Verdict.OK
