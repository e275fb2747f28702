"""`ashyq-kiosk iin`: one JSON line per IIN, exit codes, and a light start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import main

REPO = Path(__file__).resolve().parents[2]
# Hand-checked in test_iin.py.
MALE_1990 = "900101300017"
FEMALE_1885 = "851231200059"
KEYS = ["iin", "valid", "reason", "birth_date", "sex"]


def json_lines(out: str) -> list[dict[str, object]]:
    assert out.endswith("\n")
    lines = [json.loads(line) for line in out.splitlines()]
    for line in lines:
        assert list(line) == KEYS
    return lines


def test_valid_iin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iin", MALE_1990]) == 0
    captured = capsys.readouterr()
    assert json_lines(captured.out) == [
        {
            "iin": MALE_1990,
            "valid": True,
            "reason": None,
            "birth_date": "1990-01-01",
            "sex": "male",
        }
    ]
    assert captured.err == ""


def test_several_valid_iins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iin", FEMALE_1885, MALE_1990]) == 0
    lines = json_lines(capsys.readouterr().out)
    assert [(x["iin"], x["birth_date"], x["sex"]) for x in lines] == [
        (FEMALE_1885, "1885-12-31", "female"),
        (MALE_1990, "1990-01-01", "male"),
    ]


def test_mix_exits_1_with_one_line_per_argument(capsys: pytest.CaptureFixture[str]) -> None:
    args = [MALE_1990, "900101300018", "123", "900230300017", "９００１０１３０００１７", MALE_1990]
    assert main(["iin", *args]) == 1
    lines = json_lines(capsys.readouterr().out)
    assert [line["iin"] for line in lines] == args
    assert [line["valid"] for line in lines] == [True, False, False, False, False, True]
    assert [line["reason"] for line in lines] == [
        None,
        "checksum",
        "length",
        "date",
        "non_digit",
        None,
    ]
    for line in lines:
        if not line["valid"]:
            assert line["birth_date"] is None and line["sex"] is None


def test_single_invalid_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iin", "900101700017"]) == 1
    (line,) = json_lines(capsys.readouterr().out)
    assert line["reason"] == "century_digit"


def test_output_is_utf8_not_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iin", "ИИН"]) == 1
    out = capsys.readouterr().out
    assert '"ИИН"' in out
    assert json_lines(out)[0]["reason"] == "length"


def test_global_options_are_accepted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "iin", MALE_1990]) == 0
    assert main(["iin", "--data-dir", str(tmp_path), MALE_1990]) == 0
    assert len(json_lines(capsys.readouterr().out)) == 2
    assert list(tmp_path.iterdir()) == []  # validating an IIN records nothing


def test_no_arguments_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["iin"])
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "IIN" in captured.err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["iin", "--help"])
    assert info.value.code == 0
    assert "IIN" in capsys.readouterr().out


HEAVY = ("PySide6", "shiboken6", "cv2", "ui", "hardware", "sandbox")
DATABASE = ("sqlite3", "_sqlite3", "kiosk.storage.errors", "kiosk.storage.store")
SCRIPT = """
import json, sys
from app import main
argv, watched = json.loads(sys.argv[1]), json.loads(sys.argv[2])
code = main(argv)
loaded = sorted(m for m in sys.modules if m in watched or m.split(".")[0] in watched)
print("IMPORTED " + json.dumps(loaded))
sys.exit(code)
"""


def run_watching(argv: list[str], watched: tuple[str, ...]) -> tuple[int, list[str], list[str]]:
    """`ashyq-kiosk ARGV` in a fresh interpreter: its exit code, its output
    lines, and which of the *watched* modules (or packages) it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(argv), json.dumps(watched)],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    *lines, marker = result.stdout.splitlines()
    assert marker.startswith("IMPORTED "), result.stderr
    return result.returncode, lines, json.loads(marker.removeprefix("IMPORTED "))


def test_iin_command_imports_neither_qt_nor_opencv() -> None:
    """The composition root loads Qt, OpenCV, hardware and sandbox only where needed."""
    code, lines, loaded = run_watching(["iin", MALE_1990, "123"], HEAVY)
    assert code == 1
    assert [json.loads(line)["valid"] for line in lines] == [True, False]
    assert loaded == []


def test_iin_command_loads_no_database_module() -> None:
    """Mapping database errors to exit 3 does not load sqlite3 for every command."""
    code, _, loaded = run_watching(["iin", MALE_1990], DATABASE)
    assert code == 0
    assert loaded == []


@pytest.mark.parametrize(
    "argv",
    [
        ("check", "--iin", "870412300006"),
        ("referral", "open", "--iin", "870412300006", "--reason", "yellow"),
        ("sandbox", "pass", "870412300006"),
    ],
    ids=["check", "referral-open", "sandbox-pass"],
)
def test_commands_taking_an_iin_refuse_a_bad_one_in_the_same_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code = main(["--data-dir", str(tmp_path), *argv])

    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert "not a valid IIN (checksum): '870412300006'" in captured.err
    assert list(tmp_path.iterdir()) == [], "nothing opened or written"
