"""How values look on the wire: RFC 3339 times, UUIDs, BINs, JSON bodies."""

from __future__ import annotations

import json
import re
from typing import Any

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_BIN = re.compile(r"[0-9]{12}")
# Only a \uD800-\uDFFF escape makes a lone surrogate: a UTF-8 body cannot hold one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def canonical_uuid(text: object) -> str | None:
    """The lower-case 8-4-4-4-12 form of a UUID text, or None when it is not one."""
    if isinstance(text, str) and _UUID.fullmatch(text):
        return text.lower()
    return None


def is_bin(text: object) -> bool:
    """A venue BIN as the wire carries it: exactly 12 ASCII digits."""
    return isinstance(text, str) and _BIN.fullmatch(text) is not None


def is_text(value: object, *, low: int = 1, high: int) -> bool:
    """A string of *low* to *high* characters."""
    return isinstance(value, str) and low <= len(value) <= high


class BadJson(ValueError):
    """The body is not the JSON the endpoint needs."""


def _reject_constant(name: str) -> Any:
    raise BadJson(f"{name} is not JSON")


def load_json(body: bytes) -> Any:
    """Parse a request body; raise BadJson for anything that is not strict JSON."""
    if not body:
        raise BadJson("the body is empty")
    try:
        text = body.decode("utf-8")  # RFC 8259: JSON between systems is UTF-8
    except UnicodeDecodeError:
        raise BadJson("the body is not UTF-8 text") from None
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise BadJson("the JSON is nested too deeply") from None
    except BadJson:
        raise
    except ValueError as exc:  # JSONDecodeError, over-long integers
        raise BadJson(f"the body is not valid JSON ({exc})") from None
    if _SURROGATE_ESCAPE.search(text) is None:
        return value  # the text is UTF-8 and escapes none: no lone surrogate in it
    try:
        # "\ud800" escapes decode to lone surrogates, which SQLite and UTF-8 refuse
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BadJson("the JSON holds a lone surrogate, which is not text") from None
    except RecursionError:
        raise BadJson("the JSON is nested too deeply") from None
    return value


def dump_json(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
