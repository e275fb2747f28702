"""What a decoded code is: a signed pass, a bare IIN, or invalid (with why)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.iin import IIN_LENGTH, InvalidIin, parse_iin
from kiosk.passes import (
    DEFAULT_SKEW,
    PassProblem,
    PassRejected,
    TrustList,
    VisitorPass,
    verify_pass,
)

MAX_CODE_LENGTH = 4096
_JWS_PREFIX = "eyJ"  # base64url of '{"': every JWS header starts so


class CodeKind(StrEnum):
    PASS = "pass"
    IIN = "iin"
    EXPIRED = "expired"
    INVALID = "invalid"


class CodeProblem(StrEnum):
    """Why a code is invalid (pass problems are reported by their own names)."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    UNKNOWN_FORMAT = "unknown_format"


@dataclass(frozen=True)
class ParsedCode:
    """A decoded code as the kiosk understands it."""

    kind: CodeKind
    iin: str | None = None
    visitor_pass: VisitorPass | None = None
    reason: str | None = None

    def describe(self) -> dict[str, object]:
        """A JSON-ready summary without the raw IIN."""
        out: dict[str, object] = {"kind": self.kind.value}
        if self.reason:
            out["reason"] = self.reason
        if self.visitor_pass is not None:
            out["status"] = self.visitor_pass.status.value
            out["kid"] = self.visitor_pass.kid
            out["expires_at"] = self.visitor_pass.expires_at
        return out


def parse_code(
    text: str, trust: TrustList, *, now: float, skew: float = DEFAULT_SKEW
) -> ParsedCode:
    """Classify decoded *text*. Never raises, whatever the text."""
    try:
        return _parse(text, trust, now=now, skew=skew)
    except Exception as exc:  # a parser bug must not take down the desk
        return ParsedCode(CodeKind.INVALID, reason=f"unreadable: {type(exc).__name__}")


def _parse(text: str, trust: TrustList, *, now: float, skew: float) -> ParsedCode:
    if not isinstance(text, str):
        return ParsedCode(CodeKind.INVALID, reason=CodeProblem.UNKNOWN_FORMAT.value)
    if len(text) > MAX_CODE_LENGTH:
        return ParsedCode(CodeKind.INVALID, reason=CodeProblem.TOO_LONG.value)
    # Scanners end a read with CR/LF/Tab; phones sometimes pad with spaces.
    text = text.strip()
    if not text:
        return ParsedCode(CodeKind.INVALID, reason=CodeProblem.EMPTY.value)
    if text.startswith(_JWS_PREFIX) and text.count(".") == 2:
        try:
            visitor_pass = verify_pass(text, trust, now=now, skew=skew)
        except PassRejected as exc:
            kind = CodeKind.EXPIRED if exc.problem is PassProblem.EXPIRED else CodeKind.INVALID
            return ParsedCode(kind, reason=exc.problem.value)
        return ParsedCode(CodeKind.PASS, iin=visitor_pass.iin, visitor_pass=visitor_pass)
    if len(text) == IIN_LENGTH and text.isascii() and text.isdigit():
        try:
            parse_iin(text)
        except InvalidIin as exc:
            return ParsedCode(CodeKind.INVALID, reason=f"iin_{exc.problem.value}")
        return ParsedCode(CodeKind.IIN, iin=text)
    return ParsedCode(CodeKind.INVALID, reason=CodeProblem.UNKNOWN_FORMAT.value)
