"""A networked relay switched by HTTP requests (Shelly, Tasmota, most IP relay boards).

The request is a template: method, URL, headers and body may hold the
placeholders `{relay}` (the output number), `{direction}` (`entry` or
`exit`), `{state}` (`on` or `off`), `{pulse_ms}` and `{pulse_s}`. A URL
with `{state}` is sent twice per pulse, on and then off; one without it is
sent once, for relays that time the pulse themselves (`…&timer={pulse_s}`).

Whether the relay is there is checked by opening a TCP connection to its
host and port now and then: a probe that switches nothing. requests is
imported on first use.
"""

from __future__ import annotations

import socket
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from hardware.gate.wiring import GateRefused, GateWiring, LinkDown

PLACEHOLDERS = frozenset({"relay", "direction", "state", "pulse_ms", "pulse_s"})
PROBE_EVERY_S = 2.0


@dataclass(frozen=True)
class HttpRelaySettings:
    url: str
    method: str = "POST"
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str = ""

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("the relay's URL must be an http:// or https:// URL")
        for text in (self.url, self.body, *self.headers.values()):
            unknown = placeholders(text) - PLACEHOLDERS
            if unknown:
                raise ValueError(f"unknown placeholder {{{sorted(unknown)[0]}}}")

    @property
    def address(self) -> tuple[str, int]:
        parts = urlsplit(self.url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return parts.hostname or "", port

    @property
    def switches_off(self) -> bool:
        """The relay is sent an off request (else it times the pulse itself)."""
        return "state" in placeholders(self.url) or "state" in placeholders(self.body)


def placeholders(template: str) -> set[str]:
    """The `{names}` in a template (raises ValueError on a malformed one)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


class HttpLink:
    """One relay over HTTP, with its own session (no proxies from the environment:
    the relay is on the LAN)."""

    def __init__(self, settings: HttpRelaySettings, wiring: GateWiring) -> None:
        import requests

        self._settings = settings
        self._wiring = wiring
        self._session = requests.Session()
        self._session.trust_env = False

    @property
    def poll_every_s(self) -> float:
        return PROBE_EVERY_S

    def switch(self, *, exit: bool, on: bool) -> None:
        import requests

        if not on and not self._settings.switches_off:
            return
        values = self._values(exit=exit, on=on)
        settings = self._settings
        body = settings.body.format_map(values)
        timeout = self._wiring.io_timeout_s
        try:
            response = self._session.request(
                settings.method,
                settings.url.format_map(values),
                headers={k: v.format_map(values) for k, v in settings.headers.items()},
                data=body.encode("utf-8") if body else None,
                timeout=(timeout, timeout),
                allow_redirects=False,
            )
        except requests.RequestException as error:
            raise LinkDown(f"{settings.address[0]}: {type(error).__name__}") from error
        response.close()
        if response.status_code >= 300:
            raise GateRefused(f"the relay answered HTTP {response.status_code}")

    def poll(self) -> tuple[bool, ...]:
        host, port = self._settings.address
        try:
            socket.create_connection((host, port), timeout=self._wiring.io_timeout_s).close()
        except OSError as error:
            raise LinkDown(f"{host}:{port}: {error.strerror or error}") from error
        return ()

    def close(self) -> None:
        self._session.close()

    def _values(self, *, exit: bool, on: bool) -> dict[str, Any]:
        pulse_s = self._wiring.pulse_s
        return {
            "relay": self._wiring.output(exit=exit),
            "direction": "exit" if exit else "entry",
            "state": "on" if on else "off",
            "pulse_ms": round(pulse_s * 1000),
            "pulse_s": f"{pulse_s:g}",
        }


def open_http(settings: HttpRelaySettings, wiring: GateWiring) -> HttpLink:
    link = HttpLink(settings, wiring)
    try:
        link.poll()
    except Exception:
        link.close()
        raise
    return link
