"""Settings: shipped files load, bad files stop start-up naming the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from config.build import business_day, desk_settings, policy
from config.settings import (
    DEFAULT_FILE,
    SHIPPED_DIR,
    Settings,
    SettingsError,
    find_config,
    load_file,
    parse_settings,
)
from kiosk.dayend import BusinessDay
from kiosk.desksettings import DeskRole
from kiosk.pins import hash_pin, verify_pin
from kiosk.policy import Mode, Outcome
from kiosk.status import Status


@pytest.mark.parametrize("name", ["default.toml", "fitness-club.toml", "airport-desk.toml"])
def test_shipped_files_load(name: str) -> None:
    settings = load_file(SHIPPED_DIR / name)
    assert isinstance(settings, Settings)
    desk_settings(settings)  # builds the domain values too


def test_default_file_matches_the_schema_defaults() -> None:
    assert load_file(DEFAULT_FILE) == Settings()


def test_airport_desk_is_a_boarding_entry_desk_offering_referrals() -> None:
    settings = load_file(SHIPPED_DIR / "airport-desk.toml")
    desk = desk_settings(settings)
    assert desk.policy.mode is Mode.BOARDING
    assert desk.role is DeskRole.ENTRY
    assert desk.policy.for_status(Status.YELLOW).offer_referral


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"venue": {"colour": "red"}}, "venue.colour: unknown key"),
        ({"venue": {"bin": "12345"}}, "venue.bin"),
        ({"venue": {"mode": "cafe"}}, "venue.mode"),
        ({"venue": {"capacity": -1}}, "venue.capacity"),
        ({"policy": {"unverified": "maybe"}}, "policy.unverified"),
        ({"policy": {"table": {"purple": {"admit": True}}}}, "policy.table.purple"),
        ({"policy": {"table": {"blue": {}}}}, "policy.table.blue.admit: required"),
        ({"hours": {"close": "25:00"}}, "hours.close"),
        ({"service": {"url": "ftp://x"}}, "service.url"),
        ({"service": {"token": "токен"}}, "service.token"),
        ({"pins": {"admin": "1234"}}, "pins.admin"),
        ({"schema_version": 99}, "schema_version"),
        ({"extra_section": {}}, "extra_section: unknown key"),
    ],
)
def test_bad_values_name_the_key(data: dict[str, object], key: str) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_settings(data, source="desk.toml")
    assert key in str(caught.value)
    assert "desk.toml" in str(caught.value)


def test_broken_toml_and_missing_file_are_clear(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[venue\nbin = ", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_file(broken)
    with pytest.raises(SettingsError, match="no such settings file"):
        load_file(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SettingsError, match="UTF-8"):
        load_file(binary)


def test_lookup_order_explicit_then_env_then_user_then_shipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit, from_env = tmp_path / "a.toml", tmp_path / "b.toml"
    assert find_config(str(explicit), {"ASHYQ_KIOSK_CONFIG": str(from_env)}) == explicit
    assert find_config(None, {"ASHYQ_KIOSK_CONFIG": str(from_env)}) == from_env
    assert find_config(None, {}) == DEFAULT_FILE
    user_dir = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user_dir))
    (user_dir / "ashyq-kiosk").mkdir(parents=True)
    (user_dir / "ashyq-kiosk" / "config.toml").write_text("", encoding="utf-8")
    assert find_config(None, {}) == user_dir / "ashyq-kiosk" / "config.toml"


def test_table_cells_override_the_mode_default() -> None:
    settings = parse_settings({"policy": {"table": {"green": {"admit": False}}}})
    assert policy(settings).for_status(Status.GREEN).outcome is Outcome.DENY
    assert policy(settings).for_status(Status.BLUE).outcome is Outcome.ADMIT


def test_pins_are_stored_as_salted_scrypt_hashes() -> None:
    first, second = hash_pin("4321"), hash_pin("4321")
    assert first != second, "salted"
    assert "4321" not in first
    assert verify_pin("4321", first) and not verify_pin("1234", first)
    assert parse_settings({"pins": {"admin": first}}).pins.admin == first


def test_the_business_day_is_the_desks_closing_time_in_the_venues_zone() -> None:
    settings = parse_settings({"hours": {"close": "22:30", "timezone": "Asia/Almaty"}})
    desk = desk_settings(settings)

    day = business_day(settings)

    assert day == BusinessDay(dt.time(22, 30), ZoneInfo("Asia/Almaty"))
    assert (day.closing_time, day.timezone) == (desk.closing_time, desk.timezone)
    assert business_day(parse_settings({})) == BusinessDay(None, None), "midnight, PC's zone"


def test_the_venue_s_mode_and_role_are_the_domain_s_enums_from_the_same_words() -> None:
    settings = parse_settings({"venue": {"mode": "boarding", "role": "doctor"}})
    assert settings.venue.mode is Mode.BOARDING and settings.venue.role is DeskRole.DOCTOR
    assert parse_settings({}).venue.role is DeskRole.BOTH
    with pytest.raises(SettingsError) as refused:
        parse_settings({"venue": {"role": "Doctor"}})
    assert refused.value.keys == ("venue.role",)
