"""What ok, warning and failed mean for each check: measurements in, results out.

Pure functions of values the composition root measured, so every threshold
is tested without a disk, a network or a camera.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.health.values import Check, CheckResult, Reason, failed, ok, warning

MB = 1 << 20
NO_SPACE_BELOW = 200 * MB
"""Less free space than this on the data folder's disk: the kiosk may stop recording."""
LOW_SPACE_BELOW = 1024 * MB
"""Less than this: a warning (a busy day, the close-out's rewrite and the logs need room)."""

SLOW_OPEN_S = 3.0
"""A camera that takes longer than this to open is slow (Windows Media Foundation
takes 4-20 s on some cameras; DirectShow opens in well under a second)."""


def disk_space(free: int, total: int, database: int) -> CheckResult:
    """The data folder's disk: *free* and *total* bytes, *database* the store's size.
    The close-out rewrites the database into a copy, so twice its size must fit."""
    facts = {"free_mb": free // MB, "total_mb": total // MB, "database_mb": database // MB}
    if free < max(NO_SPACE_BELOW, 2 * database):
        return failed(Check.DISK_SPACE, Reason.NO_SPACE, **facts)
    if free < max(LOW_SPACE_BELOW, 10 * database):
        return warning(Check.DISK_SPACE, Reason.LOW_SPACE, **facts)
    return ok(Check.DISK_SPACE, Reason.ENOUGH_SPACE, **facts)


@dataclass(frozen=True)
class ServiceProbe:
    """One authenticated call to the service (the key list): how it went.

    `answered`: an HTTP answer came; `registered`: not a 401; `error`: why not
    (no answer, or the HTTP problem); `rtt_s` the round trip; `skew_s` the
    service's clock minus this PC's, from its Date header."""

    url: str
    answered: bool
    registered: bool = True
    error: str | None = None
    rtt_s: float | None = None
    skew_s: float | None = None


def service(probe: ServiceProbe, deadline_s: float) -> CheckResult:
    """Reachable, the token accepted, and fast enough for a status look-up's
    hard *deadline_s*."""
    facts: dict[str, str | int | float | bool | None] = {"url": probe.url}
    if probe.rtt_s is not None:
        facts["rtt_ms"] = round(probe.rtt_s * 1000)
    if not probe.answered:
        return failed(Check.SERVICE, Reason.UNREACHABLE, **facts, detail=probe.error)
    if not probe.registered:
        return failed(Check.SERVICE, Reason.DEVICE_NOT_REGISTERED, **facts)
    if probe.error is not None:
        return failed(Check.SERVICE, Reason.SERVICE_ERROR, **facts, detail=probe.error)
    if probe.rtt_s is not None and probe.rtt_s > deadline_s:
        return warning(Check.SERVICE, Reason.SLOW, **facts, deadline_ms=round(deadline_s * 1000))
    return ok(Check.SERVICE, Reason.REACHABLE, **facts)


def clock(skew_s: float | None, allowance_s: float) -> CheckResult:
    """This PC's clock against the service's: passes allow *allowance_s* of skew;
    a quarter of it is worth a warning, more than all of it fails passes."""
    if skew_s is None:
        return warning(Check.CLOCK, Reason.NOT_MEASURED, allowance_s=allowance_s)
    facts = {"skew_s": round(skew_s, 1), "allowance_s": allowance_s}
    if abs(skew_s) > allowance_s:
        return failed(Check.CLOCK, Reason.CLOCK_FAR_OFF, **facts)
    if abs(skew_s) > max(allowance_s / 4, 5.0):
        return warning(Check.CLOCK, Reason.CLOCK_OFF, **facts)
    return ok(Check.CLOCK, Reason.IN_STEP, **facts)


def pass_keys(
    age_s: float | None, keys: int, *, max_age_s: float, alert_after_s: float
) -> CheckResult:
    """The pass-signing key list: fetched within *max_age_s* is fresh; older is
    stale (the kiosk fetches it again when online); older than *alert_after_s*
    fails (staff are alerted: a pass signed by a newer key goes to staff)."""
    facts: dict[str, str | int | float | bool | None] = {"keys": keys}
    if age_s is None:
        return warning(Check.PASS_KEYS, Reason.NEVER_FETCHED, **facts)
    facts["age_h"] = round(age_s / 3600, 1)
    if age_s > alert_after_s:
        return failed(Check.PASS_KEYS, Reason.TOO_OLD, **facts)
    if age_s > max_age_s:
        return warning(Check.PASS_KEYS, Reason.STALE, **facts)
    return ok(Check.PASS_KEYS, Reason.FRESH, **facts)


class CameraFindings(Protocol):
    """What the camera check measured (hardware.camera_probe makes it): a camera
    opened, a frame read and decoded, within a bounded time.

    `still_opening`: it had not opened when the check gave up waiting (`open_s`
    is then the time waited); `decoder_error`: the decoder could not be made."""

    @property
    def device(self) -> str: ...
    @property
    def backend(self) -> str: ...
    @property
    def opened(self) -> bool: ...
    @property
    def still_opening(self) -> bool: ...
    @property
    def open_s(self) -> float | None: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def fps(self) -> float: ...
    @property
    def frame(self) -> bool: ...
    @property
    def codes(self) -> int: ...
    @property
    def error(self) -> str | None: ...
    @property
    def decoder_error(self) -> str | None: ...


def camera(probe: CameraFindings) -> CheckResult:
    facts: dict[str, str | int | float | bool | None] = {
        "device": probe.device,
        "backend": probe.backend,
    }
    if probe.open_s is not None:
        facts["open_s"] = round(probe.open_s, 2)
    if probe.decoder_error is not None:
        return failed(Check.CAMERA, Reason.DECODER_UNAVAILABLE, **facts, detail=probe.decoder_error)
    if probe.still_opening:
        return warning(Check.CAMERA, Reason.SLOW_TO_OPEN, **facts, still_opening=True)
    if not probe.opened:
        return failed(Check.CAMERA, Reason.NOT_OPENED, **facts, detail=probe.error)
    facts.update(width=probe.width, height=probe.height, fps=round(probe.fps, 1))
    if not probe.frame:
        return failed(Check.CAMERA, Reason.NO_FRAME, **facts)
    facts["codes"] = probe.codes
    if probe.open_s is not None and probe.open_s > SLOW_OPEN_S:
        return warning(Check.CAMERA, Reason.SLOW_TO_OPEN, **facts, still_opening=False)
    return ok(Check.CAMERA, Reason.WORKING, **facts)
