"""Settings fuzz: hostile settings files through a real command, at least 150 a run.

Each case is the shipped defaults with one to three values replaced by what an
installer, an editor or an attacker might leave there (inf, nan, 1e308, 2**70,
negative times, text with controls, lists for numbers, tables for strings,
unknown keys), or a file that is not TOML at all (binary, 5 000 levels deep,
over a megabyte). `ashyq-kiosk check --iin …` reads it, against a service
that refuses every connection: either the settings are good and the command
answers (exit 0 or 1, one JSON line), or it is exit 2 naming the key (or the
file, when the file itself is the problem). Never a traceback, never a hang.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import socket
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from app import main
from config.settings import Settings
from kiosk.controls import has_controls

IIN = "850314310249"
CASES = 200
AT_LEAST = 150

NUMBERS = [
    float("inf"),
    float("-inf"),
    float("nan"),
    1e308,
    -1e308,
    1e-300,
    0,
    -1,
    0.5,
    3,
    86_400,
    2**31,
    2**63 - 1,
    2**70,
    -(2**70),
]
TEXTS = [
    "",
    " ",
    "0",
    "x" * 20_000,
    "\x9b31m\u202eevil",
    "\u0000",
    "12:00",
    "25:99",
    "Asia/Almaty",
    "Mars/Olympus",
    "../../../etc/passwd",
    "/dev/zero",
    "ftp://127.0.0.1",
    "http://127.0.0.1:99999",
    "scrypt$1048576$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "kk",
    "doctor",
]
OTHERS: list[Any] = [
    True,
    False,
    [],
    [1, 2],
    ["kk", "xx"],
    [{"kid": "a", "x": "b"}],
    {"nested": {"deeper": 1}},
    dt.date(1, 1, 1),
    dt.datetime(9999, 12, 31, 23, 59, 59),
]
VALUES = [*NUMBERS, *TEXTS, *OTHERS]


def _keys(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every key of the schema, sections' keys included (dotted paths as tuples)."""
    found = []
    for name, field in model.model_fields.items():
        path = (*prefix, name)
        found.append(path)
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            found += _keys(kind, path)
    return found


def _numeric(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The keys whose values are numbers (times, counts, sizes)."""
    found = []
    for name, field in model.model_fields.items():
        kind = field.annotation
        if kind in (int, float):
            found.append((*prefix, name))
        elif isinstance(kind, type) and issubclass(kind, BaseModel):
            found += _numeric(kind, (*prefix, name))
    return found


NUMERIC_KEYS = _numeric(Settings)


KEYS = [
    *_keys(Settings),
    ("policy", "table", "red", "admit"),
    ("policy", "table", "purple", "admit"),
    ("venue", "colour"),
    ("no_such_section",),
]


def _raw_files() -> list[bytes]:
    deep = b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n"
    tables = b"".join(b"[" + b"t." * k + b"x]\n" for k in range(1, 40))
    return [
        b"",
        b"\xff\xfe\x00b\x00i\x00n",  # UTF-16
        b"\x00" * 100,
        b"[venue\nbin = 1",
        deep,
        tables,
        b"# " + b"x" * (1 << 20) + b"\n",  # over 1 MiB
        b"venue = 5\n",
        b"schema_version = 99\n",
        b'\xef\xbb\xbf[venue]\nbin = "123456789012"\n',  # a BOM
    ]


RAW_FILES = _raw_files()


@st.composite
def cases(draw: st.DrawFn, base: dict[str, Any]) -> tuple[str, bytes, list[str]]:
    """(what was done, the file, the dotted keys it changed)."""
    if draw(st.integers(0, 9)) == 0:
        index = draw(st.integers(0, len(RAW_FILES) - 1))
        return f"raw file {index}", RAW_FILES[index], []
    data = copy.deepcopy(base)
    changed = []
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(NUMERIC_KEYS if draw(st.booleans()) else KEYS))
        if path in NUMERIC_KEYS and draw(st.booleans()):
            value = draw(st.sampled_from(NUMBERS))
        elif draw(st.booleans()):
            value = draw(st.sampled_from(VALUES))
        else:  # near what is there: a plausible edit, maybe just out of range
            # a copy: a whole section taken from *base* must not let a later edit change base
            near = _near(_get(base, path), draw(st.sampled_from([0, 0.5, 2, 10, 1000])))
            value = copy.deepcopy(near)
        _put(data, path, value)
        changed.append(".".join(path))
    return f"set {changed}", tomlkit.dumps(data).encode("utf-8"), changed


def _get(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _near(value: Any, factor: float) -> Any:
    """*value* scaled by *factor* (numbers), or as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value if value is not None else "x"
    scaled = value * factor
    return int(scaled) if isinstance(value, int) else scaled


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = data
    for part in path[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[path[-1]] = value


def _named(said: str) -> list[str]:
    """The keys an exit-2 message names (`  venue.bin: must be …` lines)."""
    keys = [line.split(":")[0].strip() for line in said.splitlines()[1:] if line.startswith("  ")]
    return [key.removesuffix(".[key]") for key in keys]  # a table's key itself is wrong


@pytest.fixture(scope="module")
def dead_port() -> Iterator[int]:
    """A port bound and never listened on: every connection is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def test_every_hostile_settings_file_is_used_or_refused_naming_the_key(
    tmp_path: Path, dead_port: int
) -> None:
    base: dict[str, Any] = Settings().model_dump(mode="json")
    base["service"] |= {"url": f"http://127.0.0.1:{dead_port}", "status_deadline": 0.5}
    base["camera"]["device"] = "none"
    config = tmp_path / "settings.toml"
    argv = ["--config", str(config), "--data-dir", str(tmp_path / "kiosk-data")]
    seen: list[str] = []
    outcomes: dict[int, int] = {}

    @settings(max_examples=CASES, deadline=None, derandomize=True, database=None)
    @given(cases(base))
    def run(case: tuple[str, bytes, list[str]]) -> None:
        what, text, changed = case
        config.write_bytes(text)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main([*argv, "check", "--iin", IIN])
        seen.append(what)
        outcomes[code] = outcomes.get(code, 0) + 1
        said = err.getvalue()
        assert "Traceback" not in said, (what, said)
        if code == 2:
            assert said.startswith("ashyq-kiosk: settings: "), (what, said)
            named = _named(said)
            if named and changed:
                # each key named is one that was changed, or inside or around one
                assert all(
                    key == "(top level)"
                    or any(k.startswith(key) or key.startswith(k) for k in changed)
                    for key in named
                ), (what, said)
            elif not named:
                assert str(config) in said, (what, said)  # the file itself is the problem
            return
        assert code in (0, 1), (what, code, said)
        [line] = out.getvalue().splitlines()
        assert json.loads(line)["decision"] in ("admit", "deny", "ask_staff"), (what, line)
        assert not has_controls(line)

    run()
    print(f"\n{len(seen)} settings files, exit codes {dict(sorted(outcomes.items()))}")
    assert len(seen) >= AT_LEAST
    assert outcomes.get(2, 0) >= AT_LEAST // 3, "most cases are hostile"
    assert outcomes.get(0, 0) + outcomes.get(1, 0) >= 10, "some still make a working desk"


@pytest.mark.parametrize("key", [".".join(path) for path in NUMERIC_KEYS])
def test_every_number_has_a_range_and_infinity_is_out_of_it(
    key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "settings.toml"
    argv = ["--config", str(config), "--data-dir", str(tmp_path / "d"), "status"]
    for value in (float("inf"), float("-inf"), float("nan"), 1e308, -1e308, 2**70, -(2**70)):
        data: dict[str, Any] = {}
        _put(data, tuple(key.split(".")), value)
        config.write_text(tomlkit.dumps(data), encoding="utf-8")
        assert main(argv) == 2, (key, value)
        assert _named(capsys.readouterr().err) == [key], (key, value)
