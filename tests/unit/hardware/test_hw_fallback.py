"""The decoder's fallback passes: when they run, what they read, what they cost."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from hardware.decoder.factory import make_decoder
from hardware.decoder.fallback import Fallback, PassResult, Quad
from hardware.decoder.port import DecodedCode
from hardware.decoder.zxing_reader import ZxingDecoder
from tests.unit.hardware.hw_support import (
    JWS_PASS,
    FakeClock,
    desk,
    grainy,
    iin,
    moire_phone,
    small_blurred,
)

IIN = iin("00010150000")
SQUARE: Quad = ((100, 100), (200, 100), (200, 200), (100, 200))


class ScriptedPass:
    """A backend pass that locates a symbol at SQUARE and reads it only when
    told to (by call number); each call takes ``cost_s`` on the fake clock."""

    def __init__(self, clock: FakeClock, *, reads_on: int | None = None, cost_s: float = 0.0):
        self.clock = clock
        self.reads_on = reads_on
        self.cost_s = cost_s
        self.calls: list[tuple[tuple[int, ...], bool]] = []

    def __call__(self, image: Any, *, global_threshold: bool = False) -> PassResult:
        self.clock.advance(self.cost_s)
        self.calls.append((image.shape, global_threshold))
        if len(self.calls) == self.reads_on:
            corners = ((10, 10), (20, 10), (20, 20), (10, 20))
            return PassResult(codes=[DecodedCode("found", "QRCode", corners)])
        return PassResult(located=[SQUARE])


def gray(width: int = 640, height: int = 480) -> Any:
    return np.full((height, width), 128, np.uint8)


def test_nothing_located_on_a_camera_frame_means_no_pass(clock: FakeClock) -> None:
    read_pass = ScriptedPass(clock)
    fallback = Fallback(read_pass, clock=clock)
    assert fallback.read(gray(), located=[]) == []
    assert read_pass.calls == []
    assert (fallback.stats.probes, fallback.stats.triggered, fallback.stats.passes) == (0, 0, 0)


def test_a_located_symbol_gets_the_crop_passes_in_order(clock: FakeClock) -> None:
    read_pass = ScriptedPass(clock, reads_on=3)  # the 2x upscale reads it
    fallback = Fallback(read_pass, clock=clock)
    (code,) = fallback.read(gray(), located=[SQUARE])
    # The crop: the symbol's box grown by a quarter of its size plus 8 px.
    crop = (166, 166)
    assert read_pass.calls == [(crop, True), (crop, False), ((332, 332), False)]
    # Corners found in the upscaled crop are halved and put back in the frame.
    assert code.points == ((72, 72), (77, 72), (77, 77), (72, 77))
    assert (fallback.stats.triggered, fallback.stats.passes, fallback.stats.rescued) == (1, 3, 1)


def test_passes_stop_when_the_budget_is_spent(clock: FakeClock) -> None:
    read_pass = ScriptedPass(clock, cost_s=0.004)
    fallback = Fallback(read_pass, budget_s=0.010, clock=clock)
    assert fallback.read(gray(), located=[SQUARE, SQUARE]) == []
    # 4 ms each: the third pass (an upscale, predicted at 4x) would not fit.
    assert len(read_pass.calls) == 2
    assert fallback.stats.over_budget == 1


def test_a_zero_budget_runs_nothing(clock: FakeClock) -> None:
    read_pass = ScriptedPass(clock, reads_on=1)
    fallback = Fallback(read_pass, budget_s=0.0, clock=clock)
    assert fallback.read(gray(), located=[SQUARE]) == []
    assert read_pass.calls == []
    assert fallback.stats.over_budget == 1


def test_at_most_max_regions_are_examined(clock: FakeClock) -> None:
    read_pass = ScriptedPass(clock)
    fallback = Fallback(read_pass, clock=clock, max_regions=1)
    fallback.read(gray(), located=[SQUARE, ((300, 300), (400, 300), (400, 400), (300, 400))])
    assert {shape for shape, _ in read_pass.calls} == {(166, 166), (332, 332)}
    assert len(read_pass.calls) == 4  # the four passes, on the first symbol only


def test_small_images_are_probed_at_half_size(clock: FakeClock) -> None:
    read_pass = ScriptedPass(clock, reads_on=1)
    fallback = Fallback(read_pass, clock=clock)
    (code,) = fallback.read(gray(300, 200), located=[])
    assert read_pass.calls == [((100, 150), True)]
    assert code.points[0] == (20, 20)
    assert fallback.stats.probes == 1


def test_budget_must_not_be_negative(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="budget"):
        Fallback(ScriptedPass(clock), budget_s=-1.0)


# ---------------------------------------------------------------- on real zxing-cpp


@pytest.mark.parametrize("inverted", [False, True], ids=["light", "dark mode"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reads_small_blurred_codes_plain_zxing_misses(seed: int, inverted: bool) -> None:
    frame = small_blurred(IIN, seed=seed, inverted=inverted)
    assert make_decoder(fallback=False).read(frame) == []
    decoder = ZxingDecoder()
    codes = decoder.read(frame)
    assert [c.text for c in codes] == [IIN]
    assert decoder.fallback_stats.triggered == 1
    # The corners are in the frame's coordinates, around its centre.
    xs = [x for x, _ in codes[0].points]
    assert 320 - 40 < min(xs) < max(xs) < 320 + 40


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_probe_reads_codes_on_grainy_paper(seed: int) -> None:
    image = grainy(JWS_PASS, seed=seed)
    assert make_decoder(fallback=False).read(image) == []
    decoder = ZxingDecoder()
    assert [c.text for c in decoder.read(image)] == [JWS_PASS]
    assert decoder.fallback_stats.probes == 1


# Moiré with defocus over a phone screen, at 7/3 px per module: frames of the
# kind where zxing-cpp neither reads nor locates the code (checked below).
MOIRE_CASES = [
    (IIN, (640, 480), 3),
    (IIN, (1280, 720), 0),
    (JWS_PASS, (640, 480), 1),
    (JWS_PASS, (1280, 720), 3),
]


@pytest.mark.parametrize(
    ("text", "size", "seed"), MOIRE_CASES, ids=["iin-480p", "iin-720p", "pass-480p", "pass-720p"]
)
def test_reads_moire_codes_nothing_locates(text: str, size: tuple[int, int], seed: int) -> None:
    frame, (cx, cy) = moire_phone(text, seed=seed, size=size)
    plain = ZxingDecoder(fallback=False)
    assert plain.read(frame) == []
    decoder = ZxingDecoder()
    (code,) = decoder.read(frame)
    assert code.text == text
    stats = decoder.fallback_stats
    # Not the located-symbol trigger: the texture one, and one pass.
    assert (stats.triggered, stats.textured, stats.passes, stats.rescued) == (0, 1, 1, 1)
    # The corners are in the frame's coordinates, around the screen's centre.
    mx = sum(x for x, _ in code.points) / 4
    my = sum(y for _, y in code.points) / 4
    assert abs(mx - cx) < 8 and abs(my - cy) < 8


def test_the_texture_pass_keeps_to_the_budget() -> None:
    frame, _ = moire_phone(JWS_PASS, seed=1, size=(640, 480))
    decoder = ZxingDecoder(fallback_budget_s=0.0)
    assert decoder.read(frame) == []
    stats = decoder.fallback_stats
    assert (stats.textured, stats.passes, stats.over_budget) == (1, 0, 1)


def test_no_pass_and_no_read_on_empty_frames() -> None:
    decoder = ZxingDecoder()
    for seed in range(6):
        size = ((640, 480), (1280, 720), (1920, 1080))[seed % 3]
        assert decoder.read(desk(seed, size)) == []
    stats = decoder.fallback_stats
    # The desks hold print and a checked cloth: textured, but not like a code.
    assert (stats.probes, stats.triggered, stats.textured, stats.passes) == (0, 0, 0, 0)


def test_the_budget_holds_on_a_real_decoder() -> None:
    clock = FakeClock()
    ticking = _Ticking(clock, step=0.003)
    decoder = ZxingDecoder(fallback_budget_s=0.005, clock=ticking)
    decoder.read(small_blurred(JWS_PASS, seed=0))
    assert decoder.fallback_stats.passes <= 2


class _Ticking:
    """A clock that moves ``step`` seconds every time it is read."""

    def __init__(self, clock: FakeClock, step: float) -> None:
        self.clock, self.step = clock, step

    def __call__(self) -> float:
        self.clock.advance(self.step)
        return self.clock()


def test_make_decoder_passes_the_budget_on() -> None:
    frame = small_blurred(IIN)
    assert make_decoder(fallback_budget_s=0.0).read(frame) == []
    assert [c.text for c in make_decoder(fallback_budget_s=0.010).read(frame)] == [IIN]


def test_fallback_off_is_plain_zxing() -> None:
    decoder = ZxingDecoder(fallback=False)
    assert decoder.read(small_blurred(IIN)) == []
    assert decoder.fallback_stats.passes == 0
