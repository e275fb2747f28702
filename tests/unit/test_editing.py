"""Saving settings: values change, comments and order stay, bad values write nothing."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from config.editing import (
    EDITABLE,
    changes,
    read_document,
    save,
    target_for,
    timezone_choices,
    values_of,
)
from config.settings import (
    DEFAULT_FILE,
    SHIPPED_DIR,
    Settings,
    SettingsError,
    load_file,
    user_config_file,
)


@pytest.fixture
def club(tmp_path: Path) -> Path:
    copy = tmp_path / "club.toml"
    shutil.copyfile(SHIPPED_DIR / "fitness-club.toml", copy)
    return copy


def test_values_of_reads_every_editable_key(club: Path) -> None:
    values = values_of(load_file(club))
    assert set(values) == set(EDITABLE)
    assert values["venue.bin"] == "150340012345"
    assert values["venue.capacity"] == 80
    assert values["hours.close"] == "23:00"
    assert values["screens.languages"] == ["kk", "ru", "en"]
    assert values["sounds.volume"] == 80  # not in the file: the schema's default
    assert values["boarding.doctor_room"] == ""


def test_changes_are_the_values_that_differ() -> None:
    before = {"venue.capacity": 80, "screens.status_seconds": 4}
    after = {"venue.capacity": 90, "screens.status_seconds": 4.0}
    assert changes(before, after) == {"venue.capacity": 90}


def test_save_changes_values_and_keeps_comments_and_order(club: Path) -> None:
    original = club.read_text(encoding="utf-8")
    written = save(
        club,
        {
            "venue.capacity": 120,
            "hours.close": "22:30",
            "screens.languages": ["ru", "kk"],
            "screens.status_seconds": 6.0,
            "boarding.doctor_room": "Room 2, ground floor",
        },
    )
    assert written == club
    text = club.read_text(encoding="utf-8")
    assert text.startswith("# A fitness club's reception desk: one entrance")
    assert "status_seconds = 6\n" in text  # written as a person would
    settings = load_file(club)
    assert settings.venue.capacity == 120
    assert settings.hours.close == "22:30"
    assert settings.screens.languages == ["ru", "kk"]
    assert settings.boarding.doctor_room == "Room 2, ground floor"
    assert settings.venue.name == "Fitness club «Samal»"  # untouched
    # Only the edited lines changed, and the new table went to the end.
    old_lines, new_lines = original.splitlines(), text.splitlines()
    assert [line for line in old_lines if line not in new_lines] == [
        "capacity = 80",
        'close = "23:00"',
        'languages = ["kk", "ru", "en"]',
        "status_seconds = 4",
    ]
    assert new_lines[-2:] == ["[boarding]", 'doctor_room = "Room 2, ground floor"']


def test_a_bad_value_names_the_key_and_writes_nothing(club: Path) -> None:
    before = club.read_bytes()
    with pytest.raises(SettingsError, match=r"venue\.bin: .*12 digits") as caught:
        save(club, {"venue.bin": "12", "venue.capacity": 5})
    assert caught.value.keys == ("venue.bin",)
    assert club.read_bytes() == before
    assert sorted(p.name for p in club.parent.iterdir()) == ["club.toml"]  # no temp file left


def test_saving_the_shipped_default_writes_a_copy_in_the_user_config_dir() -> None:
    shipped = DEFAULT_FILE.read_bytes()
    target = user_config_file()
    assert not target.exists()
    assert target_for(DEFAULT_FILE) == target
    written = save(DEFAULT_FILE, {"venue.name": "Gym 7", "sounds.volume": 40})
    assert written == target
    assert DEFAULT_FILE.read_bytes() == shipped
    text = target.read_text(encoding="utf-8")
    assert "# ashyq-kiosk settings: the shipped defaults." in text
    assert 'name = "Gym 7"         # shown on the screens and in reports' in text
    expected = Settings().model_dump()
    expected["venue"]["name"], expected["sounds"]["volume"] = "Gym 7", 40
    assert load_file(target).model_dump() == expected


def test_a_file_elsewhere_is_written_in_place(club: Path) -> None:
    assert target_for(club) == club


@pytest.mark.skipif(sys.platform == "win32", reason="Windows files have no mode bits")
def test_the_file_mode_is_kept(club: Path) -> None:
    club.chmod(0o640)
    save(club, {"venue.desk": "front"})
    assert club.stat().st_mode & 0o777 == 0o640


def test_unreadable_files_are_settings_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[venue\nname = 1", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        save(broken, {"venue.name": "x"})
    with pytest.raises(SettingsError, match="cannot read"):
        read_document(tmp_path / "missing.toml")


def test_a_place_that_cannot_be_written_is_a_settings_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", os.fspath(blocker))
    with pytest.raises(SettingsError, match="cannot write"):
        save(DEFAULT_FILE, {"venue.name": "x"})


def test_timezone_choices_put_kazakhstan_first() -> None:
    zones = timezone_choices()
    assert zones[0] == "Asia/Almaty"
    assert "Europe/London" in zones
    assert len(zones) == len(set(zones))
