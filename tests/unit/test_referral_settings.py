"""Settings of referrals: the doctor-room role, the desk's ticket prefix."""

from __future__ import annotations

import pytest

from config.build import desk_settings, referrals_in_use
from config.settings import SHIPPED_DIR, SettingsError, load_file, parse_settings
from kiosk.desksettings import DeskRole


def test_the_shipped_doctor_room_is_a_doctor_role_of_the_airport_venue() -> None:
    doctor = load_file(SHIPPED_DIR / "airport-doctor.toml")
    desk = load_file(SHIPPED_DIR / "airport-desk.toml")
    assert doctor.venue.role == "doctor" and doctor.venue.bin == desk.venue.bin
    assert desk_settings(doctor).role is DeskRole.DOCTOR
    assert desk_settings(desk).ticket_prefix == "G7"
    assert referrals_in_use(doctor) and referrals_in_use(desk)
    assert not referrals_in_use(parse_settings({}))


@pytest.mark.parametrize("prefix", ["G-7", "TOOLONGPREFIX", "G 7"])
def test_a_ticket_prefix_is_a_short_word(prefix: str) -> None:
    with pytest.raises(SettingsError) as refused:
        parse_settings({"boarding": {"ticket_prefix": prefix}})
    assert refused.value.keys == ("boarding.ticket_prefix",)


def test_an_empty_prefix_is_made_from_the_desk_id_by_the_desk() -> None:
    settings = parse_settings({"venue": {"desk": "gate-12"}})
    assert settings.boarding.ticket_prefix == ""
    assert desk_settings(settings).ticket_prefix == ""  # kiosk.referrals.values makes "GATE12"
