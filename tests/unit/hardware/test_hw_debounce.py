"""Debouncing with an injected clock: no sleeping."""

from __future__ import annotations

import pytest

from hardware.debounce import Debouncer
from shared.backoff import Backoff, BackoffPolicy
from tests.unit.hardware.hw_support import FakeClock


def test_same_text_within_window_counts_once(clock: FakeClock) -> None:
    debouncer = Debouncer(window_s=3.0, clock=clock)
    assert debouncer.observe(["A"]) == ["A"]
    for _ in range(100):  # held up to the camera for 10 s
        clock.advance(0.1)
        assert debouncer.observe(["A"]) == []
    clock.advance(2.9)
    assert debouncer.observe([]) == []
    assert debouncer.observe(["A"]) == []


def test_counts_again_after_the_window_out_of_sight(clock: FakeClock) -> None:
    debouncer = Debouncer(window_s=3.0, clock=clock)
    assert debouncer.accept("A")
    clock.advance(3.01)
    assert debouncer.accept("A")


def test_different_texts_count_independently(clock: FakeClock) -> None:
    debouncer = Debouncer(window_s=3.0, clock=clock)
    assert debouncer.observe(["A", "B", "A"]) == ["A", "B"]
    clock.advance(1)
    assert debouncer.observe(["B", "C"]) == ["C"]


def test_confirm_frames_needs_consecutive_sightings(clock: FakeClock) -> None:
    debouncer = Debouncer(window_s=3.0, confirm_frames=3, clock=clock)
    assert debouncer.observe(["A"]) == []
    assert debouncer.observe(["A"]) == []
    assert debouncer.observe([]) == []  # a miss breaks the streak
    assert debouncer.observe(["A"]) == []
    assert debouncer.observe(["A"]) == []
    assert debouncer.observe(["A"]) == ["A"]
    assert debouncer.observe(["A"]) == []


def test_explicit_time_and_reset(clock: FakeClock) -> None:
    debouncer = Debouncer(window_s=1.0, clock=clock)
    assert debouncer.observe(["A"], now=10.0) == ["A"]
    assert debouncer.observe(["A"], now=10.5) == []
    debouncer.reset()
    assert debouncer.observe(["A"], now=10.6) == ["A"]


def test_memory_is_bounded(clock: FakeClock) -> None:
    debouncer = Debouncer(window_s=1.0, clock=clock)
    for n in range(1000):
        debouncer.observe([f"code {n}"])
        clock.advance(0.5)
    assert len(debouncer._tracks) <= 3


def test_invalid_settings() -> None:
    with pytest.raises(ValueError):
        Debouncer(window_s=-1)
    with pytest.raises(ValueError):
        Debouncer(confirm_frames=0)


def test_backoff_doubles_to_the_cap_and_resets() -> None:
    backoff = Backoff(BackoffPolicy(initial_s=0.2, max_s=1.0))
    assert [backoff.next_delay() for _ in range(5)] == [0.2, 0.4, 0.8, 1.0, 1.0]
    backoff.reset()
    assert backoff.next_delay() == 0.2
    with pytest.raises(ValueError):
        BackoffPolicy(initial_s=2.0, max_s=1.0)
