"""PIN lock-out: five wrong PINs in a row lock the guard for a minute."""

from __future__ import annotations

import pytest

from kiosk.pins import PinGuard, PinOutcome, PinResult, hash_pin
from tests.fakes import START, FakeClock

RIGHT, WRONG = "2468", "1111"


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(RIGHT)


def make_guard(stored: str, clock: FakeClock) -> PinGuard:
    return PinGuard(stored, clock, max_attempts=5, lock_seconds=60)


def locked(stored: str, clock: FakeClock) -> PinGuard:
    """A guard that five wrong PINs have just locked."""
    guard = make_guard(stored, clock)
    for _ in range(5):
        guard.check(WRONG)
    return guard


def test_the_right_pin_is_ok(stored: str) -> None:
    guard = make_guard(stored, FakeClock())
    assert guard.check(RIGHT) == PinResult(PinOutcome.OK, 5, None)


def test_a_wrong_pin_counts_down(stored: str) -> None:
    guard = make_guard(stored, FakeClock())
    assert [guard.check(WRONG) for _ in range(4)] == [
        PinResult(PinOutcome.WRONG, left) for left in (4, 3, 2, 1)
    ]
    assert guard.attempts_left == 1


def test_the_fifth_wrong_pin_locks_for_a_minute(stored: str) -> None:
    clock = FakeClock()
    guard = make_guard(stored, clock)
    for _ in range(4):
        guard.check(WRONG)
    assert guard.check(WRONG) == PinResult(PinOutcome.LOCKED, 0, START + 60)
    assert guard.locked_until == START + 60
    assert guard.lock_remaining() == 60
    clock.advance(18)
    assert guard.lock_remaining() == 42


def test_while_locked_even_the_right_pin_is_refused_and_the_count_stays(stored: str) -> None:
    clock = FakeClock()
    guard = locked(stored, clock)
    clock.advance(59)
    assert guard.check(RIGHT).outcome is PinOutcome.LOCKED
    assert guard.attempts_left == 0
    assert guard.locked_until == START + 60  # the right PIN did not reset or extend it


def test_after_the_minute_attempts_start_again(stored: str) -> None:
    clock = FakeClock()
    guard = locked(stored, clock)
    clock.advance(60)
    assert guard.locked_until is None
    assert guard.lock_remaining() == 0
    assert guard.attempts_left == 5
    assert guard.check(WRONG) == PinResult(PinOutcome.WRONG, 4)
    assert guard.check(RIGHT).outcome is PinOutcome.OK


def test_a_right_pin_resets_the_count(stored: str) -> None:
    guard = make_guard(stored, FakeClock())
    for _ in range(4):
        guard.check(WRONG)
    assert guard.check(RIGHT).outcome is PinOutcome.OK
    assert guard.attempts_left == 5
    assert guard.check(WRONG) == PinResult(PinOutcome.WRONG, 4)


def test_a_clock_set_back_does_not_stretch_the_lock(stored: str) -> None:
    clock = FakeClock()
    guard = locked(stored, clock)
    clock.advance(-3600)
    assert guard.lock_remaining() == 60
    clock.advance(60)
    assert guard.check(RIGHT).outcome is PinOutcome.OK


def test_no_pin_set_is_its_own_answer() -> None:
    guard = PinGuard("", FakeClock())
    assert not guard.is_set
    assert guard.check("") == PinResult(PinOutcome.NOT_SET, 0)
    assert guard.check("0000").outcome is PinOutcome.NOT_SET


def test_is_set_with_a_hash(stored: str) -> None:
    assert PinGuard(stored, FakeClock()).is_set


@pytest.mark.parametrize(("attempts", "seconds"), [(0, 60), (5, 0)])
def test_nonsense_limits_are_refused(stored: str, attempts: int, seconds: float) -> None:
    with pytest.raises(ValueError):
        PinGuard(stored, FakeClock(), max_attempts=attempts, lock_seconds=seconds)
