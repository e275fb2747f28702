"""Text that may end up in a log file, with personal data taken out: any run of
digits that holds a valid IIN is masked as the screens mask it, and anything
that looks like a signed pass (a JWS: `eyJ…`) is replaced whole. The log's
formatter passes every line through :func:`redact`, whatever wrote it (an
exception's message can quote a URL with an IIN in it, or a scanned code)."""

from __future__ import annotations

import re

from kiosk.iin import is_valid_iin, mask_iin

_DIGITS = re.compile(r"\d{12,}")
_JWS = re.compile(r"eyJ[A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]*){0,2}")
PASS_MARK = "[pass]"


def redact(text: str) -> str:
    """*text* without IINs or passes."""
    if "eyJ" in text:
        text = _JWS.sub(PASS_MARK, text)
    return _DIGITS.sub(_masked_run, text)


def holds_iin(run: str) -> bool:
    """Whether any 12 consecutive digits of *run* make a valid IIN."""
    return any(is_valid_iin(run[i : i + 12]) for i in range(len(run) - 11))


def _masked_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if not holds_iin(run):
        return run  # a BIN, a count, a time stamp: not a person
    return mask_iin(run[-12:]) if len(run) == 12 else "•" * (len(run) - 4) + run[-4:]
