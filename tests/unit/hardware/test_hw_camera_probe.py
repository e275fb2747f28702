"""The doctor's camera check: bounded in time however long a camera takes to
open (Windows Media Foundation: up to 20 s), and it reads and decodes a frame."""

from __future__ import annotations

import threading
import time
from typing import Any

from hardware.camera import CaptureSettings
from hardware.camera_probe import probe_camera
from hardware.decoder.factory import make_decoder
from hardware.synthetic import blank_frame, phone_frame
from tests.unit.hardware.test_hw_camera import FakeCapture

SETTINGS = CaptureSettings(device=0, backend="msmf", fourcc=None)


def zxing() -> Any:
    return make_decoder("zxing", ("qr",))


def test_a_camera_still_opening_is_reported_within_the_bound_and_let_go_later() -> None:
    opening = threading.Event()
    made: list[FakeCapture] = []

    def slow_msmf(device: int | str, api: int) -> FakeCapture:
        opening.wait(30)  # the driver takes its time
        capture = FakeCapture(device, api)
        made.append(capture)
        return capture

    started = time.monotonic()
    found = probe_camera(SETTINGS, zxing, open_within_s=0.3, capture_factory=slow_msmf)
    waited = time.monotonic() - started
    assert found.still_opening and not found.opened
    assert found.backend == "msmf"
    assert 0.3 <= waited < 2.0
    opening.set()  # the driver finishes opening after the check gave up…
    deadline = time.monotonic() + 5
    while not (made and made[0].released) and time.monotonic() < deadline:
        threading.Event().wait(0.01)
    assert made and made[0].released == 1  # …and the camera is let go, not kept


def test_a_camera_that_opens_in_seconds_is_timed_and_decodes_a_frame() -> None:
    ticks = iter([100.0, 100.0, 106.5, 106.5])

    def clock() -> float:
        return next(ticks, 106.5)

    def factory(device: int | str, api: int) -> FakeCapture:
        capture = FakeCapture(device, api)
        capture.reads = [blank_frame(), phone_frame("870412300005")]
        return capture

    found = probe_camera(SETTINGS, zxing, open_within_s=5, capture_factory=factory, clock=clock)
    assert found.opened and found.frame and not found.still_opening
    assert found.open_s == 6.5
    assert (found.width, found.height, found.fps) == (1280, 720, 30.0)  # the mode granted
    assert found.codes == 0  # the first frame that arrived: an empty desk, decoded


def test_a_camera_that_does_not_open_or_gives_no_picture() -> None:
    def closed(device: int | str, api: int) -> FakeCapture:
        return FakeCapture(device, api, opened=False)

    shut = probe_camera(SETTINGS, zxing, capture_factory=closed)
    assert not shut.opened and "did not open" in (shut.error or "")
    dark = probe_camera(SETTINGS, zxing, capture_factory=lambda d, a: FakeCapture(d, a))
    assert dark.opened and not dark.frame


def test_a_decoder_that_cannot_be_made_is_said_before_the_camera_is_touched() -> None:
    touched: list[int] = []

    def broken() -> Any:
        raise RuntimeError("zxing-cpp is not installed")

    found = probe_camera(SETTINGS, broken, capture_factory=lambda d, a: touched.append(1))
    assert found.decoder_error == "zxing-cpp is not installed"
    assert touched == []
