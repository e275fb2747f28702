"""`ashyq-kiosk decode` on pictures a person drops on it."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from app import main
from hardware.decoder.factory import make_decoder
from hardware.decoder.port import DecoderUnavailable
from hardware.synthetic import phone_frame
from tests.fakes import GREEN_IIN


def write(path: Path, image: np.ndarray) -> Path:
    ok, encoded = cv2.imencode(path.suffix, image)
    assert ok
    path.write_bytes(encoded.tobytes())
    return path


def test_reads_a_code_and_says_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = write(tmp_path / "visitor #1 Бекболат.png", phone_frame(GREEN_IIN))

    code = main(["--data-dir", str(tmp_path), "decode", str(image)])

    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert line["file"] == str(image)
    assert [c["text"] for c in line["codes"]] == [GREEN_IIN]
    assert line["codes"][0]["format"] == "QRCode"
    assert len(line["codes"][0]["points"]) == 4
    assert line["parsed"] == {"kind": "iin"}
    assert line["decode_ms"] >= 0


def test_an_image_without_a_code_is_a_negative_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = write(tmp_path / "blank.jpg", np.full((120, 160, 3), 200, np.uint8))
    good = write(tmp_path / "good.png", phone_frame(GREEN_IIN))

    code = main(["--data-dir", str(tmp_path), "decode", str(good), str(blank)])

    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert [len(line["codes"]) for line in lines] == [1, 0]
    assert lines[1]["parsed"] is None


def test_unreadable_files_are_named_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.webp"
    garbage.write_bytes(b"\x00\x01not an image" * 50)
    good = write(tmp_path / "good.png", phone_frame(GREEN_IIN))

    code = main(
        ["--data-dir", str(tmp_path), "decode", str(empty), str(garbage), str(good), "nope.png"]
    )

    captured = capsys.readouterr()
    assert code == 2
    assert len(captured.out.splitlines()) == 1, "the good image is still decoded"
    for name in ("empty.png", "garbage.webp", "nope.png"):
        assert name in captured.err
    assert "Traceback" not in captured.err


def test_the_decoder_settings_apply_to_pictures_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        make_decoder("pyzbar")
    except DecoderUnavailable as exc:
        pytest.skip(str(exc))
    light_on_dark = 255 - cv2.cvtColor(phone_frame(GREEN_IIN), cv2.COLOR_BGR2GRAY)
    image = write(tmp_path / "inverted.png", light_on_dark)
    config = tmp_path / "desk.toml"
    config.write_text('[decoder]\nsecond_pass = "invert"\n', encoding="utf-8")
    where = ["--data-dir", str(tmp_path), "decode", "--backend", "pyzbar", str(image)]

    plain = main(where)
    capsys.readouterr()
    code = main(["--config", str(config), *where])

    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert plain == 1, "pyzbar alone reads no light-on-dark code"
    assert code == 0 and [c["text"] for c in line["codes"]] == [GREEN_IIN]
