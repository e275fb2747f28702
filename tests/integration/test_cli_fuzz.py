"""CLI fuzz: the commands with hostile arguments, in this process, against a
service that refuses every connection.

Dates in year 1 or 9999 or not dates at all, IINs in other scripts' digits,
notes with terminal escapes and bidi overrides, 600-character texts, empty
paths, outputs that cannot be written, a stdin that never ends a line. Every
case ends with an exit code of the contract (0, 1, 2, 3; argparse's own 2),
never a traceback; whatever is printed as JSON parses and carries no
character that would act on the terminal showing it.
"""

from __future__ import annotations

import io
import json
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import main
from kiosk.controls import has_controls

CASES = 150
VALID_IINS = ["850314310249", "831212371681", "690108351201"]
IINS = [*VALID_IINS, "850314310248", "٨٥٠٣١٤٣١٠٢٤٩", "８５０３１４３１０２４９", "", "0" * 12, "x"]
TEXTS = [
    "",
    " ",
    "ok",
    "yellow",
    "status_wrong",
    "x" * 600,
    "call \x9b31m 8\u202e7012 \x1b[2J",
    "\u0000",
    "-",
    "--",
    "DROP TABLE referrals;",
    "G7-001",
    "Айгерим Б.",
]
DATES = ["0001-01-01", "9999-12-31", "1999-12-31", "2026-02-30", "2026-11-20", "", "20261120"]
PINS = ["", "2468", "246813", "24681357", "x" * 100, "٢٤٦٨"]


@st.composite
def commands(draw: st.DrawFn, scratch: Path) -> list[str]:
    text = st.sampled_from(TEXTS)
    maybe = st.booleans()
    outputs = [str(scratch / "out.txt"), str(scratch), "/dev/full", str(scratch / "no" / "x")]
    kind = draw(st.integers(0, 11))
    if kind == 0:
        return ["iin", *draw(st.lists(st.sampled_from(IINS), min_size=1, max_size=3))]
    if kind == 1:
        return ["check", "--iin", draw(st.sampled_from(IINS))]
    if kind == 2:
        return ["check", draw(text)]
    if kind == 3:
        argv = ["report", "--day", draw(st.sampled_from(DATES))]
        argv += ["--format", draw(st.sampled_from(["json", "csv", "xml"]))]
        return argv + (["-o", draw(st.sampled_from(outputs))] if draw(maybe) else [])
    if kind == 4:
        argv = ["export", "--from", draw(st.sampled_from(DATES))]
        argv += ["--to", draw(st.sampled_from(DATES))]
        argv += ["--format", draw(st.sampled_from(["csv", "jsonl", "pdf"]))]
        return argv + (["--output", draw(st.sampled_from(outputs))] if draw(maybe) else [])
    if kind == 5:
        argv = ["referral", "open", "--iin", draw(st.sampled_from(IINS)), "--reason", draw(text)]
        argv += ["--note", draw(text)] if draw(maybe) else []
        return argv + (
            ["--status", draw(st.sampled_from(["red", "purple"]))] if draw(maybe) else []
        )
    if kind == 6:
        return [
            "referral",
            "list",
            *(["--open"] if draw(maybe) else []),
            *(["--all"] if draw(maybe) else []),
        ]
    if kind == 7:
        argv = ["referral", "resolve", draw(text), "--outcome"]
        argv += [draw(st.sampled_from(["cleared", "confirmed", "maybe"])), "--note", draw(text)]
        return argv + (["--pin", draw(st.sampled_from(PINS))] if draw(maybe) else [])
    if kind == 8:
        return [draw(st.sampled_from(["status", "close-out"]))]
    if kind == 9:
        return ["sync", "--once"]
    if kind == 10:
        return ["hash-pin"]
    return ["--data-dir", draw(st.sampled_from(["", " ", str(scratch / "f.txt")])), "status"]


@pytest.fixture
def dead_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def test_hostile_command_lines_end_with_an_exit_code_never_a_traceback(
    tmp_path: Path, dead_port: int
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(
        '[venue]\nbin = "201040000123"\nentrance = "gate-7"\ndesk = "b7"\nmode = "boarding"\n'
        f'role = "entry"\n[service]\nurl = "http://127.0.0.1:{dead_port}"\n'
        "connect_timeout = 0.3\nread_timeout = 0.5\nstatus_deadline = 0.3\n",
        encoding="utf-8",
    )
    (tmp_path / "f.txt").write_text("a file, not a folder", encoding="utf-8")
    base = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    codes: dict[int, int] = {}
    ran: list[list[str]] = []

    @settings(max_examples=CASES, deadline=None, derandomize=True, database=None)
    @given(commands(tmp_path), st.sampled_from(["246813\n", "", "0" * 100_000]))
    def run(argv: list[str], stdin: str) -> None:
        out, err = io.StringIO(), io.StringIO()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.stdin", io.StringIO(stdin))
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main([*base, *argv])
                except SystemExit as exc:  # argparse refusing the command line
                    code = exc.code if isinstance(exc.code, int) else -1
                    assert code == 2, (argv, err.getvalue())
        ran.append(argv)
        codes[code] = codes.get(code, 0) + 1
        said = err.getvalue()
        assert code in (0, 1, 2, 3), (argv, code, said)
        assert "Traceback" not in said, (argv, said)
        printed = out.getvalue()
        assert not has_controls(printed.replace("\n", "").replace("\r", "")), (argv, printed)
        if argv[0] in ("report", "export", "hash-pin") or argv[0].startswith("-"):
            return  # CSV, a hash, or nothing
        for line in printed.splitlines():
            json.loads(line)

    run()
    print(f"\n{len(ran)} command lines, exit codes {dict(sorted(codes.items()))}")
    assert len(ran) >= CASES * 0.9
    assert codes.get(2, 0) and (codes.get(0, 0) + codes.get(1, 0)), "both kinds were tried"


def test_a_referral_note_with_controls_is_listed_escaped(
    tmp_path: Path, dead_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(
        '[venue]\nbin = "201040000123"\nmode = "boarding"\nrole = "entry"\n'
        f'[service]\nurl = "http://127.0.0.1:{dead_port}"\nconnect_timeout = 0.3\n',
        encoding="utf-8",
    )
    base = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    note = "call \x9b31m 8\u202e7012 \x1b[2J \u2066x\u2069"
    argv = ["referral", "open", "--iin", VALID_IINS[0], "--reason", "other", "--note", note]
    assert main([*base, *argv]) == 0
    capsys.readouterr()
    assert main([*base, "referral", "list"]) == 0
    out = capsys.readouterr().out
    assert not has_controls(out.replace("\n", ""))
    assert "\\u009b31m 8\\u202e7012 \\u001b[2J \\u2066x\\u2069" in out
    [listed] = [json.loads(line) for line in out.splitlines()]
    assert listed["note"] == note, "a program reading the JSON gets the note as typed"


@pytest.mark.parametrize("option", ["--data-dir", "--config"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_an_empty_path_is_refused_not_taken_for_the_default(
    option: str, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [option, "", "status"] if where == "before" else ["status", option, ""]
    with pytest.raises(SystemExit) as refused:
        main(argv)
    assert refused.value.code == 2
    assert f"argument {option}: '' names no file" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="/dev/zero is a POSIX device")
def test_a_settings_file_that_never_ends_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    assert main(["--config", "/dev/zero", "--data-dir", str(tmp_path), "status"]) == 2
    assert "/dev/zero: over 1 MiB: not a settings file" in capsys.readouterr().err
    assert time.monotonic() - started < 5


def test_settings_nested_five_thousand_deep_are_refused_not_a_recursion_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "deep.toml"
    config.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert main(["--config", str(config), "--data-dir", str(tmp_path), "status"]) == 2
    assert "nested too deeply" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--day", "0001-01-01"],
        ["report", "--day", "9999-12-31"],
        ["export", "--from", "0001-01-01", "--to", "0001-01-02"],
        ["export", "--from", "2026-11-01", "--to", "9999-12-31"],
    ],
)
def test_dates_out_of_the_range_are_bad_input_not_year_0(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(["--data-dir", str(tmp_path), *argv])
    except SystemExit as exc:  # argparse names the option
        code = int(exc.code or 0)
    assert code == 2
    assert "a date from 2000-01-01 to 2999-12-31" in capsys.readouterr().err
