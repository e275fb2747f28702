"""The [gate] table: shipped defaults, sane ranges, and a refusal that names the key."""

from __future__ import annotations

import pytest

from config.settings import Settings, SettingsError, parse_settings


def gate(**values: object) -> Settings:
    return parse_settings({"gate": values})


def test_the_default_is_no_gate() -> None:
    settings = Settings()
    assert settings.gate.driver == "none"
    assert (settings.gate.exit_coil, settings.gate.entry_passage_input) == (-1, -1)


def test_each_driver_takes_what_it_needs() -> None:
    tcp = gate(driver="modbus-tcp", host=" 192.168.1.50 ", entry_passage_input=0).gate
    rtu = gate(driver="modbus-rtu", serial_port="COM3", baud=19200, parity="E", unit=7).gate
    http = gate(
        driver="http",
        http_url="http://192.168.1.60/relay/{relay}?turn={state}",
        http_headers={"Authorization": "Bearer x"},
        http_body='{{"pulse": {pulse_ms}}}',
        entry_passage_input=0,
        http_callback_listen="0.0.0.0:8790",
    ).gate
    relay = gate(driver="serial-relay", serial_port="/dev/ttyUSB0", exit_coil=1).gate
    assert tcp.host == "192.168.1.50"
    assert (rtu.unit, rtu.parity) == (7, "E")
    assert http.http_callback_listen == "0.0.0.0:8790"
    assert bytes.fromhex(relay.serial_open_exit) == b"\xa0\x02\x01\xa3"


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"driver": "turnstile"}, "gate.driver"),
        ({"driver": "modbus-tcp"}, "gate.host"),
        ({"driver": "modbus-tcp", "host": "h", "port": 0}, "gate.port"),
        ({"driver": "modbus-rtu"}, "gate.serial_port"),
        ({"driver": "serial-relay", "serial_port": "  "}, "gate.serial_port"),
        ({"unit": 0}, "gate.unit"),
        ({"unit": 248}, "gate.unit"),
        ({"baud": 100}, "gate.baud"),
        ({"parity": "X"}, "gate.parity"),
        ({"entry_coil": -1}, "gate.entry_coil"),
        ({"exit_coil": -2}, "gate.exit_coil"),
        ({"entry_coil": 2, "exit_coil": 2}, "gate.exit_coil"),
        ({"entry_passage_input": 1, "exit_passage_input": 1}, "gate.exit_passage_input"),
        ({"pulse_ms": 10}, "gate.pulse_ms"),
        ({"pulse_ms": 60_000}, "gate.pulse_ms"),
        ({"passage_timeout_s": 0}, "gate.passage_timeout_s"),
        ({"passage_timeout_s": 3600}, "gate.passage_timeout_s"),
        ({"driver": "http"}, "gate.http_url"),
        ({"driver": "http", "http_url": "ftp://relay/"}, "gate.http_url"),
        ({"http_url": "http://relay/{coil}"}, "gate.http_url"),
        ({"http_body": "{state"}, "gate.http_body"),
        ({"http_method": "DELETE"}, "gate.http_method"),
        ({"http_headers": {"Bad Name": "x"}}, "gate.http_headers"),
        ({"http_headers": {"X-A": "one\r\nX-B: two"}}, "gate.http_headers"),
        ({"http_callback_listen": "8790"}, "gate.http_callback_listen"),
        ({"http_callback_listen": "127.0.0.1:70000"}, "gate.http_callback_listen"),
        (
            {"driver": "http", "http_url": "http://r/", "entry_passage_input": 0},
            "gate.http_callback_listen",
        ),
        ({"http_callback_token": "two words"}, "gate.http_callback_token"),
        (
            {"driver": "serial-relay", "serial_port": "COM3", "entry_passage_input": 0},
            "gate.entry_passage_input",
        ),
        ({"serial_open_entry": "A0 01 0G"}, "gate.serial_open_entry"),
        ({"serial_close_exit": ""}, "gate.serial_close_exit"),
        ({"relay": 1}, "gate.relay"),
    ],
)
def test_a_bad_value_names_its_key(values: dict[str, object], key: str) -> None:
    with pytest.raises(SettingsError) as caught:
        gate(**values)
    assert key in caught.value.keys
    assert f"  {key}:" in str(caught.value)
