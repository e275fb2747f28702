"""The unchanged-scene skip: what is decoded, what is repeated, what still counts."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from hardware.debounce import Debouncer
from hardware.decoder.factory import make_decoder
from hardware.decoder.port import DecodedCode
from hardware.frames import Frame
from hardware.pipeline import CapturePipeline, PipelineSettings
from hardware.scene import FrameReader, SceneWatch, thumbnail
from hardware.sources import FrameListSource
from hardware.synthetic import blank_frame, phone_frame
from tests.unit.hardware.hw_support import FakeClock, Recorder, iin

IIN = iin("99123150017")
FRAME_S = 1 / 30


class Counting:
    """A real decoder that counts the frames it was given."""

    def __init__(self) -> None:
        self.inner = make_decoder()
        self.calls = 0

    def read(self, gray: Any) -> list[DecodedCode]:
        self.calls += 1
        return self.inner.read(gray)


def noisy(frame: Frame, seed: int, sigma: float = 4.0) -> Frame:
    """``frame`` as a camera delivers it: fresh sensor noise every time."""
    rng = np.random.default_rng(seed)
    return np.clip(frame + rng.normal(0, sigma, frame.shape), 0, 255).astype(np.uint8)


def reader_for(clock: FakeClock, **watch: Any) -> tuple[FrameReader, Counting]:
    decoder = Counting()
    debouncer = Debouncer(window_s=3.0, clock=clock)
    return FrameReader(decoder, debouncer, SceneWatch(**watch)), decoder


def feed(reader: FrameReader, clock: FakeClock, frames: list[Frame]) -> list[str]:
    """Frames at 30 fps; the texts that counted."""
    counted: list[str] = []
    for frame in frames:
        clock.advance(FRAME_S)
        counted += [code.text for code in reader.read(frame, clock())]
    return counted


def test_an_unchanged_scene_is_decoded_only_to_settle_and_recheck(clock: FakeClock) -> None:
    watch = SceneWatch(settle_s=0.5, recheck_s=1.0)
    blank = blank_frame(1280, 720)
    decisions = []
    for _ in range(300):  # ten seconds at 30 fps
        clock.advance(FRAME_S)
        decisions.append(watch.needs_decode(blank, clock()))
    settling = decisions[:15]
    assert all(settling)
    # Afterwards, one frame a second.
    assert sum(decisions[15:]) == pytest.approx(9, abs=1)


def test_sensor_noise_is_not_a_change(clock: FakeClock) -> None:
    watch = SceneWatch(settle_s=0.0, recheck_s=100.0)
    desk = blank_frame(1280, 720)
    assert watch.needs_decode(noisy(desk, 0), clock())
    for seed in range(1, 60):
        clock.advance(FRAME_S)
        assert not watch.needs_decode(noisy(desk, seed, sigma=6.0), clock())


def test_a_small_code_appearing_is_a_change(clock: FakeClock) -> None:
    watch = SceneWatch(settle_s=0.0, recheck_s=100.0)
    desk = blank_frame(1280, 720)
    assert watch.needs_decode(desk, clock())
    assert not watch.needs_decode(desk, clock())
    code = phone_frame(IIN, width=80, height=80, module_px=2)  # 80 px at 720p
    with_code = desk.copy()
    with_code[300:380, 600:680] = code
    assert watch.needs_decode(with_code, clock())


def test_a_code_after_1000_identical_frames_is_read_on_its_first_frame(clock: FakeClock) -> None:
    reader, decoder = reader_for(clock)
    blank = blank_frame(1280, 720)
    assert feed(reader, clock, [blank] * 1000) == []
    # ~33 s: decoded while settling and once a second, not 1000 times.
    assert decoder.calls < 60
    assert reader.unchanged > 940
    assert feed(reader, clock, [phone_frame(IIN, width=1280, height=720)]) == [IIN]


def test_a_code_held_still_counts_once_and_stays_in_sight(clock: FakeClock) -> None:
    reader, decoder = reader_for(clock)
    shown = phone_frame(IIN, width=1280, height=720)
    blank = blank_frame(1280, 720)
    # Held still for 10 s: longer than the 3 s window, mostly not decoded.
    assert feed(reader, clock, [shown] * 300) == [IIN]
    assert decoder.calls < 30
    # Taken away for half a second and shown again: the repeated results kept
    # it in sight, so it is the same visit, not a second one.
    assert feed(reader, clock, [blank] * 15 + [shown] * 30) == []
    # Away for longer than the window: it counts again.
    assert feed(reader, clock, [blank] * 120 + [shown]) == [IIN]


def test_confirm_frames_see_repeated_results_as_a_streak(clock: FakeClock) -> None:
    decoder = Counting()
    reader = FrameReader(
        decoder,
        Debouncer(window_s=3.0, confirm_frames=3, clock=clock),
        SceneWatch(settle_s=0.0, recheck_s=100.0),
    )
    shown = phone_frame(IIN, width=640, height=480)
    assert feed(reader, clock, [shown] * 3) == [IIN]
    assert decoder.calls == 1


def test_forgetting_the_scene_decodes_the_next_frame(clock: FakeClock) -> None:
    reader, decoder = reader_for(clock, settle_s=0.0, recheck_s=100.0)
    blank = blank_frame(640, 480)
    feed(reader, clock, [blank] * 5)
    assert decoder.calls == 1
    reader.forget_scene()
    feed(reader, clock, [blank])
    assert decoder.calls == 2


def test_without_a_watch_every_frame_is_decoded(clock: FakeClock) -> None:
    decoder = Counting()
    reader = FrameReader(decoder, Debouncer(clock=clock))
    feed(reader, clock, [blank_frame(640, 480)] * 10)
    assert (decoder.calls, reader.decoded, reader.unchanged) == (10, 10, 0)


@pytest.mark.parametrize(
    "odd",
    [np.zeros((0, 0), np.uint8), np.zeros((8, 8, 4), np.uint8), np.zeros((8, 8), np.float32)],
    ids=["empty", "four channels", "float"],
)
def test_odd_frames_go_to_the_decoder(odd: Any, clock: FakeClock) -> None:
    watch = SceneWatch()
    assert thumbnail(odd) is None
    assert watch.needs_decode(odd, clock())
    assert watch.needs_decode(odd, clock())


def test_thumbnail_is_small_and_grey() -> None:
    thumb = thumbnail(blank_frame(1920, 1080))
    assert thumb is not None
    assert thumb.shape == (90, 160)
    small = thumbnail(blank_frame(64, 48))
    assert small is not None and small.shape == (48, 64)


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="recheck_s"):
        SceneWatch(recheck_s=0.0)


def run_once(frames: list[Frame], settings: PipelineSettings, recorder: Recorder) -> Any:
    """The frames once through a real pipeline at 200 fps; its stats at the end."""
    pipeline = CapturePipeline(
        FrameListSource(frames, fps=200, loop=False),
        make_decoder(),
        on_code=recorder.on_code,
        on_state=recorder.on_state,
        on_preview=recorder.on_preview,
        settings=settings,
    )
    pipeline.start()
    assert recorder.wait_for(lambda: "lost" in recorder.state_names())
    pipeline.stop()
    return pipeline.stats()


def test_the_pipeline_skips_an_unchanged_scene_and_still_reads_a_code() -> None:
    recorder = Recorder()
    frames = [blank_frame()] * 40 + [phone_frame(IIN)] * 5
    settings = PipelineSettings(change_settle_s=0.0, unchanged_recheck_s=100.0)
    stats = run_once(frames, settings, recorder)
    assert recorder.texts() == [IIN]
    assert stats.frames_unchanged > 0
    assert stats.frames_decoded + stats.frames_unchanged + stats.frames_dropped == 45


def test_the_skip_can_be_turned_off() -> None:
    recorder = Recorder()
    stats = run_once([blank_frame(64, 48)] * 20, PipelineSettings(skip_unchanged=False), recorder)
    assert stats.frames_unchanged == 0


def test_an_unchanged_scene_repeats_the_last_preview_as_a_copy() -> None:
    recorder = Recorder()
    settings = PipelineSettings(preview_fps=1000.0, change_settle_s=0.0)
    run_once([blank_frame(1280, 720)] * 30, settings, recorder)
    previews = recorder.previews
    assert len(previews) >= 2
    assert all(p.shape == (360, 640, 3) for p in previews)
    assert all(np.array_equal(p, previews[0]) for p in previews)
    # Each is a copy of its own: a screen that draws on one spoils no other.
    assert len({id(p) for p in previews}) == len(previews)
