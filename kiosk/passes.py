"""Signed visitor passes: JWS compact, EdDSA over Ed25519, verifiable offline."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import jwt
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kiosk.iin import InvalidIin, parse_iin
from kiosk.status import Status, parse_status

ALGORITHM = "EdDSA"
_URLSAFE = bytes.maketrans(b"-_", b"+/")
_COMPACT = re.compile(r"[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]*={0,2}\.[A-Za-z0-9_-]*={0,2}")
DEFAULT_LIFETIME = 300
DEFAULT_SKEW = 120


class PassProblem(StrEnum):
    """Why a pass was not accepted."""

    MALFORMED = "malformed_pass"
    BAD_ALGORITHM = "bad_algorithm"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    MISSING_CLAIM = "missing_claim"
    NOT_YET_VALID = "issued_in_future"
    EXPIRED = "expired"
    BAD_SUBJECT = "bad_iin"
    BAD_STATUS = "bad_status"


class PassRejected(ValueError):
    """The pass failed verification; `problem` says why."""

    def __init__(self, problem: PassProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class VisitorPass:
    """The verified claims of a visitor pass."""

    iin: str
    status: Status
    status_valid_until: float | None
    issued_at: float
    expires_at: float
    issuer: str
    kid: str
    name: str | None = None


class TrustList:
    """The public keys that may sign passes, by key id."""

    def __init__(self, keys: Mapping[str, Ed25519PublicKey] | None = None) -> None:
        self._keys: dict[str, Ed25519PublicKey] = dict(keys or {})

    @classmethod
    def from_jwks(cls, jwks: Mapping[str, Any]) -> TrustList:
        """Build from a JWKS document; keys that are not Ed25519 are left out."""
        keys: dict[str, Ed25519PublicKey] = {}
        entries = jwks.get("keys", [])
        if not isinstance(entries, list):
            raise ValueError("JWKS 'keys' must be a list")
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            if entry.get("kty") != "OKP" or entry.get("crv") != "Ed25519":
                continue
            kid, x = entry.get("kid"), entry.get("x")
            if not isinstance(kid, str) or not isinstance(x, str):
                continue
            try:
                keys[kid] = Ed25519PublicKey.from_public_bytes(_b64url_decode(x))
            except ValueError:
                continue
        return cls(keys)

    def to_jwks(self) -> dict[str, Any]:
        return {"keys": [public_jwk(key, kid) for kid, key in sorted(self._keys.items())]}

    def key(self, kid: str) -> Ed25519PublicKey | None:
        return self._keys.get(kid)

    @property
    def kids(self) -> tuple[str, ...]:
        return tuple(sorted(self._keys))

    def __len__(self) -> int:
        return len(self._keys)


def public_jwk(key: Ed25519PublicKey, kid: str) -> dict[str, str]:
    """The JWK (RFC 8037) of an Ed25519 public key."""
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url_encode(raw), "kid": kid, "alg": ALGORITHM}


def key_id(key: Ed25519PublicKey) -> str:
    """A stable key id: the start of the SHA-256 of the raw public key."""
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def sign_pass(
    private_key: Ed25519PrivateKey,
    kid: str,
    *,
    iin: str,
    status: Status,
    issued_at: float,
    status_valid_until: float | None = None,
    lifetime: float = DEFAULT_LIFETIME,
    issuer: str = "ashyq-sandbox",
    name: str | None = None,
) -> str:
    """Sign a pass (the issuer's side: the sandbox, demos and tests)."""
    claims: dict[str, Any] = {
        "iss": issuer,
        "sub": iin,
        "st": status.value,
        "iat": int(issued_at),
        "exp": int(issued_at + lifetime),
    }
    if status_valid_until is not None:
        claims["sv"] = int(status_valid_until)
    if name:
        claims["nm"] = name
    return jwt.encode(claims, private_key, algorithm=ALGORITHM, headers={"kid": kid})


def verify_pass(
    text: str, trust: TrustList, *, now: float, skew: float = DEFAULT_SKEW
) -> VisitorPass:
    """Verify a pass against the trust list at time *now*; raise PassRejected."""
    header = _unverified_header(text)
    if header.get("alg") != ALGORITHM:
        raise PassRejected(PassProblem.BAD_ALGORITHM, repr(header.get("alg")))
    kid = header.get("kid")
    key = trust.key(kid) if isinstance(kid, str) else None
    if key is None or not isinstance(kid, str):
        raise PassRejected(PassProblem.UNKNOWN_KEY, repr(kid))
    return _claims_to_pass(_verified_claims(text, header, key), kid, now=now, skew=skew)


def read_unverified(text: str, *, now: float, skew: float = DEFAULT_SKEW) -> VisitorPass:
    """The claims of a pass whose key the desk cannot get (offline, a key rotated
    in since the last fetch), checked in every way but the signature: an EdDSA
    header with a key id, a valid IIN, times that fit. Nothing in it is proven,
    so it names a person to ask staff about, never a status to act on; raise
    PassRejected for a pass that fails the checks it can have.
    """
    header = _unverified_header(text)
    if header.get("alg") != ALGORITHM:
        raise PassRejected(PassProblem.BAD_ALGORITHM, repr(header.get("alg")))
    kid = header.get("kid")
    if not isinstance(kid, str) or "crit" in header or "b64" in header:
        raise PassRejected(PassProblem.MALFORMED, "no key id, or an unsupported header")
    if not _b64url_is_signature(text.rpartition(".")[2]):
        raise PassRejected(PassProblem.BAD_SIGNATURE)
    claims = _json_segment(text.split(".")[1], "payload")
    return _claims_to_pass(claims, kid, now=now, skew=skew)


def _b64url_is_signature(segment: str) -> bool:
    """Whether *segment* is base64url of the 64 bytes an Ed25519 signature has."""
    try:
        return len(_b64url_decode(segment)) == 64
    except ValueError:
        return False


def _unverified_header(text: str) -> dict[str, Any]:
    """The JWS header of a compact token (three base64url segments), not yet
    trusted: it only picks the key and names the algorithm; the signature,
    which covers it, is checked next."""
    if not _COMPACT.fullmatch(text):
        raise PassRejected(PassProblem.MALFORMED, "not three base64url segments")
    return _json_segment(text.partition(".")[0], "header")


def _verified_claims(text: str, header: dict[str, Any], key: Ed25519PublicKey) -> dict[str, Any]:
    """The payload of a JWS whose header says EdDSA, once its Ed25519 signature holds.

    The verification is the key's own: the header only picked the key, and
    only EdDSA was accepted, so no `none`, HMAC or other algorithm can be
    slipped in. Extensions the kiosk does not implement (`crit`, an unencoded
    payload `b64`) are refused rather than ignored. (PyJWT did the same with
    twice the work: a fifth of a check-in's time at the desk.)
    """
    if "crit" in header or "b64" in header:
        raise PassRejected(PassProblem.MALFORMED, "unsupported JWS header extension")
    signing_input, _, signature = text.rpartition(".")
    try:
        key.verify(_b64url_decode(signature), signing_input.encode("ascii"))
    except (InvalidSignature, ValueError):  # ValueError: not base64
        raise PassRejected(PassProblem.BAD_SIGNATURE) from None
    return _json_segment(signing_input.partition(".")[2], "payload")


def _json_segment(segment: str, what: str) -> dict[str, Any]:
    """The JSON object a base64url segment of the token holds (*what*: its name)."""
    try:
        value = json.loads(_b64url_decode(segment))
    except (ValueError, UnicodeError) as exc:  # binascii.Error is a ValueError
        raise PassRejected(PassProblem.MALFORMED, f"invalid {what}: {exc}") from None
    if not isinstance(value, dict):
        raise PassRejected(PassProblem.MALFORMED, f"invalid {what}: not an object")
    return value


def _claims_to_pass(claims: dict[str, Any], kid: str, *, now: float, skew: float) -> VisitorPass:
    iat, exp, sub = _number(claims.get("iat")), _number(claims.get("exp")), claims.get("sub")
    if iat is None or exp is None or not isinstance(sub, str):
        raise PassRejected(PassProblem.MISSING_CLAIM, "iat, exp and sub are required")
    if "st" not in claims:
        raise PassRejected(PassProblem.MISSING_CLAIM, "st is required")
    if exp < iat:
        raise PassRejected(PassProblem.MALFORMED, "exp before iat")
    if iat > now + skew:
        raise PassRejected(PassProblem.NOT_YET_VALID)
    if now > exp + skew:
        raise PassRejected(PassProblem.EXPIRED)
    try:
        parse_iin(sub)
    except InvalidIin as exc:
        raise PassRejected(PassProblem.BAD_SUBJECT, exc.problem.value) from None
    status = parse_status(claims["st"])
    if status is None:
        raise PassRejected(PassProblem.BAD_STATUS, repr(claims["st"]))
    sv = _number(claims.get("sv"))
    name = claims.get("nm")
    issuer = claims.get("iss")
    return VisitorPass(
        iin=sub,
        status=status,
        status_valid_until=sv,
        issued_at=iat,
        expires_at=exp,
        issuer=issuer if isinstance(issuer, str) else "",
        kid=kid,
        name=name if isinstance(name, str) and name else None,
    )


def _number(value: object) -> float | None:
    # JSON lets through NaN, Infinity and ints beyond float range; NaN and
    # Infinity would slip past every time comparison, so they are no number.
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:
            return None
        return number if math.isfinite(number) else None
    return None


def _b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    """Base64url with or without its `=` padding (JWS leaves it out); ValueError if not.

    What `base64.urlsafe_b64decode` does, without its layers of checks and
    copies: a scan decodes three segments.
    """
    data = text.rstrip("=").encode("ascii").translate(_URLSAFE)
    return binascii.a2b_base64(data + b"=" * (-len(data) % 4))
