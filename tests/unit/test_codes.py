"""What a decoded code is: a signed pass, a bare IIN, or invalid with a reason."""

from __future__ import annotations

import base64
import json
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from kiosk.codes import MAX_CODE_LENGTH, CodeKind, ParsedCode, parse_code
from kiosk.iin import is_valid_iin
from kiosk.passes import DEFAULT_LIFETIME, DEFAULT_SKEW, TrustList, public_jwk, sign_pass
from kiosk.status import Status

NOW = 1_700_000_000
KID = "desk-key"
IIN = "900101300017"  # hand-checked in test_iin.py
IIN_2 = "851231200059"
SIGNER = Ed25519PrivateKey.generate()
TRUST = TrustList.from_jwks({"keys": [public_jwk(SIGNER.public_key(), KID)]})


def make_pass(
    iin: str = IIN,
    status: Status = Status.GREEN,
    issued_at: float = NOW,
    key: Ed25519PrivateKey = SIGNER,
) -> str:
    return sign_pass(key, KID, iin=iin, status=status, issued_at=issued_at)


GOOD_PASS = make_pass()


def parse(text: str, now: float = NOW) -> ParsedCode:
    return parse_code(text, TRUST, now=now)


def dumped(code: ParsedCode) -> str:
    return json.dumps(code.describe(), allow_nan=False)


def assert_invalid(text: str, reason: str) -> None:
    code = parse(text)
    assert code == ParsedCode(CodeKind.INVALID, reason=reason)
    assert code.describe() == {"kind": "invalid", "reason": reason}


# --- passes ---


def test_valid_pass() -> None:
    code = parse(make_pass(iin=IIN_2, status=Status.RED))
    assert code.kind is CodeKind.PASS
    assert code.iin == IIN_2
    assert code.reason is None
    assert code.visitor_pass is not None
    assert (code.visitor_pass.iin, code.visitor_pass.status) == (IIN_2, Status.RED)
    assert code.describe() == {
        "kind": "pass",
        "status": "red",
        "kid": KID,
        "expires_at": NOW + DEFAULT_LIFETIME,
    }
    assert IIN_2 not in dumped(code)


@pytest.mark.parametrize("padding", [("", "\r\n"), ("", "\n"), ("\t", "\r"), ("  ", " \t\r\n")])
def test_pass_with_scanner_padding(padding: tuple[str, str]) -> None:
    code = parse(padding[0] + GOOD_PASS + padding[1])
    assert (code.kind, code.iin) == (CodeKind.PASS, IIN)


def test_expired_pass() -> None:
    code = parse(GOOD_PASS, now=NOW + DEFAULT_LIFETIME + DEFAULT_SKEW + 1)
    assert code == ParsedCode(CodeKind.EXPIRED, reason="expired")
    assert code.describe() == {"kind": "expired", "reason": "expired"}
    # One second earlier it still counts.
    assert parse(GOOD_PASS, now=NOW + DEFAULT_LIFETIME + DEFAULT_SKEW).kind is CodeKind.PASS


def test_pass_from_the_future_is_invalid_not_expired() -> None:
    assert_invalid(make_pass(issued_at=NOW + DEFAULT_SKEW + 60), "issued_in_future")


def test_bad_signature() -> None:
    head, payload, signature = GOOD_PASS.split(".")
    forged = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    assert_invalid(f"{head}.{payload}.{forged}", "bad_signature")
    assert_invalid(make_pass(key=Ed25519PrivateKey.generate()), "bad_signature")


def test_pass_with_a_bad_iin_inside() -> None:
    assert_invalid(make_pass(iin="900101300018"), "bad_iin")


def test_unknown_key() -> None:
    assert parse_code(GOOD_PASS, TrustList(), now=NOW) == ParsedCode(
        CodeKind.INVALID, reason="unknown_key"
    )


def test_unsigned_pass_is_invalid() -> None:
    def b64(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    body = {"sub": IIN, "st": "green", "iat": NOW, "exp": NOW + 300}
    assert_invalid(f"{b64({'alg': 'none', 'kid': KID})}.{b64(body)}.", "bad_algorithm")


@pytest.mark.parametrize(
    "text",
    [
        "eyJ.garbage.x",
        "eyJ!!.@@.##",
        "eyJ\x00.\x00.\x00",
        "eyJ🙂.🙂.🙂",
        "eyJhbGciOiJub3QgSlNPTg.e30.x",
    ],
)
def test_jws_shaped_garbage_is_invalid(text: str) -> None:
    assert_invalid(text, "malformed_pass")


def test_header_only_pass_is_invalid() -> None:
    head = GOOD_PASS.split(".")[0]
    assert_invalid("eyJhbGciOiJFZERTQSJ9..", "unknown_key")  # {"alg":"EdDSA"}: no kid
    code = parse(f"{head}..")
    assert code.kind is CodeKind.INVALID
    assert code.reason in ("bad_signature", "malformed_pass")


def test_pass_with_a_lone_surrogate_is_invalid() -> None:
    assert_invalid(GOOD_PASS[:-5] + "\ud800" + GOOD_PASS[-4:], "malformed_pass")


@pytest.mark.parametrize(
    "text",
    [
        GOOD_PASS + ".x",  # three dots: not a compact JWS
        GOOD_PASS.replace(".", "", 1),  # one dot
        "xx" + GOOD_PASS,  # does not start like a JWS header
        GOOD_PASS[:-1] + "\u200b" + GOOD_PASS[-1] + "\u200b",  # zero-width space
    ],
)
def test_pass_like_text_in_another_shape_is_invalid(text: str) -> None:
    code = parse(text)
    assert code.kind is CodeKind.INVALID
    assert code.iin is None


# --- bare IINs ---


def test_bare_iin() -> None:
    code = parse(IIN)
    assert code == ParsedCode(CodeKind.IIN, iin=IIN)
    assert code.describe() == {"kind": "iin"}


@pytest.mark.parametrize(
    "text",
    [
        IIN + "\r",
        IIN + "\n",
        IIN + "\r\n",
        "\t" + IIN + "\t",
        "   " + IIN + "   ",
        "\r\n\t " + IIN + " \t\r\n",
        "\xa0" + IIN,
        IIN.center(MAX_CODE_LENGTH),
    ],
)
def test_bare_iin_with_padding(text: str) -> None:
    assert parse(text) == ParsedCode(CodeKind.IIN, iin=IIN)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("900101300018", "iin_checksum"),
        ("900101300810", "iin_checksum"),  # the first weight round gives 10: no digit "0"
        ("900230300017", "iin_date"),
        ("900101700017", "iin_century_digit"),
    ],
)
def test_twelve_digits_that_are_not_an_iin(text: str, reason: str) -> None:
    assert_invalid(text, reason)
    assert_invalid(f" {text}\r\n", reason)


@pytest.mark.parametrize(
    "text",
    [
        "90010130001",
        "9001013000170",
        "9001 0130 0017",
        "900-101-300-017",
        "٩٠٠١٠١٣٠٠٠١٧",  # Arabic-Indic digits
        "９００１０１３０００１７",  # fullwidth digits
        "IIN:" + IIN,
        "\u202e" + IIN,  # right-to-left override in front of a good IIN
        IIN + "\u200b",  # zero-width space
    ],
)
def test_iin_lookalikes_are_unknown_format(text: str) -> None:
    assert_invalid(text, "unknown_format")


# --- everything else ---


@pytest.mark.parametrize("text", ["", " ", "\r\n", "\t\t", " \r\n\t ", "\u3000", "\xa0\n"])
def test_empty(text: str) -> None:
    assert_invalid(text, "empty")


def test_too_long() -> None:
    assert_invalid("9" * (MAX_CODE_LENGTH + 1), "too_long")
    # The limit counts what was read, padding included.
    assert_invalid(IIN.center(MAX_CODE_LENGTH + 1), "too_long")
    assert_invalid(GOOD_PASS + " " * MAX_CODE_LENGTH, "too_long")


def test_one_megabyte_returns_quickly() -> None:
    for text in ("x" * 2**20, "eyJ" + "A.B." * 2**18, "\x00" * 2**20, IIN * 90_000):
        started = time.perf_counter()
        assert parse(text) == ParsedCode(CodeKind.INVALID, reason="too_long")
        assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\x00", id="nul"),
        pytest.param("\x00" * 12, id="twelve-nuls"),
        pytest.param("9001013\x0000017", id="nul-inside-iin"),
        pytest.param(IIN + "\x00", id="nul-after-iin"),
        pytest.param(bytes(range(256)).decode("latin-1"), id="latin-1-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00".decode("latin-1"), id="png-header"),
        pytest.param("\ufffd" * 20, id="replacement-chars"),
        pytest.param("🙂", id="emoji"),
        pytest.param("👨‍👩‍👧‍👦🇰🇿", id="emoji-sequences"),
        pytest.param("مرحبا بكم", id="arabic"),
        pytest.param("שלום עולם", id="hebrew"),
        pytest.param("\u202eeyJ.a.b", id="rtl-override-jws"),
        pytest.param("\ud800\udfff", id="lone-surrogates"),
        pytest.param("https://example.kz/?iin=" + IIN, id="url"),
        pytest.param("Бекболат М.", id="cyrillic"),
    ],
)
def test_unknown_format(text: str) -> None:
    assert_invalid(text, "unknown_format")


@pytest.mark.parametrize("value", [None, b"900101300017", 900101300017])
def test_not_a_string(value: object) -> None:
    code = parse_code(value, TRUST, now=NOW)  # type: ignore[arg-type]
    assert code.kind is CodeKind.INVALID
    assert code.iin is None


# --- properties ---

ANY_CHAR = st.characters(exclude_categories=()) | st.characters(categories=["Cs"])
PADDING = st.text(st.sampled_from(" \t\r\n"), max_size=4)
KNOWN = st.sampled_from([IIN, IIN_2, GOOD_PASS, make_pass(IIN_2, Status.YELLOW), "eyJ"])
CODES = st.one_of(
    st.text(ANY_CHAR),
    st.text(st.sampled_from("0123456789 \t\r\n")),
    st.builds(lambda a, k, b: a + k + b, PADDING, KNOWN, PADDING),
    st.builds(lambda a, k, b: a + k + b, st.text(ANY_CHAR, max_size=3), KNOWN, PADDING),
    st.builds(lambda k, i, c: k[:i] + c + k[i + 1 :], KNOWN, st.integers(0, 300), ANY_CHAR),
    st.builds(lambda s, n: s * n, st.text(ANY_CHAR, min_size=1, max_size=8), st.integers(1, 2**17)),
    st.builds(lambda n: IIN.center(n), st.integers(MAX_CODE_LENGTH - 2, MAX_CODE_LENGTH + 2)),
)


@given(CODES, st.floats(NOW - 1000, NOW + 1000))
def test_parse_code_never_raises_and_never_leaks_the_iin(text: str, now: float) -> None:
    code = parse_code(text, TRUST, now=now)
    assert isinstance(code, ParsedCode)
    assert code.kind in set(CodeKind)
    summary = dumped(code)
    assert json.loads(summary)["kind"] == code.kind.value
    for iin in (IIN, IIN_2, code.iin):
        assert iin is None or iin not in summary
    if code.kind is CodeKind.PASS:
        assert code.visitor_pass is not None
        assert code.iin == code.visitor_pass.iin
        assert is_valid_iin(code.iin)
    elif code.kind is CodeKind.IIN:
        assert code.iin == text.strip()
        assert is_valid_iin(code.iin)
    else:
        assert code.iin is None and code.visitor_pass is None
        assert isinstance(code.reason, str) and code.reason
        assert not code.reason.startswith("unreadable"), code.reason
