"""The `[gate]` settings: a turnstile or door the desk opens after an admit.

Its own module so the schema in config/settings.py stays readable; the
checks here name the key they refuse, like the rest of the schema.
"""

from __future__ import annotations

import re
import string
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator


class GateSettings(BaseModel):
    """A turnstile or door the desk opens after an admit (docs/hardware.md)."""

    # Like every section: unknown keys refused, frozen. Later fields are checked
    # against `driver`, so defaults are checked too.
    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_default=True, allow_inf_nan=False
    )

    driver: Literal["none", "modbus-tcp", "modbus-rtu", "http", "serial-relay"] = Field(
        "none", description="none | modbus-tcp | modbus-rtu | http | serial-relay"
    )
    host: str = Field("", description="modbus-tcp: the I/O module's address")
    port: int = Field(502, ge=1, le=65535, description="modbus-tcp: its TCP port")
    serial_port: str = Field("", description="modbus-rtu, serial-relay: COM3, /dev/ttyUSB0…")
    baud: int = Field(9600, ge=1200, le=921600, description="modbus-rtu, serial-relay: bits/s")
    parity: Literal["N", "E", "O"] = Field("N", description="modbus-rtu: N, E or O (8 data bits)")
    unit: int = Field(1, ge=1, le=247, description="modbus: the module's unit (device) id")
    entry_coil: int = Field(0, ge=0, le=65535, description="relay pulsed to let one person in")
    exit_coil: int = Field(
        -1, ge=-1, le=65535, description="relay pulsed to let one person out; -1: no exit channel"
    )
    entry_passage_input: int = Field(
        -1,
        ge=-1,
        le=65535,
        description="input that turns on while someone passes in; -1: no sensor (nothing annulled)",
    )
    exit_passage_input: int = Field(-1, ge=-1, le=65535, description="the same, out; -1: none")
    pulse_ms: int = Field(500, ge=50, le=5000, description="how long a relay is closed, ms")
    passage_timeout_s: float = Field(
        8, ge=1, le=120, description="an entry nobody walks through in this time is annulled"
    )
    http_method: Literal["GET", "POST", "PUT"] = Field("POST", description="http: the method")
    http_url: str = Field(
        "", description="http: the relay's URL; {relay} {direction} {state} {pulse_ms} {pulse_s}"
    )
    http_headers: dict[str, str] = Field(
        default_factory=dict, description="http: extra headers (same placeholders)"
    )
    http_body: str = Field("", description="http: the request body (same placeholders)")
    http_callback_listen: str = Field(
        "", description="http: host:port where the relay reports passages; empty: off"
    )
    http_callback_token: str = Field("", description="http: the callback's token; empty: none")
    serial_open_entry: str = Field("A0 01 01 A2", description="serial-relay: entry relay on, hex")
    serial_close_entry: str = Field("A0 01 00 A1", description="serial-relay: entry relay off")
    serial_open_exit: str = Field("A0 02 01 A3", description="serial-relay: exit relay on")
    serial_close_exit: str = Field("A0 02 00 A2", description="serial-relay: exit relay off")

    @field_validator("host")
    @classmethod
    def _tcp_host(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("driver") == "modbus-tcp" and not value.strip():
            raise ValueError("modbus-tcp needs the I/O module's address, e.g. 192.168.1.50")
        return value.strip()

    @field_validator("serial_port")
    @classmethod
    def _serial_line(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("driver") in ("modbus-rtu", "serial-relay") and not value.strip():
            raise ValueError(f"{info.data['driver']} needs a serial port, e.g. COM3")
        return value.strip()

    @field_validator("exit_coil", "exit_passage_input")
    @classmethod
    def _not_the_entrys(cls, value: int, info: ValidationInfo) -> int:
        entry = info.data.get(str(info.field_name).replace("exit", "entry"))
        if value >= 0 and value == entry:
            raise ValueError("the exit channel needs its own; -1: none")
        return value

    @field_validator("entry_passage_input", "exit_passage_input")
    @classmethod
    def _no_inputs_on_a_relay_board(cls, value: int, info: ValidationInfo) -> int:
        if value >= 0 and info.data.get("driver") == "serial-relay":
            raise ValueError("a serial relay board has no inputs; set -1")
        return value

    @field_validator("http_url")
    @classmethod
    def _relay_url(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("driver") == "http" and not re.match(r"^https?://[^\s/{}]+", value):
            raise ValueError("http needs the relay's http:// URL, e.g. http://192.168.1.60/relay/0")
        return cls._template(value)

    @field_validator("http_body")
    @classmethod
    def _body_template(cls, value: str) -> str:
        return cls._template(value)

    @field_validator("http_headers")
    @classmethod
    def _header_lines(cls, value: dict[str, str]) -> dict[str, str]:
        for name, text in value.items():
            if not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
                raise ValueError(f"{name!r} is not a header name")
            if any(c in text for c in "\r\n"):
                raise ValueError(f"the {name} header holds a line break")
            cls._template(text)
        return value

    @field_validator("http_callback_listen")
    @classmethod
    def _host_and_port(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip()
        host, sep, port = value.rpartition(":")
        if value and not (sep and host and port.isdigit() and 1 <= int(port) <= 65535):
            raise ValueError("host:port, e.g. 127.0.0.1:8790 (or empty: off)")
        sensing = max(
            info.data.get("entry_passage_input", -1), info.data.get("exit_passage_input", -1)
        )
        if info.data.get("driver") == "http" and sensing >= 0 and not value:
            raise ValueError("passage inputs over http need the callback: host:port (or inputs -1)")
        return value

    @field_validator("http_callback_token")
    @classmethod
    def _token_chars(cls, value: str) -> str:
        if value and not all("!" <= c <= "~" for c in value):
            raise ValueError("printable ASCII without spaces")
        return value

    @field_validator(
        "serial_open_entry", "serial_close_entry", "serial_open_exit", "serial_close_exit"
    )
    @classmethod
    def _hex_bytes(cls, value: str) -> str:
        try:
            data = bytes.fromhex(value)
        except ValueError:
            raise ValueError('hex bytes, e.g. "A0 01 01 A2"') from None
        if not data:
            raise ValueError("at least one byte")
        return value

    @staticmethod
    def _template(text: str) -> str:
        known = {"relay", "direction", "state", "pulse_ms", "pulse_s"}
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError:
            raise ValueError("a { or } without its pair (write {{ or }} for a brace)") from None
        if names - known:
            raise ValueError(f"unknown placeholder {{{sorted(names - known)[0]}}}")
        return text
