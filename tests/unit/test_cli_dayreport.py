"""`ashyq-kiosk report`: the day as one JSON object or one CSV table, its exit
codes, and nothing in it that names or masks a visitor."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from app import main
from tests.fakes import BLUE_IIN, GREEN_IIN

WORDS = {
    "day",
    "complete",
    "as_of",
    "opened_at",
    "closed_at",
    "working_hours_s",
    "peak",
    "peak_at",
    "occupancy",
    "check_ins",
    "exits",
    "automatic_exits",
    "entries_annulled",
    "exits_annulled",
    "unverified_admitted",
    "unverified_turned_red",
    "unverified_not_red",
    "unverified_pending",
    "staff_overrides",
    "red_reports",
    "red_reports_delivered",
    "referrals",
}


@pytest.fixture
def desk(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """A desk (offline: staff decide) that let one visitor in and out and refused one."""
    config = tmp_path / "desk.toml"
    config.write_text("[venue]\nrescan_window_s = 0\n", encoding="utf-8")  # leave at once
    where = ["--config", str(config), "--data-dir", str(data_dir)]
    assert main([*where, "check", "--iin", GREEN_IIN, "--staff", "admit"]) == 0
    assert main([*where, "check", "--iin", GREEN_IIN]) == 0  # the same visitor leaves
    main([*where, "check", "--iin", BLUE_IIN, "--staff", "refuse"])
    capsys.readouterr()
    return where


def test_json_is_one_object_with_the_report_words(
    desk: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*desk, "report"])  # today's business day
    out, err = capsys.readouterr()

    assert code == 0 and not err
    [line] = out.splitlines()
    report = json.loads(line)
    assert set(report) == WORDS
    assert report["check_ins"] == {
        "by_status": {"green": 0, "blue": 0, "yellow": 0, "red": 0, "none": 2},
        "by_decision": {"admit": 1, "deny": 1, "ask_staff": 0},
    }
    assert report["referrals"] == {"open": 0, "cleared": 0, "confirmed": 0}
    assert (report["exits"], report["automatic_exits"], report["peak"]) == (1, 0, 1)
    assert report["entries_annulled"] == report["exits_annulled"] == 0
    assert report["unverified_admitted"] == report["unverified_pending"] == 1
    assert report["opened_at"].endswith("Z") and report["closed_at"] >= report["opened_at"]
    assert report["working_hours_s"] >= 0 and report["complete"] is False
    assert [inside for _, inside in report["occupancy"]][-1] == 0
    assert all(at.endswith("Z") for at, _ in report["occupancy"])
    assert GREEN_IIN not in out and BLUE_IIN not in out and "•" not in out


def test_csv_goes_to_a_file_without_personal_data(
    desk: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "day.csv"

    code = main([*desk, "report", "--format", "csv", "--output", str(target)])

    assert code == 0 and capsys.readouterr().out == ""
    text = target.read_text(encoding="utf-8")
    cells = {(s, i): v for s, i, v in list(csv.reader(io.StringIO(text)))[1:] if s != "occupancy"}
    assert cells["decision", "admit"] == cells["decision", "deny"] == "1"
    assert cells["exits", "all"] == "1"
    assert GREEN_IIN not in text and BLUE_IIN not in text and "•" not in text


def test_an_empty_day_is_a_report(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code = main(["--data-dir", str(data_dir), "report", "--day", "2026-01-15"])
    report = json.loads(capsys.readouterr().out)

    assert code == 0
    assert report["day"] == "2026-01-15" and report["complete"] is True
    assert report["check_ins"]["by_decision"] == {"admit": 0, "deny": 0, "ask_staff": 0}
    assert report["opened_at"] is None and report["working_hours_s"] is None
    assert len(report["occupancy"]) == 25  # midnight, 23 full hours, midnight


@pytest.mark.parametrize("day", ["2026-02-30", "yesterday", ""])
def test_a_bad_date_is_bad_input(
    capsys: pytest.CaptureFixture[str], data_dir: Path, day: str
) -> None:
    code = main(["--data-dir", str(data_dir), "report", "--day", day])
    out, err = capsys.readouterr()

    assert code == 2 and out == ""
    assert "--day" in err and "Traceback" not in err


def test_a_damaged_database_is_exit_3(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    (data_dir / "kiosk.sqlite3").write_bytes(b"not a database, " * 512)

    code = main(["--data-dir", str(data_dir), "report"])
    out, err = capsys.readouterr()

    assert code == 3 and out == ""
    assert "Traceback" not in err


def test_an_unwritable_output_is_bad_input(
    desk: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main([*desk, "report", "--output", str(tmp_path / "no" / "such" / "dir.json")])

    assert code == 2 and "cannot write" in capsys.readouterr().err
