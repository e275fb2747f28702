"""PIN lock-out: five wrong PINs in a row lock the guard for a minute, the next
lock for two, and so on; every guard of a data folder counts the same tries."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.pins import PinGuard, PinOutcome, PinResult, hash_pin
from kiosk.storage.lockout import LOCKOUT_FILE, FileLockouts
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


# --- the growing lock ------------------------------------------------------------------


def test_each_lock_before_the_right_pin_lasts_twice_the_one_before_up_to_an_hour(
    stored: str,
) -> None:
    clock = FakeClock()
    guard = make_guard(stored, clock)
    lengths = []
    for _ in range(8):
        for _ in range(5):
            result = guard.check(WRONG)
        assert result.outcome is PinOutcome.LOCKED and result.locked_until is not None
        lengths.append(result.locked_until - clock.now())
        clock.advance(lengths[-1])
    assert lengths == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert guard.check(RIGHT).outcome is PinOutcome.OK
    for _ in range(5):
        guard.check(WRONG)
    assert guard.lock_remaining() == 60, "the right PIN starts the growth again"


# --- one count for every guard of a data folder ---------------------------------------


def folder_guard(stored: str, clock: FakeClock, folder: Path, key: str = "doctor") -> PinGuard:
    return PinGuard(stored, clock, lockouts=FileLockouts(folder), key=key)


def test_guards_of_one_folder_share_the_count_and_a_restart_keeps_it(
    stored: str, tmp_path: Path
) -> None:
    clock = FakeClock()
    screen = folder_guard(stored, clock, tmp_path)
    for _ in range(3):
        screen.check(WRONG)
    command = folder_guard(stored, clock, tmp_path)  # another process, or after a restart
    assert command.attempts_left == 2
    command.check(WRONG)
    assert command.check(WRONG).outcome is PinOutcome.LOCKED
    assert screen.check(RIGHT).outcome is PinOutcome.LOCKED
    assert folder_guard(stored, clock, tmp_path).lock_remaining() == 60
    other = folder_guard(stored, clock, tmp_path, key="admin")
    assert other.check(RIGHT).outcome is PinOutcome.OK, "each PIN has its own count"
    clock.advance(60)
    assert folder_guard(stored, clock, tmp_path).check(RIGHT).outcome is PinOutcome.OK


@pytest.mark.parametrize(
    "text",
    ["", "{", "[]", '{"doctor": 5}', '{"doctor": {"failures": "4"}}', '{"doctor": {"locks": -1}}'],
)
def test_a_damaged_count_file_counts_from_nothing_and_is_rewritten(
    stored: str, tmp_path: Path, text: str
) -> None:
    (tmp_path / LOCKOUT_FILE).write_text(text, encoding="utf-8")
    guard = folder_guard(stored, FakeClock(), tmp_path)
    assert guard.attempts_left == 5
    assert guard.check(WRONG) == PinResult(PinOutcome.WRONG, 4)
    assert folder_guard(stored, FakeClock(), tmp_path).attempts_left == 4


def test_a_count_that_cannot_be_kept_refuses_every_pin_but_the_right_one(
    stored: str, tmp_path: Path
) -> None:
    guard = folder_guard(stored, FakeClock(), tmp_path)
    guard.check(WRONG)
    # The count's file is in the way of its replacement: a directory now.
    (tmp_path / LOCKOUT_FILE).unlink()
    (tmp_path / LOCKOUT_FILE).mkdir()
    assert [guard.check(WRONG).outcome for _ in range(10)] == [PinOutcome.LOCKED] * 10
    assert guard.check(RIGHT).outcome is PinOutcome.OK
