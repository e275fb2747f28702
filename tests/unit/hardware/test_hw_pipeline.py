"""The capture/decode pipeline against stand-in sources: real threads, short
backoff, waits on events with timeouts (no fixed sleeps)."""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
import pytest

from hardware.decoder.factory import make_decoder
from hardware.decoder.port import DecodedCode
from hardware.frames import Frame, SourceUnavailable
from hardware.pipeline import CapturePipeline, PipelineSettings
from hardware.scene import decode_frame
from hardware.sources import FrameListSource, Outage
from hardware.synthetic import blank_frame, phone_frame
from shared.backoff import BackoffPolicy
from shared.device import DeviceState
from tests.unit.hardware.hw_support import Recorder, iin

IIN = iin("99123150017")
FAST = PipelineSettings(
    backoff=BackoffPolicy(initial_s=0.05, max_s=0.2),
    failed_read_wait_s=0.005,
    stall_timeout_s=0.5,
)


def fast(**changes: Any) -> PipelineSettings:
    values = {name: getattr(FAST, name) for name in PipelineSettings.__dataclass_fields__}
    values.update(changes)
    return PipelineSettings(**values)


def pipeline_for(source: Any, recorder: Recorder, **kwargs: Any) -> CapturePipeline:
    kwargs.setdefault("settings", FAST)
    return CapturePipeline(
        source,
        kwargs.pop("decoder", None) or make_decoder(),
        on_code=recorder.on_code,
        on_state=recorder.on_state,
        on_preview=recorder.on_preview,
        **kwargs,
    )


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def test_a_code_shown_for_many_frames_is_read_once(recorder: Recorder) -> None:
    blank, shown = blank_frame(), phone_frame(IIN)
    frames = [blank] * 5 + [shown] * 15 + [blank] * 5
    source = FrameListSource(frames, fps=100, loop=False)
    pipeline = pipeline_for(source, recorder)
    pipeline.start()
    # The source ends after one pass and the pipeline reports it lost.
    assert recorder.wait_for(lambda: "lost" in recorder.state_names())
    pipeline.stop()
    assert recorder.texts() == [IIN]
    assert recorder.state_names()[:3] == ["starting", "running", "lost"]
    assert recorder.state_names()[-1] == "stopped"
    assert recorder.threads == {"camera-decode"}
    assert pipeline.state is DeviceState.STOPPED
    assert pipeline.stats().codes_read == 1


def test_preview_is_downscaled_and_rate_limited(recorder: Recorder) -> None:
    source = FrameListSource([np.zeros((720, 1280, 3), np.uint8)], fps=120)
    pipeline = pipeline_for(source, recorder, settings=fast(preview_fps=15.0))
    started = time.monotonic()
    pipeline.start()
    assert recorder.wait_for(lambda: pipeline.stats().frames_captured >= 60)
    pipeline.stop()
    elapsed = time.monotonic() - started
    assert recorder.previews
    assert all(p.shape == (360, 640, 3) for p in recorder.previews)
    assert len(recorder.previews) <= 15 * elapsed + 1


def test_lost_then_back_within_three_seconds(recorder: Recorder) -> None:
    frames = [blank_frame()] * 3 + [phone_frame(IIN)] * 3
    source = FrameListSource(frames, fps=60, outage=Outage(after_frames=12, duration_s=0.4))
    pipeline = pipeline_for(source, recorder, settings=fast(debounce_window_s=0.05))
    pipeline.start()
    assert recorder.wait_for(lambda: "back" in recorder.state_names(), timeout=5.0)
    back_at = recorder.first("back")
    assert back_at is not None
    # Scanning resumes: a code is read again after the camera is back.
    assert recorder.wait_for(lambda: any(t >= back_at for t, _ in recorder.codes), timeout=3.0)
    pipeline.stop()
    outage_end = source.outage_ends_at
    assert outage_end is not None
    assert back_at - outage_end < 3.0
    assert recorder.state_names() == ["starting", "running", "lost", "back", "stopped"]
    assert pipeline.stats().reopen_attempts >= 2


def test_a_read_that_raises_is_lost_at_once(recorder: Recorder) -> None:
    source = FrameListSource(
        [blank_frame()], fps=100, outage=Outage(after_frames=5, duration_s=0.2, raises=True)
    )
    pipeline = pipeline_for(source, recorder)
    pipeline.start()
    assert recorder.wait_for(lambda: "back" in recorder.state_names())
    pipeline.stop()
    assert recorder.state_names() == ["starting", "running", "lost", "back", "stopped"]


class AbsentAtFirst:
    """A camera that is not plugged in for the first few attempts."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.inner = FrameListSource([blank_frame()], fps=100)

    def open(self) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise SourceUnavailable("no camera")
        self.inner.open()

    def read(self) -> Frame | None:
        return self.inner.read()

    def close(self) -> None:
        self.inner.close()


def test_a_camera_missing_at_start_is_reported_and_picked_up(recorder: Recorder) -> None:
    pipeline = pipeline_for(AbsentAtFirst(2), recorder)
    pipeline.start()
    assert recorder.wait_for(lambda: "back" in recorder.state_names())
    pipeline.stop()
    assert recorder.state_names() == ["starting", "lost", "back", "stopped"]


class Hanging:
    """A driver whose read blocks (no error, no frame) until released."""

    def __init__(self, frames_before: int) -> None:
        self.left = frames_before
        self.release = threading.Event()
        self.inner = FrameListSource([blank_frame()], fps=100)

    def open(self) -> None:
        self.inner.open()

    def read(self) -> Frame | None:
        if self.left == 0:
            self.release.wait(10.0)
        self.left -= 1
        return self.inner.read()

    def close(self) -> None:
        self.inner.close()


def test_a_hung_source_is_reported_lost_by_the_watchdog(recorder: Recorder) -> None:
    source = Hanging(frames_before=5)
    pipeline = pipeline_for(source, recorder, settings=fast(stall_timeout_s=0.3))
    pipeline.start()
    try:
        assert recorder.wait_for(lambda: "lost" in recorder.state_names())
        source.release.set()
        assert recorder.wait_for(lambda: "back" in recorder.state_names())
    finally:
        source.release.set()
        pipeline.stop()
    assert recorder.state_names() == ["starting", "running", "lost", "back", "stopped"]


class SlowDecoder:
    """Takes ~20 ms a frame and notes which frame (by its first pixel) it saw."""

    def __init__(self) -> None:
        self.seen: list[int] = []
        self._pause = threading.Event()

    def read(self, gray: Any) -> list[DecodedCode]:
        self.seen.append(int(gray[0, 0]))
        self._pause.wait(0.02)
        return []


def test_stale_frames_are_dropped_not_queued(recorder: Recorder) -> None:
    frames = [np.full((48, 64, 3), n, np.uint8) for n in range(250)]
    decoder = SlowDecoder()
    source = FrameListSource(frames, fps=500, loop=False)
    pipeline = pipeline_for(source, recorder, decoder=decoder)
    pipeline.start()
    assert recorder.wait_for(lambda: "lost" in recorder.state_names())
    pipeline.stop()
    stats = pipeline.stats()
    assert stats.frames_captured == 250
    assert stats.frames_dropped > 0
    assert stats.frames_decoded == len(decoder.seen) < 250
    assert decoder.seen == sorted(set(decoder.seen))  # always forward, never a backlog
    assert max(b - a for a, b in zip(decoder.seen, decoder.seen[1:], strict=False)) > 1


class Exploding:
    def __init__(self) -> None:
        self.calls = 0

    def read(self, gray: Any) -> list[DecodedCode]:
        self.calls += 1
        if self.calls % 2:
            raise RuntimeError("decoder bug")
        return [DecodedCode(f"code {self.calls}", "QRCode", ())]


def test_failing_decoder_and_callbacks_do_not_stop_the_worker() -> None:
    seen: list[str] = []
    done = threading.Event()

    def on_code(code: DecodedCode) -> None:
        seen.append(code.text)
        if len(seen) >= 3:
            done.set()
        raise RuntimeError("callback bug")

    def on_preview(frame: Frame) -> None:
        raise RuntimeError("preview bug")

    pipeline = CapturePipeline(
        FrameListSource([blank_frame(64, 48)], fps=200),
        Exploding(),
        on_code=on_code,
        on_preview=on_preview,
        settings=FAST,
    )
    pipeline.start()
    assert done.wait(5.0)
    pipeline.stop()
    assert len(seen) >= 3


def test_start_and_stop_are_safe_to_repeat() -> None:
    pipeline = CapturePipeline(
        FrameListSource([blank_frame(64, 48)], fps=50), make_decoder(), on_code=lambda c: None
    )
    assert pipeline.state is None
    pipeline.stop()  # before start: nothing to do
    other = CapturePipeline(
        FrameListSource([blank_frame(64, 48)], fps=50), make_decoder(), on_code=lambda c: None
    )
    other.start()
    other.start()
    other.stop()
    other.stop()
    assert other.state is DeviceState.STOPPED
    with pytest.raises(RuntimeError, match="build a new one"):
        other.start()


def test_decode_frame_converts_colour_and_ignores_broken_frames() -> None:
    decoder = make_decoder()
    assert [c.text for c in decode_frame(decoder, phone_frame(IIN))] == [IIN]
    assert decode_frame(decoder, np.zeros((2, 2, 3), np.uint8)) == []
