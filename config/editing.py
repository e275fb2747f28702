"""Change values in a settings file and keep the rest of it: comments, order,
keys nobody edited (tomlkit). Qt-free; the settings dialog is its screen.

Saving builds the new document, checks it against the same schema the
kiosk starts with, and only then writes it, atomically; the shipped
default is never written: its edited copy goes to the user config directory.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.toml_document import TOMLDocument

from config.gate_settings import GateSettings
from config.settings import DEFAULT_FILE, Settings, SettingsError, parse_settings, user_config_file
from kiosk.storage.files import replace_whole

GATE_KEYS: tuple[str, ...] = tuple(
    f"gate.{name}" for name in GateSettings.model_fields if name != "http_headers"
)
"""Every `[gate]` key but the relay's HTTP headers (a table: edited in the file)."""

EDITABLE: tuple[str, ...] = (
    "venue.name",
    "venue.bin",
    "venue.entrance",
    "venue.desk",
    "venue.mode",
    "venue.role",
    "venue.capacity",
    "hours.close",
    "hours.timezone",
    "service.url",
    "service.token",
    "policy.unverified",
    "policy.passback",
    "screens.languages",
    "screens.status_seconds",
    "screens.question_timeout_s",
    "screens.visitor_screen",
    "sounds.mute",
    "sounds.volume",
    "ses.phone",
    "boarding.doctor_room",
    "camera.device",
    *GATE_KEYS,
)
"""The settings the dialog edits, by dotted key; the rest only in the file."""

KAZAKHSTAN_ZONES = (
    "Asia/Almaty",
    "Asia/Qostanay",
    "Asia/Qyzylorda",
    "Asia/Aqtobe",
    "Asia/Aqtau",
    "Asia/Atyrau",
    "Asia/Oral",
)


def values_of(settings: Settings) -> dict[str, Any]:
    """The editable values of *settings*, by dotted key."""
    data = settings.model_dump()
    values = {}
    for key in EDITABLE:
        section, name = key.split(".")
        values[key] = data[section][name]
    return values


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The values of *after* that differ from *before*."""
    return {key: value for key, value in after.items() if before.get(key) != value}


def target_for(source: Path) -> Path:
    """The file a save writes: the file in use, unless that is the shipped default."""
    if source.resolve() == DEFAULT_FILE.resolve():
        return user_config_file()
    return source


def save(source: Path, edits: Mapping[str, Any]) -> Path:
    """Write *edits* (dotted key → value) over *source*; the file written.

    Raises :class:`SettingsError`, naming the key, when the result would
    not pass the schema, and when the file cannot be read or written; in
    every such case nothing is written.
    """
    target = target_for(source)
    document = read_document(source)
    for key, value in edits.items():
        _set(document, key, value)
    parse_settings(document.unwrap(), source=str(target))
    _write_atomically(target, tomlkit.dumps(document))
    return target


def read_document(path: Path) -> TOMLDocument:
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None


def timezone_choices() -> list[str]:
    """IANA zone names for a picker: Kazakhstan's first, then all others in order."""
    others = sorted(zoneinfo.available_timezones() - set(KAZAKHSTAN_ZONES))
    return [*KAZAKHSTAN_ZONES, *others]


def _set(document: TOMLDocument, key: str, value: Any) -> None:
    """Set a dotted key, making its table when the file has none (at the end)."""
    *sections, name = key.split(".")
    container: Any = document
    for section in sections:
        if section not in container:
            container[section] = tomlkit.table()
        container = container[section]
    container[name] = _plain(value)


def _plain(value: Any) -> Any:
    """4.0 is written as 4, as a person would write it."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _write_atomically(target: Path, text: str) -> None:
    """Write a temporary file beside *target*, then swap it in: never half a file."""
    try:
        # keep_mode: a new file stays as private as the old one: it holds the token
        replace_whole(target, text.encode("utf-8"), keep_mode=True)
    except OSError as exc:
        raise SettingsError(f"{target}: cannot write it ({exc.strerror})") from None
