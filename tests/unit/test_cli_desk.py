"""The desk commands as another program sees them: JSON lines and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from app import main
from tests.fakes import GREEN_IIN


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return code, lines, err


def test_offline_iin_asks_staff_and_a_staff_answer_admits(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, [asked], _ = run(capsys, "--data-dir", str(data_dir), "check", "--iin", GREEN_IIN)
    assert code == 1
    assert asked["decision"] == "ask_staff"
    assert asked["provenance"] == "unverified"
    assert len(asked["event_ids"]) == 1
    assert GREEN_IIN not in json.dumps(asked)

    code, [admitted], _ = run(
        capsys,
        "check",
        "--iin",
        GREEN_IIN,
        "--staff",
        "admit",
        "--operator",
        "aigerim",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0
    assert admitted["decision"] == "admit"
    assert admitted["override"] is False
    assert admitted["method"] == "manual"


def test_bad_iin_is_bad_input_and_garbage_text_is_invalid_code(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, lines, err = run(capsys, "--data-dir", str(data_dir), "check", "--iin", "870412300006")
    assert code == 2 and not lines and "checksum" in err
    code, [decision], _ = run(capsys, "--data-dir", str(data_dir), "check", "hello")
    assert code == 1
    assert decision["decision"] == "invalid_code"
    assert decision["method"] == "scanner"


def test_status_reports_queue_and_occupancy(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    run(capsys, "--data-dir", str(data_dir), "check", "--iin", GREEN_IIN, "--staff", "admit")
    code, [status], _ = run(capsys, "status", "--data-dir", str(data_dir))
    assert code == 0
    assert status["pending"] == 1
    assert status["occupancy"] == 1
    assert status["oldest_unsent"].endswith("Z")
    assert status["last_sync"] is None


def test_export_csv_has_no_raw_iin(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text("[venue]\nrescan_window_s = 0\n", encoding="utf-8")  # leave at once
    where = ["--config", str(config), "--data-dir", str(data_dir)]
    run(capsys, *where, "check", "--iin", GREEN_IIN, "--staff", "admit")
    run(capsys, *where, "check", "--iin", GREEN_IIN)
    code = main([*where, "export", "--from", "2000-01-01", "--to", "2100-01-01"])
    out = capsys.readouterr().out
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["type"] for r in rows] == ["check_in", "check_out"]
    assert rows[0]["masked_id"] == "••••••••0005"
    assert GREEN_IIN not in out


def test_export_jsonl_is_one_json_object_per_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text("[venue]\nrescan_window_s = 0\n", encoding="utf-8")
    where = ["--config", str(config), "--data-dir", str(data_dir)]
    run(capsys, *where, "check", "--iin", GREEN_IIN, "--staff", "admit")
    run(capsys, *where, "check", "--iin", GREEN_IIN)
    code = main(
        [*where, "export", "--from", "2000-01-01", "--to", "2100-01-01", "--format", "jsonl"]
    )
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert [json.loads(line)["type"] for line in lines] == ["check_in", "check_out"]
    assert out.endswith("\n") and "\\u000a" not in out


def test_export_marks_what_the_gate_annulled_and_names_what_each_annulment_annuls(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    from kiosk.decision import Direction
    from kiosk.events import DeskIdentity
    from kiosk.storage.annulment import annul
    from kiosk.storage.store import Store

    where = ["--data-dir", str(data_dir)]
    run(capsys, *where, "check", "--iin", GREEN_IIN, "--staff", "admit")
    store = Store.in_dir(data_dir)
    try:  # the gate's keeper: nobody walked through (the desk's own call)
        [row] = store.query("SELECT id, occurred_at FROM outbox WHERE type = 'check_in'")
        check_in, at = str(row["id"]), float(str(row["occurred_at"]))
        desk = DeskIdentity("000000000000", "main", "desk-1")
        assert annul(store, desk, Direction.ENTRY, check_in, at + 8) is not None
    finally:
        store.close()
    code = main([*where, "export", "--from", "2000-01-01", "--to", "2100-01-01"])
    out = capsys.readouterr().out

    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["type"], r["annulled"], r["annuls"]) for r in rows] == [
        ("check_in", "yes", ""),
        ("entry_annulled", "", check_in),
    ]
    assert rows[1]["masked_id"] == "" and GREEN_IIN not in out


NOT_PEM = "not-a-bundle.pem"


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[venue]\nbin = "12"', "venue.bin"),
        ('[hours]\ntimezone = "Asia/Atlantis"', "hours.timezone"),
        ('[hours]\ntimezone = "../../etc/passwd"', "hours.timezone"),
        ('[hours]\nclose = "24:00"', "hours.close"),
        ('[hours]\nopen = "8:00"', "hours.open"),
        ('[service]\nca_bundle = "/no/such/bundle.pem"', "service.ca_bundle"),
        (f'[service]\nca_bundle = "{NOT_PEM}"', "service.ca_bundle"),
        ('[service]\nurl = "http://127.0.0.1:99999"', "service.url"),
    ],
)
def test_settings_that_cannot_work_stop_status_with_the_key_named(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    toml: str,
    key: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / NOT_PEM).write_text("just some text\n", encoding="utf-8")
    bad = tmp_path / "desk.toml"
    bad.write_text(toml + "\n", encoding="utf-8")
    data = tmp_path / "data"
    code, lines, err = run(capsys, "--config", str(bad), "--data-dir", str(data), "status")
    assert (code, lines) == (2, [])
    assert key in err and "Traceback" not in err
    assert not data.exists(), "refused before anything was written"


def test_unwritable_data_dir_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(blocker / "sub"), "check", "--iin", GREEN_IIN)
    assert code == 3
    assert "database" in err


def test_export_rejects_bad_dates(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "--from", "yesterday", "--to", "2026-01-01"])
    assert caught.value.code == 2
