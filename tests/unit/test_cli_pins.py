"""`ashyq-kiosk hash-pin` and the settings' PIN hashes: short PINs are warned
about (never refused), hashes a kiosk could not check are refused."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from app import main
from config.settings import SettingsError, parse_settings, settings_warnings
from kiosk.pins import hash_pin, is_pin_hash, read_pin_hash, short_pin, verify_pin

GOOD = hash_pin("24681357")
SALT, DIGEST = GOOD.split("$")[4:6]


def hash_pin_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], typed: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    code = main(["hash-pin"])
    out, err = capsys.readouterr()
    return code, out.strip(), err


def test_a_short_pin_is_hashed_with_a_warning_and_the_hash_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, made, err = hash_pin_command(monkeypatch, capsys, "2468\n")
    assert code == 0 and verify_pin("2468", made) and made.endswith("$L4")
    assert "warning" in err and "6 digits" in err
    code, made, err = hash_pin_command(monkeypatch, capsys, "24681\n")
    assert (code, made.endswith("$L5"), "warning" in err) == (0, True, True)
    code, made, err = hash_pin_command(monkeypatch, capsys, "24681357\n")
    assert (code, err) == (0, "") and made.endswith("$L6") and verify_pin("24681357", made)


@pytest.mark.parametrize("typed", ["12\n", "1234567890123\n", "12a4\n", "", "0" * 5_000_000])
def test_what_is_no_pin_is_exit_2_and_an_endless_line_is_not_read_to_its_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    started = time.monotonic()
    code, made, err = hash_pin_command(monkeypatch, capsys, typed)
    assert (code, made) == (2, "") and "4 to 12 digits" in err
    assert time.monotonic() - started < 1


def test_settings_warn_about_a_short_or_unknown_pin_length_naming_the_key() -> None:
    old = GOOD.rsplit("$", 1)[0]  # a hash from before lengths were recorded
    settings = parse_settings({"pins": {"admin": hash_pin("2468"), "doctor": old}})
    admin, doctor = settings_warnings(settings)
    assert admin.startswith("pins.admin: the PIN has fewer than 6 digits")
    assert doctor.startswith("pins.doctor: a hash from before PIN lengths were recorded")
    assert settings_warnings(parse_settings({"pins": {"admin": GOOD}})) == ()
    assert settings_warnings(parse_settings({})) == ()
    assert (short_pin(GOOD), short_pin(old), short_pin("nonsense")) == (False, None, None)


def test_every_command_shows_the_warning_and_still_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(f'[pins]\nadmin = "{hash_pin("2468")}"\n', encoding="utf-8")
    assert main(["--config", str(config), "--data-dir", str(tmp_path / "d"), "status"]) == 0
    err = capsys.readouterr().err
    assert "ashyq-kiosk: warning: settings: pins.admin: the PIN has fewer than 6 digits" in err


@pytest.mark.parametrize(
    "params",
    [
        "1048576$8$1",  # n = 2^20: 1 GiB of memory
        "16384$8$64",  # 64 times the work
        "16383$8$1",  # n not a power of two
        "512$8$1",  # too cheap to mean anything
        "16384$0$1",
        "16384$8$0",
        "²⁵⁶$8$1",  # digits, but not ASCII ones
        "1" + "0" * 5000 + "$8$1",
    ],
)
def test_a_hash_with_parameters_a_kiosk_cannot_check_is_a_settings_error(params: str) -> None:
    absurd = f"scrypt${params}${SALT}${DIGEST}"
    assert not is_pin_hash(absurd) and not verify_pin("24681357", absurd)
    with pytest.raises(SettingsError) as refused:
        parse_settings({"pins": {"doctor": absurd}})
    assert refused.value.keys == ("pins.doctor",)


@pytest.mark.parametrize(
    "text",
    [
        f"scrypt$16384$8$1${SALT}${DIGEST}$L3",
        f"scrypt$16384$8$1${SALT}${DIGEST}$L6$x",
        f"scrypt$16384$8$1$AAAA${DIGEST}",  # a 3-byte salt
        f"scrypt$16384$8$1${SALT}${'A' * 200}",  # a 150-byte digest
        f"bcrypt$16384$8$1${SALT}${DIGEST}",
    ],
)
def test_other_malformed_hashes_are_refused(text: str) -> None:
    assert read_pin_hash(text) is None
    with pytest.raises(SettingsError):
        parse_settings({"pins": {"admin": text}})
