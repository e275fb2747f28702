"""Signed visitor passes: what is accepted, and why everything else is rejected."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed448, rsa, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given
from hypothesis import strategies as st

from kiosk.passes import (
    ALGORITHM,
    DEFAULT_LIFETIME,
    DEFAULT_SKEW,
    PassProblem,
    PassRejected,
    TrustList,
    VisitorPass,
    key_id,
    public_jwk,
    sign_pass,
    verify_pass,
)
from kiosk.status import Status

NOW = 1_700_000_000
KID = "k1"
IIN = "900101300017"  # hand-checked in test_iin.py
OTHER_IIN = "851231200059"
SIGNER = Ed25519PrivateKey.generate()
TRUST = TrustList.from_jwks({"keys": [public_jwk(SIGNER.public_key(), KID)]})
RAW_PUBLIC = SIGNER.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def claims(**changes: Any) -> dict[str, Any]:
    """Good claims at NOW; a value of ... removes the claim."""
    out: dict[str, Any] = {
        "iss": "test-issuer",
        "sub": IIN,
        "st": "green",
        "iat": NOW,
        "exp": NOW + DEFAULT_LIFETIME,
    }
    out.update(changes)
    return {k: v for k, v in out.items() if v is not ...}


def craft(
    body: dict[str, Any] | bytes,
    header: dict[str, Any] | None = None,
    key: Ed25519PrivateKey = SIGNER,
) -> str:
    """A JWS signed by hand (no PyJWT): header and payload exactly as given."""
    head = b64url(json.dumps({"alg": "EdDSA", "kid": KID} if header is None else header).encode())
    payload = b64url(body if isinstance(body, bytes) else json.dumps(body).encode())
    signing_input = f"{head}.{payload}"
    return f"{signing_input}.{b64url(key.sign(signing_input.encode('ascii')))}"


def hmac_token(header: dict[str, Any], body: dict[str, Any], secret: bytes) -> str:
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(body).encode())}"
    mac = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


def rejected(text: str, trust: TrustList = TRUST, now: float = NOW, **kw: float) -> PassRejected:
    with pytest.raises(PassRejected) as info:
        verify_pass(text, trust, now=now, **kw)
    assert isinstance(info.value, ValueError)
    assert str(info.value).startswith(info.value.problem.value)
    return info.value


def good_pass(**kw: Any) -> str:
    return sign_pass(SIGNER, KID, iin=IIN, status=Status.GREEN, issued_at=NOW, **kw)


# --- accepted ---


def test_signed_pass_verifies() -> None:
    token = sign_pass(
        SIGNER, KID, iin=IIN, status=Status.YELLOW, issued_at=NOW, issuer="ashyq-test"
    )
    header = jwt.get_unverified_header(token)
    assert header["alg"] == ALGORITHM == "EdDSA"
    assert header["kid"] == KID
    assert verify_pass(token, TRUST, now=NOW + 10) == VisitorPass(
        iin=IIN,
        status=Status.YELLOW,
        status_valid_until=None,
        issued_at=NOW,
        expires_at=NOW + DEFAULT_LIFETIME,
        issuer="ashyq-test",
        kid=KID,
        name=None,
    )


def test_hand_signed_pass_verifies() -> None:
    """A pass made without PyJWT or sign_pass: the format is the RFC, not the library."""
    token = craft(claims(st="red", sub=OTHER_IIN))
    verified = verify_pass(token, TRUST, now=NOW)
    assert (verified.iin, verified.status, verified.issuer) == (
        OTHER_IIN,
        Status.RED,
        "test-issuer",
    )


def test_optional_name_and_status_validity_are_parsed() -> None:
    token = good_pass(status_valid_until=NOW + 3 * 86400, name="Бекболат М.")
    verified = verify_pass(token, TRUST, now=NOW)
    assert verified.name == "Бекболат М."
    assert verified.status_valid_until == NOW + 3 * 86400
    assert "nm" not in jwt.decode(good_pass(), options={"verify_signature": False})


@pytest.mark.parametrize("name", ["", 123, None, ["Б"]])
def test_name_that_is_not_a_non_empty_string_is_dropped(name: object) -> None:
    assert verify_pass(craft(claims(nm=name)), TRUST, now=NOW).name is None


def test_issuer_missing_is_empty() -> None:
    assert verify_pass(craft(claims(iss=...)), TRUST, now=NOW).issuer == ""


# --- signature ---


def test_tampered_payload_is_bad_signature() -> None:
    head, payload, signature = sign_pass(
        SIGNER, KID, iin=IIN, status=Status.RED, issued_at=NOW
    ).split(".")
    body = json.loads(b64url_decode(payload))
    assert body["st"] == "red"
    for change in ({"st": "green"}, {"sub": OTHER_IIN}, {"exp": NOW + 10**6}):
        forged = b64url(json.dumps({**body, **change}).encode())
        assert rejected(f"{head}.{forged}.{signature}").problem is PassProblem.BAD_SIGNATURE


def test_tampered_header_is_bad_signature() -> None:
    _, payload, signature = good_pass().split(".")
    head = b64url(json.dumps({"alg": "EdDSA", "kid": KID, "typ": "JWT", "x": 1}).encode())
    assert rejected(f"{head}.{payload}.{signature}").problem is PassProblem.BAD_SIGNATURE


def test_tampered_signature_is_bad_signature() -> None:
    head, payload, signature = good_pass().split(".")
    assert len(signature) == 86  # 64 bytes
    # Flip characters in the middle: the last one carries 4 padding bits that a
    # base64 decoder may ignore, so it would not be a real change.
    for index in (0, 20, 43, 80):
        char = "B" if signature[index] != "B" else "C"
        forged = signature[:index] + char + signature[index + 1 :]
        token = f"{head}.{payload}.{forged}"
        assert rejected(token).problem is PassProblem.BAD_SIGNATURE, index


def test_signature_by_another_key_under_a_trusted_kid_is_bad_signature() -> None:
    impostor = Ed25519PrivateKey.generate()
    token = sign_pass(impostor, KID, iin=IIN, status=Status.GREEN, issued_at=NOW)
    assert rejected(token).problem is PassProblem.BAD_SIGNATURE


@pytest.mark.parametrize(
    "extension", [{"crit": ["exp"], "exp": 1}, {"b64": False, "crit": ["b64"]}, {"b64": True}]
)
def test_header_extensions_the_kiosk_does_not_implement_are_refused(
    extension: dict[str, Any],
) -> None:
    """Signed and otherwise good, but a verifier that ignored `crit` or an
    unencoded payload (RFC 7797) would read something other than was signed."""
    token = craft(claims(), header={"alg": "EdDSA", "kid": KID, **extension})
    assert rejected(token).problem is PassProblem.MALFORMED


def test_a_padded_signature_verifies_and_padding_inside_the_signed_part_does_not() -> None:
    """Some issuers pad base64url; the signature covers the segments as sent."""
    head, payload, signature = craft(claims()).split(".")
    assert len(signature) % 4 == 2
    assert verify_pass(f"{head}.{payload}.{signature}==", TRUST, now=NOW).iin == IIN
    padded = payload + "=" * (-len(payload) % 4)
    if padded != payload:
        assert rejected(f"{head}.{padded}.{signature}").problem is PassProblem.BAD_SIGNATURE


def test_segments_signed_with_their_padding_verify() -> None:
    """An issuer that pads every segment signs the padded text: that verifies."""
    head = b64url(json.dumps({"alg": "EdDSA", "kid": KID}).encode())
    payload = b64url(json.dumps(claims(nm="Aa")).encode())
    padded = [part + "=" * (-len(part) % 4) for part in (head, payload)]
    assert padded != [head, payload]
    signing_input = ".".join(padded)
    signature = b64url(SIGNER.sign(signing_input.encode("ascii")))
    token = f"{signing_input}.{signature}{'=' * (-len(signature) % 4)}"
    assert verify_pass(token, TRUST, now=NOW).name == "Aa"


def test_a_padded_key_in_the_jwks_is_read() -> None:
    jwk = public_jwk(SIGNER.public_key(), KID)
    jwk["x"] += "=" * (-len(jwk["x"]) % 4)
    assert TrustList.from_jwks({"keys": [jwk]}).kids == (KID,)


def test_a_segment_that_is_no_json_object_is_named() -> None:
    header_not_object = f"{b64url(b'[1]')}.{b64url(b'{}')}."
    assert rejected(header_not_object).detail == "invalid header: not an object"
    assert rejected(craft(b"[1, 2]")).detail == "invalid payload: not an object"
    assert rejected(craft(b"not json")).detail.startswith("invalid payload: ")


@pytest.mark.parametrize("signature", ["", "AAAA", b64url(bytes(64)), b64url(bytes(63))])
def test_missing_or_wrong_size_signature_is_rejected(signature: str) -> None:
    head, payload, _ = good_pass().split(".")
    problem = rejected(f"{head}.{payload}.{signature}").problem
    assert problem in (PassProblem.BAD_SIGNATURE, PassProblem.MALFORMED)


# --- keys ---


def test_unknown_kid() -> None:
    token = sign_pass(SIGNER, "not-trusted", iin=IIN, status=Status.GREEN, issued_at=NOW)
    error = rejected(token)
    assert error.problem is PassProblem.UNKNOWN_KEY
    assert "not-trusted" in error.detail


def test_missing_kid() -> None:
    assert rejected(craft(claims(), {"alg": "EdDSA"})).problem is PassProblem.UNKNOWN_KEY


@pytest.mark.parametrize("kid", [None, 1, ["k1"], {"k": "k1"}])
def test_kid_that_is_not_a_string_is_rejected(kid: object) -> None:
    problem = rejected(craft(claims(), {"alg": "EdDSA", "kid": kid})).problem
    assert problem in (PassProblem.UNKNOWN_KEY, PassProblem.MALFORMED)


def test_empty_trust_list_accepts_nothing() -> None:
    assert rejected(good_pass(), TrustList()).problem is PassProblem.UNKNOWN_KEY


# --- algorithms ---


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE", "", None])
def test_unsigned_alg_none_token_is_bad_algorithm(alg: str | None) -> None:
    head = b64url(json.dumps({"alg": alg, "kid": KID}).encode())
    payload = b64url(json.dumps(claims()).encode())
    for token in (f"{head}.{payload}.", f"{head}.{payload}.{b64url(b'x')}"):
        assert rejected(token).problem is PassProblem.BAD_ALGORITHM


def test_missing_alg_is_bad_algorithm() -> None:
    assert rejected(craft(claims(), {"kid": KID})).problem is PassProblem.BAD_ALGORITHM


@pytest.mark.parametrize(
    "secret",
    [
        pytest.param(RAW_PUBLIC, id="raw-public-key"),
        pytest.param(public_jwk(SIGNER.public_key(), KID)["x"].encode(), id="jwk-x"),
        pytest.param(
            SIGNER.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo),
            id="pem",
        ),
    ],
)
@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512"])
def test_hmac_signed_with_the_public_key_is_bad_algorithm(secret: bytes, alg: str) -> None:
    """The classic confusion: an attacker MACs with the (public) verification key."""
    token = hmac_token({"alg": alg, "kid": KID}, claims(st="green"), secret)
    assert rejected(token).problem is PassProblem.BAD_ALGORITHM


def test_other_asymmetric_algorithms_are_bad_algorithm() -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    trust = TrustList.from_jwks(
        {
            "keys": [
                public_jwk(SIGNER.public_key(), KID),
                {
                    **jwt.algorithms.ECAlgorithm.to_jwk(ec_key.public_key(), as_dict=True),
                    "kid": "ec",
                },
                {
                    **jwt.algorithms.RSAAlgorithm.to_jwk(rsa_key.public_key(), as_dict=True),
                    "kid": "rsa",
                },
            ]
        }
    )
    assert trust.kids == (KID,)
    tokens = [
        jwt.encode(claims(), ec_key, algorithm="ES256", headers={"kid": "ec"}),
        jwt.encode(claims(), ec_key, algorithm="ES256", headers={"kid": KID}),
        jwt.encode(claims(), rsa_key, algorithm="RS256", headers={"kid": "rsa"}),
        jwt.encode(claims(), rsa_key, algorithm="PS256", headers={"kid": KID}),
        # An Ed25519 signature that claims another algorithm is still refused.
        craft(claims(), {"alg": "ES256", "kid": KID}),
        craft(claims(), {"alg": "RS256", "kid": KID}),
        craft(claims(), {"alg": "eddsa", "kid": KID}),
    ]
    for token in tokens:
        assert rejected(token, trust).problem is PassProblem.BAD_ALGORITHM


# --- time ---


def test_expired() -> None:
    token = sign_pass(SIGNER, KID, iin=IIN, status=Status.GREEN, issued_at=NOW - 10_000)
    assert rejected(token).problem is PassProblem.EXPIRED


def test_expiry_skew_boundary() -> None:
    token = good_pass()
    exp = NOW + DEFAULT_LIFETIME
    assert verify_pass(token, TRUST, now=exp + DEFAULT_SKEW - 1).expires_at == exp
    assert verify_pass(token, TRUST, now=exp + DEFAULT_SKEW).expires_at == exp
    assert rejected(token, now=exp + DEFAULT_SKEW + 1).problem is PassProblem.EXPIRED
    assert verify_pass(token, TRUST, now=exp, skew=0).expires_at == exp
    assert rejected(token, now=exp + 1, skew=0).problem is PassProblem.EXPIRED


def test_issued_in_future() -> None:
    token = sign_pass(SIGNER, KID, iin=IIN, status=Status.GREEN, issued_at=NOW + 3600)
    assert rejected(token).problem is PassProblem.NOT_YET_VALID
    assert PassProblem.NOT_YET_VALID.value == "issued_in_future"


def test_issued_at_skew_boundary() -> None:
    token = good_pass()
    assert verify_pass(token, TRUST, now=NOW - DEFAULT_SKEW + 1).issued_at == NOW
    assert verify_pass(token, TRUST, now=NOW - DEFAULT_SKEW).issued_at == NOW
    error = rejected(token, now=NOW - DEFAULT_SKEW - 1)
    assert error.problem is PassProblem.NOT_YET_VALID
    assert rejected(token, now=NOW - 1, skew=0).problem is PassProblem.NOT_YET_VALID


def test_exp_before_iat_is_malformed() -> None:
    assert rejected(craft(claims(exp=NOW - 1))).problem is PassProblem.MALFORMED


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(b'{"sub":"900101300017","st":"green","iat":1700000000,"exp":NaN}', id="nan"),
        pytest.param(
            b'{"sub":"900101300017","st":"green","iat":1700000000,"exp":Infinity}', id="inf"
        ),
        pytest.param(b'{"sub":"900101300017","st":"green","iat":NaN,"exp":1700000300}', id="iat"),
        pytest.param(
            b'{"sub":"900101300017","st":"green","iat":1700000000,"exp":1' + b"0" * 400 + b"}",
            id="huge-int",
        ),
    ],
)
def test_non_finite_times_are_rejected(payload: bytes) -> None:
    # Regression: NaN and Infinity (which JSON parsers let through) slipped past the
    # expiry comparisons, so such a pass never expired; a huge int raised OverflowError.
    assert rejected(craft(payload), now=NOW + 10**9).problem is PassProblem.MISSING_CLAIM


def test_non_finite_status_validity_is_dropped() -> None:
    body = b'{"sub":"900101300017","st":"green","iat":1700000000,"exp":1700000300,"sv":NaN}'
    assert verify_pass(craft(body), TRUST, now=NOW).status_valid_until is None


# --- claims ---


@pytest.mark.parametrize(
    ("sub", "iin_problem"),
    [
        ("900101300018", "checksum"),
        ("90010130001", "length"),
        ("90010130001x", "non_digit"),
        ("٩٠٠١٠١٣٠٠٠١٧", "non_digit"),
        ("900230300017", "date"),
        ("", "length"),
    ],
)
def test_bad_subject(sub: str, iin_problem: str) -> None:
    error = rejected(craft(claims(sub=sub)))
    assert error.problem is PassProblem.BAD_SUBJECT
    assert error.problem.value == "bad_iin"
    assert error.detail == iin_problem


@pytest.mark.parametrize("status", ["purple", 1, None, "GREEN", "", ["green"], True])
def test_bad_status(status: object) -> None:
    assert rejected(craft(claims(st=status))).problem is PassProblem.BAD_STATUS


@pytest.mark.parametrize("missing", ["exp", "iat", "sub", "st"])
def test_missing_claim(missing: str) -> None:
    assert rejected(craft(claims(**{missing: ...}))).problem is PassProblem.MISSING_CLAIM


@pytest.mark.parametrize(
    "change",
    [{"iat": str(NOW)}, {"exp": None}, {"iat": True}, {"exp": [NOW]}],
)
def test_times_that_are_not_numbers_are_missing(change: dict[str, Any]) -> None:
    assert rejected(craft(claims(**change))).problem is PassProblem.MISSING_CLAIM


def test_float_times_are_accepted() -> None:
    verified = verify_pass(craft(claims(iat=NOW + 0.5, exp=NOW + 300.5)), TRUST, now=NOW)
    assert (verified.issued_at, verified.expires_at) == (NOW + 0.5, NOW + 300.5)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "a.b.c",
        "a.b",
        "eyJ.eyJ.x",
        "eyJhbGciOiJFZERTQSJ9",
        "eyJhbGciOiJFZERTQSJ9.",
        f"{b64url(b'[1]')}.{b64url(b'{}')}.",
        f"{b64url(b'not json')}.{b64url(b'{}')}.",
        "eyJ\ud800.a.b",  # a lone surrogate: cannot even be encoded
        "eyJhbGciOiJFZERTQSJ9.\x00.x",
        "\x00" * 64,
    ],
)
def test_garbage_is_malformed(text: str) -> None:
    assert rejected(text).problem is PassProblem.MALFORMED


@pytest.mark.parametrize("payload", [b"[1, 2]", b"not json", b'"string"', b"", b"\xff\xfe"])
def test_signed_payload_that_is_not_a_json_object_is_malformed(payload: bytes) -> None:
    assert rejected(craft(payload)).problem is PassProblem.MALFORMED


# --- trust list ---


def test_jwks_keeps_only_ed25519_keys() -> None:
    good = public_jwk(SIGNER.public_key(), KID)
    other = public_jwk(Ed25519PrivateKey.generate().public_key(), "k2")
    jwks = {
        "keys": [
            good,
            {
                **jwt.algorithms.RSAAlgorithm.to_jwk(
                    rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key(),
                    as_dict=True,
                ),
                "kid": "rsa",
            },
            {
                **jwt.algorithms.ECAlgorithm.to_jwk(
                    ec.generate_private_key(ec.SECP256R1()).public_key(), as_dict=True
                ),
                "kid": "ec",
            },
            {
                **jwt.algorithms.OKPAlgorithm.to_jwk(
                    ed448.Ed448PrivateKey.generate().public_key(), as_dict=True
                ),
                "kid": "ed448",
            },
            {
                "kty": "OKP",
                "crv": "X25519",  # 32 bytes too: only the curve name tells it apart
                "x": b64url(
                    x25519.X25519PrivateKey.generate()
                    .public_key()
                    .public_bytes(Encoding.Raw, PublicFormat.Raw)
                ),
                "kid": "x25519",
            },
            {**good, "kid": "no-curve", "crv": None},
            {**good, "kid": "ec-kty", "kty": "EC"},
            {"kty": "oct", "k": b64url(b"secret"), "kid": "hmac"},
            {**good, "kid": "short", "x": b64url(RAW_PUBLIC[:31])},
            {**good, "kid": "not-b64", "x": "!!!"},
            {**good, "kid": 7},
            {key: value for key, value in good.items() if key != "kid"},
            {key: value for key, value in good.items() if key != "x"},
            "not a dict",
            None,
            other,
        ]
    }
    trust = TrustList.from_jwks(jwks)
    assert trust.kids == (KID, "k2")
    assert len(trust) == 2
    assert trust.key("rsa") is None
    assert verify_pass(good_pass(), trust, now=NOW).kid == KID


def test_jwks_without_keys_is_empty_and_non_list_keys_is_an_error() -> None:
    assert len(TrustList.from_jwks({})) == 0
    assert len(TrustList.from_jwks({"keys": []})) == 0
    with pytest.raises(ValueError, match="list"):
        TrustList.from_jwks({"keys": {"k1": public_jwk(SIGNER.public_key(), KID)}})


def test_jwks_round_trip_and_key_id() -> None:
    jwk = public_jwk(SIGNER.public_key(), KID)
    assert jwk == {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": b64url(RAW_PUBLIC),
        "kid": KID,
        "alg": "EdDSA",
    }
    again = TrustList.from_jwks(json.loads(json.dumps(TRUST.to_jwks())))
    assert again.kids == TRUST.kids
    assert verify_pass(good_pass(), again, now=NOW).iin == IIN
    kid = key_id(SIGNER.public_key())
    assert kid == hashlib.sha256(RAW_PUBLIC).hexdigest()[:16]
    assert kid != key_id(Ed25519PrivateKey.generate().public_key())


# --- properties ---

JSON_SCALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**400)
    | st.floats()
    | st.text(max_size=20)
)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
TIME = st.integers(NOW - 1000, NOW + 1000) | st.floats() | JSON_VALUE
SUB = st.sampled_from([IIN, OTHER_IIN, "900101300018"]) | JSON_VALUE
STATUS = st.sampled_from([s.value for s in Status]) | JSON_VALUE
OTHER_CLAIMS = {
    "sv": TIME,
    "nm": JSON_VALUE,
    "iss": JSON_VALUE,
    "nbf": JSON_VALUE,
    "aud": JSON_VALUE,
    "jti": JSON_VALUE,
}
CLAIMS = st.fixed_dictionaries(
    {"sub": SUB, "st": STATUS, "iat": TIME, "exp": TIME}, optional=OTHER_CLAIMS
) | st.fixed_dictionaries(
    {}, optional={"sub": SUB, "st": STATUS, "iat": TIME, "exp": TIME, **OTHER_CLAIMS}
)


@given(CLAIMS, st.floats(NOW - 2000, NOW + 2000))
def test_any_trusted_claims_give_a_sound_pass_or_a_rejection(
    body: dict[str, Any], now: float
) -> None:
    """Even a trusted signer's odd claims never crash, and an accepted pass is in time."""
    try:
        verified = verify_pass(craft(body), TRUST, now=now)
    except PassRejected as exc:
        assert isinstance(exc.problem, PassProblem)
        return
    assert math.isfinite(verified.issued_at) and math.isfinite(verified.expires_at)
    assert verified.issued_at <= now + DEFAULT_SKEW
    assert now <= verified.expires_at + DEFAULT_SKEW
    assert verified.iin == body["sub"]
    assert verified.status.value == body["st"]
    assert verified.status_valid_until is None or math.isfinite(verified.status_valid_until)


JWS_CHAR = (
    st.characters(exclude_categories=())
    | st.characters(categories=["Cs"])
    | st.sampled_from("eyJ.-_=AQw0")
)


@given(st.text(JWS_CHAR, max_size=40), st.text(JWS_CHAR, max_size=40), st.text(JWS_CHAR))
def test_any_text_is_rejected_with_a_pass_problem(a: str, b: str, c: str) -> None:
    for text in (f"eyJ{a}.{b}.{c}", a + b + c):
        with pytest.raises(PassRejected):
            verify_pass(text, TRUST, now=NOW)
