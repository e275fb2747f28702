"""The record of the kiosk's runs: a crash, a crash loop left stopped, and one
it came back from (kiosk.health.runs)."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.health.runs import RUNS_FILE, Run, RunLog, crash_loop, judge
from kiosk.health.values import Reason, Verdict

NOW = 1_800_000_000.0


def crashed(at: float) -> Run:
    return Run(at)


def clean(at: float) -> Run:
    return Run(at, at + 3600, 0)


def test_three_starts_within_a_minute_are_a_loop_and_three_in_two_minutes_are_not() -> None:
    assert crash_loop([NOW, NOW + 20, NOW + 45])
    assert not crash_loop([NOW, NOW + 50, NOW + 120])
    assert not crash_loop([NOW, NOW + 1])
    assert crash_loop([NOW - 900, NOW, NOW + 5, NOW + 10])  # the last three count


def test_no_crash_a_crash_a_loop_left_stopped_and_a_loop_come_back_from() -> None:
    assert judge([clean(NOW - 7200)], running=False, now=NOW).reason is Reason.NO_CRASH
    once = judge([clean(NOW - 7200), crashed(NOW - 600)], running=False, now=NOW)
    assert (once.outcome, once.reason, once.facts["crashes"]) == (
        Verdict.WARNING,
        Reason.CRASHED,
        1,
    )
    loop = [crashed(NOW - 60), crashed(NOW - 50), crashed(NOW - 40)]
    stopped = judge(loop, running=False, now=NOW)
    assert (stopped.outcome, stopped.reason, stopped.facts["crashes"]) == (
        Verdict.FAILED,
        Reason.CRASH_LOOP,
        3,
    )
    # started again since (the kiosk running now holds the last run)
    back = judge([*loop, Run(NOW)], running=True, now=NOW)
    assert (back.outcome, back.reason) == (Verdict.WARNING, Reason.CRASH_LOOP)
    # a day later it is history
    assert judge(loop, running=False, now=NOW + 2 * 86_400).reason is Reason.NO_CRASH


def test_the_kiosk_running_now_is_not_a_crash() -> None:
    result = judge([clean(NOW - 7200), Run(NOW - 5)], running=True, now=NOW)
    assert (result.outcome, result.reason, result.facts["running"]) == (
        Verdict.OK,
        Reason.NO_CRASH,
        True,
    )


def test_a_run_is_on_record_while_it_runs_and_its_end_after(tmp_path: Path) -> None:
    log = RunLog(tmp_path)
    assert not log.running()
    before = log.begin(NOW)
    assert before == []
    assert log.running()
    assert log.runs() == [Run(NOW)]
    second = RunLog(tmp_path)  # another kiosk on the same folder: on record, not locked
    second.begin(NOW + 1)
    assert second.shared and second.running()
    log.end(NOW + 30, 0)
    assert not RunLog(tmp_path).running()
    second.end(NOW + 40, 0)
    assert log.runs() == [Run(NOW, NOW + 30, 0), Run(NOW + 1, NOW + 40, 0)]
    assert all(run.clean for run in log.runs())


def test_a_damaged_record_counts_as_none_and_is_written_anew(tmp_path: Path) -> None:
    (tmp_path / RUNS_FILE).write_text("{not json", encoding="utf-8")
    log = RunLog(tmp_path)
    assert log.runs() == []
    log.begin(NOW)
    log.end(NOW + 1, 3)
    assert json.loads((tmp_path / RUNS_FILE).read_text(encoding="utf-8")) == [
        {"started": NOW, "ended": NOW + 1, "exit_code": 3}
    ]
    assert not log.runs()[0].clean  # exit 3 (database unusable) is a failed run


def test_a_data_folder_that_is_a_file_keeps_no_record_and_raises_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.write_text("a file where the data folder should be", encoding="utf-8")
    log = RunLog(folder)
    assert log.begin(NOW) == []
    assert not log.running()
    log.end(NOW + 1, 3)
    assert log.runs() == []
