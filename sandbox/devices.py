"""Who holds a device token: a desk, or a venue's doctor room (docs/sandbox.md).

The national service knows each kiosk it issued a token to; the sandbox
keeps the same facts in a small registry given at start-up. A desk token
with no venue (the demo's `demo`) may report for any venue, as a sandbox
for tests should; a token registered to a venue speaks for that venue only.
Only a doctor room resolves referrals, and only its own venue's.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sandbox.wire import is_bin

DEMO_AIRPORT_BIN = "990440001234"
"""The demo's airport (app/demo_airport.py and config/airport-*.toml)."""


class DeviceRole(StrEnum):
    DESK = "desk"
    DOCTOR = "doctor"


@dataclass(frozen=True)
class Device:
    """One registered kiosk: its token, what it is, and the venue it belongs to
    (None: any venue, for a desk of the sandbox only)."""

    token: str
    role: DeviceRole = DeviceRole.DESK
    venue_bin: str | None = None

    def __post_init__(self) -> None:
        if not self.token or any(c.isspace() for c in self.token):
            raise ValueError("a device token cannot be empty or hold spaces")
        if self.venue_bin is not None and not is_bin(self.venue_bin):
            raise ValueError(f"a device's venue is a BIN (12 digits), not {self.venue_bin!r}")
        if self.role is DeviceRole.DOCTOR and self.venue_bin is None:
            raise ValueError("a doctor room belongs to one venue")

    def speaks_for(self, venue_bin: str) -> bool:
        """May report events for, and read the referrals of, *venue_bin*."""
        return self.venue_bin is None or self.venue_bin == venue_bin


DEMO_DOCTOR = Device("demo-doctor", DeviceRole.DOCTOR, DEMO_AIRPORT_BIN)
"""The demo airport's doctor room, registered unless the sandbox is told otherwise."""


def doctor_room(text: str) -> Device:
    """`BIN:TOKEN` (as `--doctor-token` takes it): that venue's doctor room."""
    venue_bin, colon, token = text.partition(":")
    if not colon or not is_bin(venue_bin):
        raise ValueError(f"a doctor room is BIN:TOKEN (12 digits, a colon, the token): {text!r}")
    return Device(token, DeviceRole.DOCTOR, venue_bin)


class DeviceRegistry:
    """The devices a sandbox accepts, found by token in constant time."""

    def __init__(self, devices: Iterable[Device | str]) -> None:
        found = [d if isinstance(d, Device) else Device(d) for d in devices]
        if not found:
            raise ValueError("the sandbox needs at least one device token")
        tokens = [d.token for d in found]
        if len(set(tokens)) != len(tokens):
            raise ValueError("a device token names one device: the same token is given twice")
        self._devices = tuple(found)
        self._keys = tuple((d.token.encode("utf-8"), d) for d in found)

    @property
    def devices(self) -> tuple[Device, ...]:
        return self._devices

    def find(self, token: str) -> Device | None:
        """The device holding *token*; every token is compared, so timing tells nothing."""
        given = token.encode("utf-8")
        match: Device | None = None
        for key, device in self._keys:
            if hmac.compare_digest(given, key):
                match = device
        return match
