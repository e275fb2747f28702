"""The kiosk's settings: one typed schema, loaded from TOML, validated at start-up.

Every field has a default and a description. An unknown key or a bad value
stops start-up with a message that names the key (`SettingsError`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from platformdirs import user_config_dir
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from config.gate_settings import GateSettings
from kiosk.desksettings import DeskRole
from kiosk.pins import RECOMMENDED_DIGITS, is_pin_hash, short_pin
from kiosk.policy import Mode
from kiosk.referrals.values import PREFIX_MAX, is_ticket_prefix

APP_NAME = "ashyq-kiosk"
ENV_CONFIG = "ASHYQ_KIOSK_CONFIG"
SCHEMA_VERSION = 1
SHIPPED_DIR = Path(__file__).resolve().parent
DEFAULT_FILE = SHIPPED_DIR / "default.toml"

Language = Literal["kk", "ru", "en"]
LANGUAGES: tuple[Language, ...] = ("kk", "ru", "en")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class _Section(BaseModel):
    # inf and nan are not numbers a setting can mean (inf seconds overflows a wait)
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class VenueSettings(_Section):
    bin: str = Field("000000000000", description="the venue's 12-digit BIN")
    name: str = Field("Demo venue", description="shown on the screens and in reports")
    entrance: str = Field("main", min_length=1, description="this desk's entrance")
    desk: str = Field("desk-1", min_length=1, description="this desk's id within the venue")
    mode: Mode = Field(Mode.VENUE, description="venue | boarding")
    role: DeskRole = Field(
        DeskRole.BOTH,
        description="entry | exit | both | doctor (the doctor room: resolves referrals, "
        "records no visits)",
    )
    capacity: int = Field(
        0, ge=0, le=1_000_000, description="people allowed inside at once; 0: no limit"
    )
    passback_window_min: float = Field(
        10, ge=0, le=1440, description="minutes in which a scan at another entrance is a pass-back"
    )
    rescan_window_s: float = Field(
        20,
        ge=0,
        le=600,
        description="the same person again within this time is a repeat: shown, not recorded",
    )

    @field_validator("bin")
    @classmethod
    def _twelve_digits(cls, value: str) -> str:
        if len(value) != 12 or not (value.isascii() and value.isdigit()):
            raise ValueError("must be exactly 12 digits (the venue's BIN)")
        return value


class HoursSettings(_Section):
    open: str = Field("08:00", description="opening time, HH:MM local time")
    close: str = Field("", description="closing time HH:MM: everyone inside is checked out")
    timezone: str = Field("", description="IANA zone, e.g. Asia/Almaty; empty: the PC's zone")

    @field_validator("open", "close")
    @classmethod
    def _hh_mm(cls, value: str) -> str:
        if value and not _TIME.match(value):
            raise ValueError("must be a time like 23:00")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if value:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(
                    "unknown time zone; use an IANA name such as Asia/Almaty"
                ) from None
        return value


class ServiceSettings(_Section):
    url: str = Field("http://127.0.0.1:8765", description="base URL of the national service")
    token: str = Field("demo", description="this device's token (Authorization: Bearer)")
    ca_bundle: str = Field("", description="extra CA bundle file for TLS; empty: system CAs")
    connect_timeout: float = Field(2.0, gt=0, le=60, description="seconds to connect")
    read_timeout: float = Field(5.0, gt=0, le=300, description="seconds to wait for an answer")
    status_deadline: float = Field(
        1.5, gt=0, le=30, description="hard limit for a status lookup, s"
    )
    sync_interval: float = Field(5.0, ge=0.1, le=3600, description="seconds between outbox syncs")

    @field_validator("token")
    @classmethod
    def _header_safe(cls, value: str) -> str:
        if not value or not all("!" <= c <= "~" for c in value):
            raise ValueError("must be printable ASCII without spaces (it goes in an HTTP header)")
        return value

    @field_validator("ca_bundle")
    @classmethod
    def _pem_bundle(cls, value: str) -> str:
        if not value:
            return value
        if not Path(value).is_file():
            raise ValueError("no such file: give the path of a PEM bundle, or leave it empty")
        try:
            text = Path(value).read_bytes()
        except OSError as exc:
            raise ValueError(f"cannot read it ({exc.strerror})") from None
        # A file that holds no certificate would only fail later, at the first
        # TLS handshake, as a service that seems to be down.
        if b"-----BEGIN CERTIFICATE-----" not in text:
            raise ValueError("holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        return value

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be an http:// or https:// URL")
        try:
            urlsplit(value).port  # noqa: B018  (raises on a port out of range)
        except ValueError:
            raise ValueError("the port must be a number from 1 to 65535") from None
        return value.rstrip("/")


class CellSettings(_Section):
    admit: bool = Field(description="let the person in")
    offer_referral: bool = Field(False, description="offer 'refer to doctor'")
    report_to_ses: bool = Field(False, description="report to the sanitary service")


class PolicySettings(_Section):
    unverified: Literal["staff_decides", "admit_unverified", "deny"] = Field(
        "staff_decides", description="what to do when no status can be verified"
    )
    cache_max_age_min: float = Field(
        720, ge=0, le=10080, description="oldest cached status used when offline, minutes"
    )
    pass_clock_skew: float = Field(
        120, ge=0, le=3600, description="clock-skew allowance for passes, s"
    )
    passback: Literal["ask_staff", "admit_flagged"] = Field(
        "ask_staff", description="an entry scan of someone already inside: ask staff, or admit"
    )
    table: dict[Literal["green", "blue", "yellow", "red"], CellSettings] = Field(
        default_factory=dict, description="cells that differ from the mode's default table"
    )


class TrustKeySettings(_Section):
    kid: str = Field(min_length=1)
    x: str = Field(min_length=43, max_length=43, description="base64url Ed25519 public key")
    kty: Literal["OKP"] = "OKP"
    crv: Literal["Ed25519"] = "Ed25519"
    alg: Literal["EdDSA"] = "EdDSA"


class TrustSettings(_Section):
    keys: list[TrustKeySettings] = Field(
        default_factory=list, description="pinned pass-signing keys"
    )
    max_age_h: float = Field(
        24, gt=0, le=8760, description="fetch the key list from the service again when older, hours"
    )
    alert_after_days: float = Field(
        7,
        gt=0,
        le=365,
        description="alert staff when the key list could not be fetched for this long, days "
        "(its age shows on the staff panel)",
    )


class ScreensSettings(_Section):
    languages: list[Language] = Field(
        default_factory=lambda: list(LANGUAGES),
        min_length=1,
        description="the visitor's languages (kk, ru, en); the first is the staff default",
    )
    status_seconds: float = Field(5, gt=0, le=120, description="status screen time, s")
    question_timeout_s: float = Field(
        60, gt=0, le=3600, description="unanswered Admit/Refuse is recorded as ask_staff after"
    )
    fullscreen: bool = Field(True, description="a locked, full-screen kiosk")
    visitor_screen: Literal["auto", "same", "second"] = Field(
        "auto", description="where the visitor's status goes: auto (second monitor if any)"
    )


class SoundsSettings(_Section):
    mute: bool = Field(False, description="no sounds at all")
    volume: int = Field(80, ge=0, le=100, description="percent")


class CameraSettings(_Section):
    device: str = Field("0", description="camera index or device path; 'none' to disable")
    backend: Literal["any", "dshow", "msmf", "v4l2", "avfoundation", "gstreamer", "ffmpeg"] = "any"
    width: int = Field(1280, ge=160, le=7680)
    height: int = Field(720, ge=120, le=4320)
    fps: int = Field(30, ge=1, le=120)
    mjpg: bool = True


class DecoderSettings(_Section):
    backend: Literal["zxing", "pyzbar"] = "zxing"
    formats: list[str] = Field(default_factory=lambda: ["qr"], min_length=1)
    debounce_s: float = Field(
        3.0, ge=0, le=60, description="same code within this time counts once"
    )
    confirm_frames: int = Field(1, ge=1, le=10, description="frames a code must be seen in")
    second_pass: Literal["none", "invert", "upscale"] = Field(
        "none", description="extra pass when nothing is found ('invert' helps pyzbar)"
    )
    fallback: bool = Field(
        True, description="more passes on a code that was located but not read (zxing)"
    )
    fallback_budget_ms: float = Field(
        10, gt=0, le=100, description="time the fallback passes may take on one frame"
    )
    skip_unchanged: bool = Field(
        True, description="do not decode a scene that has not changed (an empty desk)"
    )
    change_threshold: int = Field(
        16, ge=1, le=255, description="grey levels a small thumbnail must move to count"
    )


class ScannerSettings(_Section):
    wedge: bool = Field(True, description="read keyboard-wedge (HID) scanners")
    layout: Literal["auto", "us", "ru", "kk"] = "auto"
    wedge_max_gap_ms: float = Field(35, gt=0, le=500, description="slower keys are typing")
    wedge_min_length: int = Field(8, ge=1, le=4096, description="shorter bursts are typing")
    serial_port: str = Field("", description="COM3, /dev/ttyACM0…; empty: no serial scanner")
    baud: int = Field(9600, gt=0, le=4_000_000)


class DataSettings(_Section):
    retention_days: int = Field(90, ge=1, le=3650, description="days events are kept")


class PinsSettings(_Section):
    admin: str = Field("", description="scrypt hash of the admin PIN (ashyq-kiosk hash-pin)")
    doctor: str = Field("", description="scrypt hash of the doctor PIN")

    @field_validator("admin", "doctor")
    @classmethod
    def _hashed(cls, value: str) -> str:
        if value and not is_pin_hash(value):
            raise ValueError(
                "must be a PIN hash made by `ashyq-kiosk hash-pin` (never a plain PIN), "
                "with scrypt parameters a kiosk can check in under a second"
            )
        return value


class StaffSettings(_Section):
    operators: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="the names staff choose from as the operator; empty: the login name "
        "(typing another name needs the admin PIN)",
    )

    @field_validator("operators")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        names = [name.strip() for name in value]
        if any(not name or len(name) > 40 or not name.isprintable() for name in names):
            raise ValueError("each name has 1 to 40 printable characters")
        if len(set(names)) != len(names):
            raise ValueError("a name is listed twice")
        return names


class SesSettings(_Section):
    phone: str = Field("", description="the sanitary service's phone number")


class BoardingSettings(_Section):
    doctor_room: str = Field("", description="where the doctor room is, shown on referral")
    gate: str = Field("", description="this desk's gate or flight, shown on its screens")
    printer: str = Field(
        "", description="printer for referral slips; empty: PDFs in the data folder"
    )
    ticket_prefix: str = Field(
        "",
        description="the start of this desk's referral tickets (G7 → G7-001), unique in "
        "the venue; 1 to 8 letters or digits; empty: made from the desk id",
    )

    @field_validator("ticket_prefix")
    @classmethod
    def _short_word(cls, value: str) -> str:
        if value and not is_ticket_prefix(value):
            raise ValueError(f"1 to {PREFIX_MAX} letters or digits, e.g. G7 (or empty)")
        return value


class Settings(_Section):
    schema_version: int = Field(SCHEMA_VERSION, ge=1, le=SCHEMA_VERSION)
    venue: VenueSettings = VenueSettings()
    hours: HoursSettings = HoursSettings()
    service: ServiceSettings = ServiceSettings()
    policy: PolicySettings = PolicySettings()
    trust: TrustSettings = TrustSettings()
    screens: ScreensSettings = ScreensSettings()
    sounds: SoundsSettings = SoundsSettings()
    camera: CameraSettings = CameraSettings()
    decoder: DecoderSettings = DecoderSettings()
    scanner: ScannerSettings = ScannerSettings()
    data: DataSettings = DataSettings()
    pins: PinsSettings = PinsSettings()
    staff: StaffSettings = StaffSettings()
    ses: SesSettings = SesSettings()
    boarding: BoardingSettings = BoardingSettings()
    gate: GateSettings = GateSettings()

    @model_validator(mode="before")
    @classmethod
    def _older_display_section(cls, data: Any) -> Any:
        """`[display]` (first release) is read as `[screens]` and `[sounds]`."""
        if not isinstance(data, dict) or not isinstance(data.get("display"), dict):
            return data
        data = dict(data)
        display = dict(data.pop("display"))
        if "sounds" in display:
            sounds = dict(data.get("sounds") or {})
            sounds.setdefault("mute", not display.pop("sounds"))
            data["sounds"] = sounds
        screens = dict(data.get("screens") or {})
        for key, value in display.items():
            screens.setdefault(key, value)
        data["screens"] = screens
        return data


class SettingsError(Exception):
    """The settings file cannot be used; the message names the file and the key.

    `keys` holds the dotted keys of the values the schema refused, for a
    screen that points at them; empty when the file itself is the problem.
    """

    def __init__(self, message: str, keys: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.keys = keys


def find_config(explicit: str | None, env: dict[str, str] | None = None) -> Path:
    """The settings file to read, in the order of docs/architecture.md, section 8."""
    environ = os.environ if env is None else env
    if explicit:
        return Path(explicit)
    if environ.get(ENV_CONFIG):
        return Path(environ[ENV_CONFIG])
    user_file = user_config_file()
    if user_file.is_file():
        return user_file
    return DEFAULT_FILE


def user_config_file() -> Path:
    """config.toml in the user config directory (which may not exist yet)."""
    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def load_settings(explicit: str | None = None, env: dict[str, str] | None = None) -> Settings:
    path = find_config(explicit, env)
    return load_file(path)


MAX_FILE_BYTES = 1 << 20
"""A settings file is a few KiB; more than this is not one (`/dev/zero` never ends)."""


def load_file(path: Path) -> Settings:
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SettingsError(f"{path}: no such settings file") from None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise SettingsError(f"{path}: over {MAX_FILE_BYTES >> 20} MiB: not a settings file")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise SettingsError(f"{path}: arrays or tables nested too deeply") from None
    return parse_settings(data, source=str(path))


def parse_settings(data: dict[str, Any], *, source: str = "settings") -> Settings:
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        keys = tuple(".".join(str(part) for part in error["loc"]) for error in exc.errors())
        raise SettingsError(_explain(exc, source), keys) from None
    except RecursionError:
        raise SettingsError(f"{source}: values nested too deeply") from None


def settings_warnings(settings: Settings) -> tuple[str, ...]:
    """What is allowed but unwise, each naming its key (shown, never refused).

    A PIN hash records the fewest digits its PIN has (`hash-pin` writes it):
    a short PIN, or a hash too old to say, is worth a warning, because whoever
    reads this file can search all 4-digit PINs against the hash in minutes.
    """
    found = []
    for key in ("admin", "doctor"):
        stored = getattr(settings.pins, key)
        if not stored:
            continue
        short = short_pin(stored)
        if short:
            found.append(
                f"pins.{key}: the PIN has fewer than {RECOMMENDED_DIGITS} digits; whoever "
                "reads this file can find it from its hash in minutes (make a new hash of "
                f"a PIN of {RECOMMENDED_DIGITS} digits or more with `ashyq-kiosk hash-pin`)"
            )
        elif short is None:
            found.append(
                f"pins.{key}: a hash from before PIN lengths were recorded; if the PIN has "
                f"fewer than {RECOMMENDED_DIGITS} digits, make a new one with "
                "`ashyq-kiosk hash-pin`"
            )
    return tuple(found)


def _explain(exc: ValidationError, source: str) -> str:
    lines = [f"{source}: {exc.error_count()} problem(s):"]
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        if error["type"] == "extra_forbidden":
            lines.append(f"  {key}: unknown key; remove it or check its spelling")
        elif error["type"] == "missing":
            lines.append(f"  {key}: required; add it")
        else:
            got = error.get("input")
            shown = repr(got) if not isinstance(got, dict | list) else "…"
            lines.append(f"  {key}: {error['msg']} (got {shown})")
    return "\n".join(lines)


def closing_time(settings: Settings) -> dt.time | None:
    close = settings.hours.close
    return dt.time.fromisoformat(close) if close else None
