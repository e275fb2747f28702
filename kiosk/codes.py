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
    read_unverified,
    verify_pass,
)
from kiosk.reasons import CodeReason

MAX_CODE_LENGTH = 4096
_JWS_PREFIX = "eyJ"  # base64url of '{"': every JWS header starts so


class CodeKind(StrEnum):
    PASS = "pass"
    IIN = "iin"
    EXPIRED = "expired"
    INVALID = "invalid"
    UNVERIFIED_PASS = "unverified_pass"  # a pass whose key could not be had: an IIN, no status


@dataclass(frozen=True)
class ParsedCode:
    """A decoded code as the kiosk understands it."""

    kind: CodeKind
    iin: str | None = None
    visitor_pass: VisitorPass | None = None
    reason: CodeReason | None = None

    def describe(self) -> dict[str, object]:
        """A JSON-ready summary without the raw IIN."""
        out: dict[str, object] = {"kind": self.kind.value}
        if self.reason:
            out["reason"] = self.reason.value
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
    except Exception:  # a parser bug must not take down the desk
        return ParsedCode(CodeKind.INVALID, reason=CodeReason.UNREADABLE)


def _parse(text: str, trust: TrustList, *, now: float, skew: float) -> ParsedCode:
    if not isinstance(text, str):
        return ParsedCode(CodeKind.INVALID, reason=CodeReason.UNKNOWN_FORMAT)
    if len(text) > MAX_CODE_LENGTH:
        return ParsedCode(CodeKind.INVALID, reason=CodeReason.TOO_LONG)
    # Scanners end a read with CR/LF/Tab; phones sometimes pad with spaces.
    text = text.strip()
    if not text:
        return ParsedCode(CodeKind.INVALID, reason=CodeReason.EMPTY)
    if text.startswith(_JWS_PREFIX) and text.count(".") == 2:
        try:
            visitor_pass = verify_pass(text, trust, now=now, skew=skew)
        except PassRejected as exc:
            kind = CodeKind.EXPIRED if exc.problem is PassProblem.EXPIRED else CodeKind.INVALID
            return ParsedCode(kind, reason=CodeReason.of_pass(exc.problem))
        return ParsedCode(CodeKind.PASS, iin=visitor_pass.iin, visitor_pass=visitor_pass)
    if len(text) == IIN_LENGTH and text.isascii() and text.isdigit():
        try:
            parse_iin(text)
        except InvalidIin as exc:
            return ParsedCode(CodeKind.INVALID, reason=CodeReason.of_iin(exc.problem))
        return ParsedCode(CodeKind.IIN, iin=text)
    return ParsedCode(CodeKind.INVALID, reason=CodeReason.UNKNOWN_FORMAT)


def parse_unverified(text: str, *, now: float, skew: float = DEFAULT_SKEW) -> ParsedCode:
    """A pass signed by a key the desk cannot get now: the person it names, as an
    unverified visit (`unknown_key` says why), or why it is not even that."""
    try:
        claims = read_unverified(text.strip(), now=now, skew=skew)
    except PassRejected as exc:
        kind = CodeKind.EXPIRED if exc.problem is PassProblem.EXPIRED else CodeKind.INVALID
        return ParsedCode(kind, reason=CodeReason.of_pass(exc.problem))
    except Exception:  # a parser bug must not take down the desk
        return ParsedCode(CodeKind.INVALID, reason=CodeReason.UNREADABLE)
    return ParsedCode(CodeKind.UNVERIFIED_PASS, iin=claims.iin, reason=CodeReason.UNKNOWN_KEY)
